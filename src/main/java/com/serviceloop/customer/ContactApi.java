package com.serviceloop.customer;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.PageRequest;
import com.serviceloop.platform.PageResult;
import com.serviceloop.platform.TableWriter;
import com.serviceloop.platform.XlsxDownload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.List;
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
@Tag(name = "Contact plans", description = "Contact rules for the loyal-customer roster, the due list, contacts and their effect")
class ContactApi {
    private final ContactRules rules;
    private final ContactDueList due;
    private final ContactDueJob job;
    private final ContactLog log;
    private final ContactEffect effect;

    ContactApi(ContactRules rules, ContactDueList due, ContactDueJob job, ContactLog log, ContactEffect effect) {
        this.rules = rules;
        this.due = due;
        this.job = job;
        this.log = log;
        this.effect = effect;
    }

    @Operation(summary = "Contact rules that apply in the caller's outlets (chain-wide ones included)")
    @Roles.SignedIn
    @GetMapping("/contact-rules")
    public List<ContactRule> rules(@AuthenticationPrincipal AppUser user) {
        return rules.list(user);
    }

    @Roles.SignedIn
    @GetMapping("/contact-rules/{id}")
    public ContactRule rule(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        return rules.get(user, id);
    }

    @Operation(summary = "Add an outlet's contact rule (outletId required, in the caller's scope)")
    @Roles.Managers
    @PostMapping("/contact-rules")
    @ResponseStatus(HttpStatus.CREATED)
    public ContactRule create(@AuthenticationPrincipal AppUser user, @Valid @RequestBody ContactRuleForm form) {
        return rules.create(user, form, false);
    }

    @Operation(summary = "Replace an outlet's contact rule (whole record; send the version you read for 409 on lost updates)")
    @Roles.Managers
    @PutMapping("/contact-rules/{id}")
    public ContactRule update(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                              @Valid @RequestBody ContactRuleForm form) {
        return rules.update(user, id, form, false);
    }

    @Operation(summary = "Delete an outlet's contact rule that has no contacts recorded under it (409 otherwise: switch it off)")
    @Roles.Managers
    @DeleteMapping("/contact-rules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        rules.delete(user, id, false);
    }

    @Operation(summary = "Add a chain-wide contact rule, applying to every outlet (outletId must be null)")
    @Roles.ChainWide
    @PostMapping("/contact-rules/chain-wide")
    @ResponseStatus(HttpStatus.CREATED)
    public ContactRule createChainWide(@AuthenticationPrincipal AppUser user, @Valid @RequestBody ContactRuleForm form) {
        return rules.create(user, form, true);
    }

    @Operation(summary = "Replace a chain-wide contact rule (whole record)")
    @Roles.ChainWide
    @PutMapping("/contact-rules/chain-wide/{id}")
    public ContactRule updateChainWide(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                       @Valid @RequestBody ContactRuleForm form) {
        return rules.update(user, id, form, true);
    }

    @Operation(summary = "Delete a chain-wide contact rule that has no contacts recorded under it")
    @Roles.ChainWide
    @DeleteMapping("/contact-rules/chain-wide/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void deleteChainWide(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        rules.delete(user, id, true);
    }

    @Operation(summary = "Open contact items of an outlet (outletId) or of a person (personId; default: the caller), earliest due first, paged")
    @Roles.FrontLine
    @GetMapping("/contact-due")
    public PageResult<ContactDueItem> due(@AuthenticationPrincipal AppUser user,
                                          @RequestParam(required = false) Long outletId,
                                          @RequestParam(required = false) Long personId,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer size) {
        if (outletId != null && personId != null) {
            throw BadInputException.of("personId", "error.customer.contactOutletOrPerson");
        }
        PageRequest p = PageRequest.of(page, size);
        return outletId != null ? due.ofOutlet(user, outletId, p) : due.ofPerson(user, personId == null ? user.id() : personId, p);
    }

    @Operation(summary = "An outlet's open contact items as CSV")
    @Roles.FrontLine
    @GetMapping(value = "/contact-due/export", produces = "text/csv")
    public void export(@AuthenticationPrincipal AppUser user, @RequestParam long outletId, HttpServletResponse response)
            throws IOException {
        due.exportOutlet(user, outletId, TableWriter.download(response, "contact-due", false, "contact-due"));
    }

    @Operation(summary = "An outlet's open contact items as an Excel workbook (xlsx)")
    @Roles.FrontLine
    @GetMapping(value = "/contact-due/export.xlsx", produces = XlsxDownload.CONTENT_TYPE)
    public void exportXlsx(@AuthenticationPrincipal AppUser user, @RequestParam long outletId, HttpServletResponse response)
            throws IOException {
        due.exportOutlet(user, outletId, TableWriter.download(response, "contact-due", true, "contact-due"));
    }

    @Operation(summary = "Generate the due list now for one outlet or every outlet in scope (409 while a run is going on)")
    @Roles.Managers
    @PostMapping("/contact-due/generate")
    public ContactDueJob.Result generate(@AuthenticationPrincipal AppUser user,
                                         @RequestParam(required = false) Long outletId) {
        return job.now(user, outletId);
    }

    @Operation(summary = "Record a contact and its outcome; answering a due item clears it")
    @Roles.FrontLine
    @PostMapping("/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    public ContactRecord record(@AuthenticationPrincipal AppUser user, @Valid @RequestBody ContactForm form) {
        return log.record(user, form);
    }

    @Operation(summary = "A customer's contacts, newest first")
    @Roles.FrontLine
    @GetMapping("/customers/{id}/contacts")
    public List<ContactRecord> history(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        return log.history(user, id);
    }

    @Operation(summary = "Per rule: 90-day return rate of reached customers vs due but not reached (a simple comparison, not a causal effect)")
    @Roles.Oversight
    @GetMapping("/contact-effect")
    public List<ContactEffect.RuleEffect> effect(@AuthenticationPrincipal AppUser user) {
        return effect.perRule(user);
    }
}
