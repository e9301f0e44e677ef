package com.serviceloop.standard;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
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
@RequestMapping("/api/v1")
@Tag(name = "Standards", description = "Service standards: areas, versions, quality advice, priorities, measurements")
class StandardApi {
    private final StandardService standards;
    private final PriorityService priorities;
    private final StarterLibrary library;
    private final StarterService starter;

    public StandardApi(StandardService standards, PriorityService priorities, StarterLibrary library,
                       StarterService starter) {
        this.standards = standards;
        this.priorities = priorities;
        this.library = library;
        this.starter = starter;
    }

    public record ApplyRequest(@NotBlank String outletType) {
    }

    public record Saved(Standard standard, List<Finding> findings) {
    }

    @Operation(summary = "The 14 standard areas, 7 procedural and 7 personal")
    @Roles.SignedIn
    @GetMapping("/standard-areas")
    public List<StandardArea> areas() {
        return standards.areas();
    }

    @Roles.SignedIn
    @GetMapping("/standards")
    public List<Standard> list(@RequestParam String outletType,
                               @RequestParam(defaultValue = "false") boolean includeRetired) {
        return standards.list(outletType, includeRetired);
    }

    @Roles.SignedIn
    @GetMapping("/standards/{id}")
    public Standard get(@PathVariable long id) {
        return standards.get(id);
    }

    // a draft may be anything, so it is advised on rather than refused; the generated input test reads the extension
    @Operation(summary = "Quality advice on a draft standard (clear, concise, observable, realistic, not a duplicate); saves nothing",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-saves-nothing", value = "true")))
    @Roles.SignedIn
    @PostMapping("/standards/check")
    public List<Finding> check(@RequestBody StandardForm form, @RequestParam(required = false) Long standardId,
                               Locale locale) {
        return standards.check(form, standardId, locale);
    }

    @Operation(summary = "Write a standard; the answer carries the quality advice too (advice never blocks saving)")
    @Roles.ChainWide
    @PostMapping("/standards")
    @ResponseStatus(HttpStatus.CREATED)
    public Saved create(@AuthenticationPrincipal AppUser user, @Valid @RequestBody StandardForm form, Locale locale) {
        Standard s = standards.create(user, form);
        return new Saved(s, standards.check(form, s.id(), locale));
    }

    @Operation(summary = "Revise a standard: adds a version and closes the previous one (send 'version' to detect conflicts)")
    @Roles.ChainWide
    @PutMapping("/standards/{id}")
    public Saved revise(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                        @Valid @RequestBody StandardForm form, Locale locale) {
        Standard s = standards.revise(user, id, form);
        return new Saved(s, standards.check(form, id, locale));
    }

    @Operation(summary = "Retire a standard; it and its history stay readable")
    @Roles.ChainWide
    @DeleteMapping("/standards/{id}")
    public Standard retire(@PathVariable long id) {
        return standards.retire(id);
    }

    @Roles.SignedIn
    @GetMapping("/standards/{id}/versions")
    public List<StandardVersion> versions(@PathVariable long id) {
        return standards.history(id);
    }

    @Operation(summary = "Record one observation; it is tied to the version in force at measuredAt")
    @Roles.Measures
    @PostMapping("/standards/{id}/measurements")
    @ResponseStatus(HttpStatus.CREATED)
    public Measurement measure(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                               @Valid @RequestBody MeasurementForm form) {
        return standards.measure(user, id, form);
    }

    @Roles.SignedIn
    @GetMapping("/standards/{id}/measurements")
    public List<Measurement> measurements(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                          @RequestParam(defaultValue = "100") int limit) {
        return standards.measurements(user, id, Math.max(1, Math.min(limit, 1000)));
    }

    @Operation(summary = "Share of observations that met the standard, per version, in your outlets")
    @Roles.SignedIn
    @GetMapping("/standards/{id}/compliance")
    public List<Compliance> compliance(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to) {
        return standards.compliance(user, id, from, to);
    }

    @Operation(summary = "Industries in the starter library (pharmacy, fashion retail, restaurant, courier, generic)")
    @Roles.SignedIn
    @GetMapping("/starter-library")
    public List<StarterLibrary.Summary> starterLibrary() {
        return library.summaries();
    }

    @Operation(summary = "Pre-fill an outlet type with an industry's standards and blueprint, in the caller's language")
    @Roles.ChainWide
    @PostMapping("/starter-library/{industry}/apply")
    @ResponseStatus(HttpStatus.CREATED)
    public StarterService.Applied applyStarter(@AuthenticationPrincipal AppUser user, @PathVariable String industry,
                                               @Valid @RequestBody ApplyRequest request, Locale locale) {
        return starter.apply(user, industry, request.outletType(), locale);
    }

    @Operation(summary = "Weight split and per-standard weights of an outlet type")
    @Roles.SignedIn
    @GetMapping("/priorities/{outletType}")
    public Priorities priorities(@PathVariable String outletType) {
        return priorities.get(outletType);
    }

    @Roles.ChainWide
    @PutMapping("/priorities/{outletType}")
    public Priorities savePriorities(@PathVariable String outletType, @Valid @RequestBody PriorityForm form) {
        return priorities.save(outletType, form);
    }
}
