package com.serviceloop.audit;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
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
@Validated
@RequestMapping("/api/v1/mystery/visits")
@Tag(name = "Mystery visits", description = "Assign shoppers, read reports with their scores, review, debrief")
class MysteryVisitApi {
    private final MysteryVisits visits;
    private final ShopperVisits shopperVisits;

    MysteryVisitApi(MysteryVisits visits, ShopperVisits shopperVisits) {
        this.visits = visits;
        this.shopperVisits = shopperVisits;
    }

    @Operation(summary = "Mystery visits at the outlets in the caller's scope, latest planned first")
    @Roles.Oversight
    @GetMapping
    public List<MysteryVisit> listVisits(@AuthenticationPrincipal AppUser user,
                                         @RequestParam(required = false) Long programmeId,
                                         @RequestParam(required = false)
                                         @Pattern(regexp = "ASSIGNED|SUBMITTED|RETURNED|ACCEPTED|REJECTED") String status,
                                         @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return visits.list(user, programmeId, status, limit);
    }

    @Operation(summary = "Assign a shopper to an outlet of a programme on a day in its window (revisit rule, monthly quota)")
    @Roles.Oversight
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public MysteryVisit assignVisit(@AuthenticationPrincipal AppUser user, @Valid @RequestBody MysteryVisitForm form) {
        return visits.assign(user, form);
    }

    @Operation(summary = "A visit's report: scenario, answers, scores by the audit rules, debrief")
    @Roles.Oversight
    @GetMapping("/{id}")
    public MysteryVisitView getVisit(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        return visits.view(user, id);
    }

    @Operation(summary = "Review a submitted report: ACCEPT (it counts), RETURN for correction or REJECT (with a comment); "
            + "rate the report 1-5")
    @Roles.Oversight
    @PostMapping("/{id}/review")
    public MysteryVisitView reviewVisit(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                        @Valid @RequestBody MysteryReviewForm form) {
        return visits.review(user, id, form);
    }

    @Operation(summary = "Record (or correct) the debrief with the outlet team of an accepted visit")
    @Roles.Oversight
    @PutMapping("/{id}/debrief")
    public MysteryDebrief debriefVisit(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                @Valid @RequestBody MysteryDebriefForm form) {
        return visits.debrief(user, id, form);
    }

    @Operation(summary = "The receipt photo the shopper gave as proof of visit")
    @Roles.Oversight
    @GetMapping("/{id}/receipt")
    public ResponseEntity<byte[]> visitReceipt(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        visits.get(user, id);
        AuditAnswers.PhotoContent p = shopperVisits.receiptContent(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(p.contentType()))
                .cacheControl(CacheControl.noStore()).body(p.bytes());
    }
}
