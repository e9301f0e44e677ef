package com.serviceloop.audit;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
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
@RequestMapping("/api/v1/audit-forms")
@Tag(name = "Audit forms", description = "Service audit forms built from the standards: draft, publish, versions")
class AuditFormApi {
    private final AuditForms forms;

    AuditFormApi(AuditForms forms) {
        this.forms = forms;
    }

    @Operation(summary = "Audit forms, of one outlet type or all")
    @Roles.SignedIn
    @GetMapping
    public List<AuditForm> list(@RequestParam(required = false) String outletType) {
        return forms.list(outletType);
    }

    @Operation(summary = "A new form whose draft holds one section per area and one item per standard in force")
    @Roles.ChainWide
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public FormVersion create(@AuthenticationPrincipal AppUser user, @Valid @RequestBody NewForm form) {
        return forms.create(user, form);
    }

    @Roles.SignedIn
    @GetMapping("/{id}")
    public AuditForm get(@PathVariable long id) {
        return forms.get(id);
    }

    @Operation(summary = "The draft; when there is none, the latest published version (the next save starts from it)")
    @Roles.SignedIn
    @GetMapping("/{id}/draft")
    public FormVersion draft(@PathVariable long id) {
        return forms.draft(id);
    }

    @Operation(summary = "Save the whole draft: sections and items in order, weights, critical and N/A flags")
    @Roles.ChainWide
    @PutMapping("/{id}/draft")
    public FormVersion saveDraft(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                 @Valid @RequestBody DraftForm form) {
        return forms.saveDraft(user, id, form);
    }

    @Operation(summary = "Publish the draft as an immutable version tied to the standard versions in force")
    @Roles.ChainWide
    @PostMapping("/{id}/publish")
    public FormVersion publish(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        return forms.publish(user, id);
    }

    @Roles.SignedIn
    @GetMapping("/{id}/versions/{versionNo}")
    public FormVersion version(@PathVariable long id, @PathVariable int versionNo) {
        return forms.published(id, versionNo);
    }
}
