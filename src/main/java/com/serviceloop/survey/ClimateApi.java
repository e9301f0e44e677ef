package com.serviceloop.survey;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/climate")
@Tag(name = "Service climate", description = "The staff survey of the service climate: staff links per outlet and the "
        + "climate index per outlet and quarter")
class ClimateApi {
    private final ClimateResults results;
    private final SurveyLinks links;

    ClimateApi(ClimateResults results, SurveyLinks links) {
        this.results = results;
        this.links = links;
    }

    @Operation(summary = "The climate index (0-100) and its areas per outlet of a unit (an outlet, a region or the chain; "
            + "the caller's whole scope without one) in a quarter (yyyy-Qn; the latest with answers without one), the unit "
            + "together, its statements, and the quarters before. An outlet with fewer than minAnswers (3) answers in a "
            + "quarter shows its count with shown=false and null figures, and is left out of every total")
    @Roles.Oversight
    @GetMapping("/results")
    public ClimateResults.Result results(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long unit,
                                         @RequestParam(required = false) String quarter, Locale locale) {
        return results.results(user, unit, quarter, locale);
    }

    /** A staff link: the outlet, and how staff reach it. */
    public record StaffLinkForm(Long outletId, String channel) {
    }

    @Operation(summary = "Make an outlet's staff link to the climate survey (LINK, QR or KIOSK; shared by the team, so "
            + "answers stay anonymous). Staff answer it like a public survey, at /s/{token} or "
            + "/api/v1/public/surveys/{token}, with the same limits per address, device and link")
    @Roles.Managers
    @PostMapping("/links")
    @ResponseStatus(HttpStatus.CREATED)
    public SurveyLink link(@AuthenticationPrincipal AppUser user, @RequestBody StaffLinkForm form) {
        return links.create(user, results.survey().id(), new SurveyLinks.LinkForm(form.outletId(), form.channel(), false, null));
    }

    @Operation(summary = "The staff links of the outlets in the caller's scope, newest first")
    @Roles.Managers
    @GetMapping("/links")
    public List<SurveyLink> links(@AuthenticationPrincipal AppUser user) {
        return links.list(user, results.survey().id());
    }
}
