package com.serviceloop.team;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/jobs/{id}")
@Tag(name = "Team", description = "Jobs built from the standards, versioned job descriptions, who holds each job")
class SelectionApi {
    private final SelectionService selection;

    SelectionApi(SelectionService selection) {
        this.selection = selection;
    }

    public record StatusForm(@NotNull @Positive Long candidateId, @NotNull Candidate.Status status) {
    }

    @Operation(summary = "The structured interview guide: saved, or generated from the job's standard areas (version 0)")
    @Roles.SignedIn
    @GetMapping("/interview-guide")
    public InterviewGuide guide(@PathVariable long id, Locale locale) {
        return selection.guide(id, locale);
    }

    @Operation(summary = "Save the whole guide; 'version' is the one it was edited from (409 when stale)")
    @Roles.ChainWide
    @PutMapping("/interview-guide")
    public InterviewGuide saveGuide(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                    @Valid @RequestBody GuideForm form, Locale locale) {
        return selection.saveGuide(user, id, form, locale);
    }

    @Operation(summary = "The job's candidates in the caller's outlets")
    @Roles.Managers
    @GetMapping("/candidates")
    public List<Candidate> candidates(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        return selection.candidates(user, id);
    }

    @Operation(summary = "Add a candidate (an applicant, not a customer) at an outlet of the caller's")
    @Roles.Managers
    @PostMapping("/candidates")
    @ResponseStatus(HttpStatus.CREATED)
    public Candidate addCandidate(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                  @Valid @RequestBody CandidateForm form) {
        return selection.addCandidate(user, id, form);
    }

    @Operation(summary = "Move a candidate on: interviewed, offered, hired or declined")
    @Roles.Managers
    @PostMapping("/candidates/status")
    public Candidate status(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                            @Valid @RequestBody StatusForm form) {
        return selection.setStatus(user, id, form.candidateId(), form.status());
    }

    @Operation(summary = "Score a candidate per standard area, 1 to 5, as the interviewer calling; answers the comparison")
    @Roles.Managers
    @PostMapping("/candidates/scores")
    public Comparison score(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                            @Valid @RequestBody ScoreForm form) {
        return selection.score(user, id, form);
    }

    @Operation(summary = "Candidates side by side: mean score per area over the interviewers, overall mean of the area means")
    @Roles.Managers
    @GetMapping("/candidates/comparison")
    public Comparison comparison(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        return selection.comparison(user, id);
    }
}
