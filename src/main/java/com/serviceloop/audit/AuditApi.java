package com.serviceloop.audit;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Validated
@RequestMapping("/api/v1/audits")
@Tag(name = "Audits", description = "Walk-around service audits: start, answer item by item, photos, submit, sign off")
class AuditApi {
    private final Audits audits;
    private final AuditAnswers answers;

    AuditApi(Audits audits, AuditAnswers answers) {
        this.audits = audits;
        this.answers = answers;
    }

    @Operation(summary = "Audits of the outlets in the caller's scope, newest first")
    @Roles.SignedIn
    @GetMapping
    public List<Audit> list(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long outletId,
                            @RequestParam(required = false) @Pattern(regexp = "IN_PROGRESS|SUBMITTED|SIGNED_OFF") String status,
                            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return audits.list(user, outletId, status, limit);
    }

    @Operation(summary = "Start an audit of an outlet with the latest published version of a form")
    @Roles.Oversight
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Audit start(@AuthenticationPrincipal AppUser user, @Valid @RequestBody StartForm form) {
        return audits.start(user, form);
    }

    @Operation(summary = "An audit with its form, answers, progress and scores (item, section, overall)")
    @Roles.SignedIn
    @GetMapping("/{id}")
    public AuditView get(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        return audits.view(user, id);
    }

    @Operation(summary = "Save one answer; the same key again returns the stored answer and writes nothing (safe to replay)")
    @Roles.Oversight
    @PostMapping("/{id}/answers")
    public Answer answer(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                         @Valid @RequestBody AnswerForm form) {
        return answers.answer(user, id, form);
    }

    @Operation(summary = "Add a photo (JPEG, PNG, WebP, GIF) to a PHOTO item, or the signature (PNG) of a SIGNATURE item; "
            + "the same key again returns the stored photo and writes nothing (safe to replay)")
    @Roles.Oversight
    @PostMapping(path = "/{id}/items/{itemId}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public Photo photo(@AuthenticationPrincipal AppUser user, @PathVariable long id, @PathVariable long itemId,
                       @RequestPart("file") MultipartFile file,
                       @RequestParam(required = false) String key) throws IOException {
        return answers.addPhoto(user, id, itemId, key == null || key.isBlank() ? null : key, file.getInputStream());
    }

    @Roles.SignedIn
    @GetMapping("/{id}/photos/{photoId}")
    public ResponseEntity<byte[]> photoContent(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                               @PathVariable long photoId) {
        AuditAnswers.PhotoContent p = answers.photo(user, id, photoId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(p.contentType()))
                .cacheControl(CacheControl.noStore()).body(p.bytes());
    }

    @Operation(summary = "Submit: every required item must be answered; the scores are kept with the audit")
    @Roles.Oversight
    @PostMapping("/{id}/submit")
    public AuditView submit(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        return audits.submit(user, id);
    }

    @Operation(summary = "The outlet's manager signs off a submitted audit")
    @Roles.Managers
    @PostMapping("/{id}/sign-off")
    public Audit signOff(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        return audits.signOff(user, id);
    }
}
