package com.serviceloop.customer;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.PersonService;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.FormErrors;
import com.serviceloop.platform.PageRequest;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Contact plan screens: the due list made for a phone (call with one tap, record the outcome with
 * two), the rules, the effect comparison, and the contacts section of a customer's page.
 */
@Controller
class ContactPages {
    private final ContactDueList due;
    private final ContactDueJob job;
    private final ContactLog log;
    private final ContactRules rules;
    private final ContactEffect effect;
    private final OrgService org;
    private final PersonService people;
    private final Clock clock;

    ContactPages(ContactDueList due, ContactDueJob job, ContactLog log, ContactRules rules, ContactEffect effect,
                 OrgService org, PersonService people, Clock clock) {
        this.due = due;
        this.job = job;
        this.log = log;
        this.rules = rules;
        this.effect = effect;
        this.org = org;
        this.people = people;
        this.clock = clock;
    }

    /** An outlet's list (the first outlet in scope unless one is picked), or the caller's own with mine=true. */
    @Roles.FrontLine
    @GetMapping("/contacts")
    public String list(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long outletId,
                       @RequestParam(required = false) Boolean mine, @RequestParam(required = false) Integer page,
                       Model model) {
        List<OrgUnit> outlets = org.visibleOutlets(user);
        Long outlet = Boolean.TRUE.equals(mine) ? null : outletId != null ? outletId
                : outlets.isEmpty() ? null : outlets.getFirst().id();
        PageRequest p = PageRequest.of(page, null);
        model.addAttribute("items", outlet == null ? due.ofPerson(user, user.id(), p) : due.ofOutlet(user, outlet, p));
        model.addAttribute("outlets", outlets);
        model.addAttribute("outletId", outlet);
        model.addAttribute("base", outlet == null ? "/contacts?mine=true" : "/contacts?outletId=" + outlet);
        model.addAttribute("outcomes", ContactOutcome.values());
        model.addAttribute("today", LocalDate.now(clock));
        return "customer/contacts";
    }

    /** The second tap: the outcome button of a card; htmx swaps the card for a line saying what was recorded. */
    @Roles.FrontLine
    @PostMapping("/contacts/{dueId}/record")
    public String record(@AuthenticationPrincipal AppUser user, @PathVariable long dueId, @RequestParam long customerId,
                         @RequestParam ContactOutcome outcome, @RequestParam(required = false) String note,
                         @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("record", log.record(user, new ContactForm(customerId, dueId, null, outcome, note, null)));
        return htmx != null ? "customer/contacts :: recorded" : "redirect:/contacts";
    }

    @Roles.Managers
    @PostMapping("/contacts/generate")
    public String generate(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long outletId,
                           RedirectAttributes flash) {
        flash.addFlashAttribute("generated", job.now(user, outletId));
        return outletId == null ? "redirect:/contacts" : "redirect:/contacts?outletId=" + outletId;
    }

    @GetMapping("/contacts/rules")
    public String rules(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long edit, Model model) {
        ContactRuleForm form;
        if (edit != null) {
            ContactRule r = rules.get(user, edit);
            form = new ContactRuleForm(r.outletId(), r.name(), r.kind(), r.rosterGroup(), r.periodDays(), r.leadDays(),
                    r.lapseDays(), r.windowDays(), r.assigneeId(), r.active(), r.version());
        } else {
            form = new ContactRuleForm(null, null, ContactKind.THANK, RosterGroup.TRULY_LOYAL, 90, 0, null, null,
                    null, true, null);
        }
        model.addAttribute("form", form);
        model.addAttribute("editId", edit);
        return rulesPage(user, model);
    }

    @Roles.Managers
    @PostMapping("/contacts/rules")
    public String saveRule(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long editId,
                           @Valid @ModelAttribute("form") ContactRuleForm form, BindingResult errors, Model model,
                           RedirectAttributes flash) {
        if (!errors.hasErrors()) {
            try {
                // a rule without an outlet is chain-wide; the service lets only a chain-wide role write it
                boolean chainWide = form.outletId() == null;
                if (editId == null) {
                    rules.create(user, form, chainWide);
                } else {
                    rules.update(user, editId, form, chainWide);
                }
                flash.addFlashAttribute("notice", "contactRules.saved");
                return "redirect:/contacts/rules";
            } catch (RuntimeException e) {
                FormErrors.record(e, errors);
            }
        }
        model.addAttribute("editId", editId);
        return rulesPage(user, model);
    }

    private String rulesPage(AppUser user, Model model) {
        model.addAttribute("rules", rules.list(user));
        model.addAttribute("outlets", org.visibleOutlets(user));
        model.addAttribute("people", people.activeSignInStaff(org.visibleUnits(user).stream().map(OrgUnit::id).toList()));
        model.addAttribute("kinds", ContactKind.values());
        model.addAttribute("groups", RosterGroup.values());
        return "customer/contact-rules";
    }

    @Roles.Oversight
    @GetMapping("/contacts/effect")
    public String effect(@AuthenticationPrincipal AppUser user, Model model) {
        model.addAttribute("effects", effect.perRule(user));
        return "customer/contact-effect";
    }

    /** The contacts section of the customer page, loaded by htmx for those who serve customers. */
    @Roles.FrontLine
    @GetMapping("/customers/{id}/contact-history")
    public String history(@AuthenticationPrincipal AppUser user, @PathVariable long id, Model model) {
        model.addAttribute("contacts", log.history(user, id));
        return "customer/contact-history :: history";
    }
}
