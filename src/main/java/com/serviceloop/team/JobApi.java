package com.serviceloop.team;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/jobs")
@Tag(name = "Team", description = "Jobs built from the standards, versioned job descriptions, who holds each job")
class JobApi {
    private final JobService jobs;
    private final DescriptionService descriptions;
    private final DescriptionPdf pdf;

    JobApi(JobService jobs, DescriptionService descriptions, DescriptionPdf pdf) {
        this.jobs = jobs;
        this.descriptions = descriptions;
        this.pdf = pdf;
    }

    @Operation(summary = "Jobs of an outlet type and the chain-wide ones (every job without outletType)")
    @Roles.SignedIn
    @GetMapping
    public List<Job> list(@RequestParam(required = false) String outletType) {
        return jobs.list(outletType);
    }

    @Roles.SignedIn
    @GetMapping("/{id}")
    public Job get(@PathVariable long id) {
        return jobs.get(id);
    }

    @Operation(summary = "Add a job with the standards that apply to it (standards of its outlet type when it has one)")
    @Roles.ChainWide
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Job create(@Valid @RequestBody JobForm form) {
        return jobs.create(form);
    }

    @Operation(summary = "Change a job's name, outlet type and standards (send 'version' to detect conflicts)")
    @Roles.ChainWide
    @PutMapping("/{id}")
    public Job update(@PathVariable long id, @Valid @RequestBody JobForm form) {
        return jobs.update(id, form);
    }

    @Operation(summary = "The job description: the latest saved version, or a draft from the standards (versionNo 0)")
    @Roles.SignedIn
    @GetMapping("/{id}/description")
    public Description description(@PathVariable long id, @RequestParam(required = false) Integer versionNo,
                                   Locale locale) {
        return versionNo == null ? descriptions.current(id, locale) : descriptions.version(id, versionNo);
    }

    @Operation(summary = "A fresh draft from the job's standards as they read now; saves nothing")
    @Roles.SignedIn
    @GetMapping("/{id}/description/draft")
    public Description draft(@PathVariable long id, Locale locale) {
        return descriptions.draft(id, locale);
    }

    @Operation(summary = "Save the description as a new version; 'version' is the one it was edited from (409 when stale)")
    @Roles.ChainWide
    @PutMapping("/{id}/description")
    public Description save(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                            @Valid @RequestBody DescriptionForm form) {
        return descriptions.save(user, id, form);
    }

    @Operation(summary = "The saved versions, newest first: number, author and time")
    @Roles.SignedIn
    @GetMapping("/{id}/description/versions")
    public List<Description.SavedVersion> versions(@PathVariable long id) {
        return descriptions.versions(id);
    }

    @Operation(summary = "Mark the description reviewed against its revised standards: clears 'needs review'")
    @Roles.ChainWide
    @PostMapping("/{id}/description/review")
    public Description review(@PathVariable long id, Locale locale) {
        return descriptions.review(id, locale);
    }

    @Operation(summary = "The job description as a PDF, in the language of ?lang= (or Accept-Language)")
    @Roles.SignedIn
    @GetMapping(value = "/{id}/description.pdf", produces = "application/pdf")
    public void descriptionPdf(@PathVariable long id, Locale locale, HttpServletResponse response) throws IOException {
        pdf.write(id, locale, response);
    }

    @Operation(summary = "The job's holders in the caller's outlets")
    @Roles.SignedIn
    @GetMapping("/{id}/people")
    public List<JobHolder> holders(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        return jobs.holders(user, id);
    }

    @Operation(summary = "Give the job to a person of the caller's outlets; it replaces the job they held")
    @Roles.Managers
    @PostMapping("/{id}/people")
    @ResponseStatus(HttpStatus.CREATED)
    public JobHolder assign(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                         @Valid @RequestBody HolderForm form) {
        return jobs.assign(user, id, form.personId());
    }

    @Operation(summary = "Take the job from a person of the caller's outlets")
    @Roles.Managers
    @PostMapping("/{id}/people/release")
    public void release(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                        @Valid @RequestBody HolderForm form) {
        jobs.release(user, id, form.personId());
    }
}
