package com.serviceloop.audit;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/mystery/my-visits")
@Tag(name = "My mystery visits", description = "For shoppers: their assigned visits, answers, proof of visit, submit")
@Roles.Shopper
class ShopperApi {
    private final ShopperVisits visits;

    ShopperApi(ShopperVisits visits) {
        this.visits = visits;
    }

    @Operation(summary = "The caller's own visits, open ones first (no scores)")
    @GetMapping
    public List<ShopperVisit> myVisits(@AuthenticationPrincipal AppUser user) {
        return visits.mine(user);
    }

    @Operation(summary = "One of the caller's visits with its scenario and the items to check")
    @GetMapping("/{id}")
    public ShopperVisit myVisit(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        return visits.get(user, id);
    }

    @Operation(summary = "Save one answer; the same key again returns the stored answer and writes nothing")
    @PostMapping("/{id}/answers")
    public ShopperVisit.ShopperAnswer answerMysteryItem(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                                @Valid @RequestBody AnswerForm form) {
        return visits.answer(user, id, form);
    }

    @Operation(summary = "When the visit took place, and where if the phone gave it (latitude and longitude together)")
    @PutMapping("/{id}/visit-time")
    public ShopperVisit setVisitTime(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                     @Valid @RequestBody MysteryVisitTimeForm form) {
        return visits.visitTime(user, id, form);
    }

    @Operation(summary = "Upload the receipt photo (JPEG, PNG, WebP, GIF) as proof of visit; a new one replaces the last")
    @PostMapping(path = "/{id}/receipt", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ShopperVisit uploadReceipt(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                      @RequestPart("file") MultipartFile file) throws IOException {
        return visits.receipt(user, id, file.getInputStream());
    }

    @GetMapping("/{id}/receipt")
    public ResponseEntity<byte[]> myReceipt(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        AuditAnswers.PhotoContent p = visits.receiptOf(user, id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(p.contentType()))
                .cacheControl(CacheControl.noStore()).body(p.bytes());
    }

    @Operation(summary = "Submit the report: receipt and visit time first, then every required item answered")
    @PostMapping("/{id}/submit")
    public ShopperVisit submitMysteryVisit(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        return visits.submitVisit(user, id);
    }
}
