package com.serviceloop.customer;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Service profiles", description = "Service characteristics, target customers, silhouette and needs review "
        + "per outlet type (template) and per outlet, with the measured customer mix beside them")
class ServiceProfileApi {
    private final ServiceProfileService profiles;
    private final ProfileFigures figures;

    ServiceProfileApi(ServiceProfileService profiles, ProfileFigures figures) {
        this.profiles = profiles;
        this.figures = figures;
    }

    @Operation(summary = "An outlet type's template: the newest version, or ?version=n")
    @Roles.SignedIn
    @GetMapping("/service-profiles/templates/{outletType}")
    public ServiceProfile template(@PathVariable String outletType,
                                   @RequestParam(required = false) Integer version) {
        return profiles.template(outletType, version);
    }

    @Operation(summary = "Save a new version of an outlet type's template; send the version you read (409 when stale)")
    @Roles.ChainWide
    @PutMapping("/service-profiles/templates/{outletType}")
    public ServiceProfile saveTemplate(@AuthenticationPrincipal AppUser user, @PathVariable String outletType,
                                       @Valid @RequestBody ServiceProfileForm form) {
        return profiles.saveTemplate(user, outletType, form);
    }

    @Roles.SignedIn
    @GetMapping("/service-profiles/templates/{outletType}/versions")
    public List<ServiceProfile.Version> templateVersions(@PathVariable String outletType) {
        return profiles.templateVersions(outletType);
    }

    @Operation(summary = "An outlet's profile (its own, else its type's template): the newest version, or ?version=n")
    @Roles.SignedIn
    @GetMapping("/outlets/{outletId}/service-profile")
    public ServiceProfile outlet(@AuthenticationPrincipal AppUser user, @PathVariable long outletId,
                                 @RequestParam(required = false) Integer version) {
        return profiles.outlet(user, outletId, version);
    }

    @Operation(summary = "Save a new version of an outlet's own profile; send the version you read (409 when stale)")
    @Roles.Managers
    @PutMapping("/outlets/{outletId}/service-profile")
    public ServiceProfile saveOutlet(@AuthenticationPrincipal AppUser user, @PathVariable long outletId,
                                     @Valid @RequestBody ServiceProfileForm form) {
        return profiles.saveOutlet(user, outletId, form);
    }

    @Roles.SignedIn
    @GetMapping("/outlets/{outletId}/service-profile/versions")
    public List<ServiceProfile.Version> outletVersions(@AuthenticationPrincipal AppUser user,
                                                       @PathVariable long outletId) {
        return profiles.outletVersions(user, outletId);
    }

    @Operation(summary = "The outlet's customers by age, income, education and social class, against the target bands")
    @Roles.SignedIn
    @GetMapping("/outlets/{outletId}/service-profile/actual-mix")
    public ProfileViews.ActualMix actualMix(@AuthenticationPrincipal AppUser user, @PathVariable long outletId) {
        return figures.actualMix(user, outletId);
    }

    @Operation(summary = "Most frequent entries of the customers' profile texts, per frequency tier")
    @Roles.SignedIn
    @GetMapping("/outlets/{outletId}/service-profile/concepts")
    public ProfileViews.Concepts concepts(@AuthenticationPrincipal AppUser user, @PathVariable long outletId) {
        return figures.concepts(user, outletId);
    }

    @Operation(summary = "The service silhouette per tier, beside the customers' SERVQUAL perception per dimension")
    @Roles.SignedIn
    @GetMapping("/outlets/{outletId}/service-profile/silhouette")
    public ProfileViews.Silhouette silhouette(@AuthenticationPrincipal AppUser user, @PathVariable long outletId) {
        return figures.silhouette(user, outletId);
    }

    @Operation(summary = "The team's need ratings beside the customers' own scores (1-5), disagreements flagged")
    @Roles.SignedIn
    @GetMapping("/outlets/{outletId}/service-profile/needs")
    public ProfileViews.NeedsReview needs(@AuthenticationPrincipal AppUser user, @PathVariable long outletId) {
        return figures.needs(user, outletId);
    }
}
