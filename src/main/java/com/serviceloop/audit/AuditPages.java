package com.serviceloop.audit;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.PersonService;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.Messages;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The audit home (what is due, in progress, done, my actions), starting an audit, the result page and its follow-up. */
@Controller
class AuditPages {
    private final Audits audits;
    private final AuditForms forms;
    private final Schedules schedules;
    private final CorrectiveActions actions;
    private final OrgService org;
    private final PersonService people;
    private final MessageSource messages;
    private final AuditFeeds feeds;

    AuditPages(Audits audits, AuditForms forms, Schedules schedules, CorrectiveActions actions, OrgService org,
               PersonService people, MessageSource messages, AuditFeeds feeds) {
        this.feeds = feeds;
        this.audits = audits;
        this.forms = forms;
        this.schedules = schedules;
        this.actions = actions;
        this.org = org;
        this.people = people;
        this.messages = messages;
    }

    @GetMapping("/audits")
    public String home(@AuthenticationPrincipal AppUser user, Model model) {
        model.addAttribute("due", schedules.due(user).stream().filter(s -> !s.state().equals("UPCOMING")).toList());
        model.addAttribute("inProgress", audits.list(user, null, "IN_PROGRESS", 20));
        model.addAttribute("recent", audits.list(user, null, null, 60).stream()
                .filter(a -> !a.status().equals("IN_PROGRESS")).limit(15).toList());
        model.addAttribute("myActions", actions.list(user, true, null, "OPEN"));
        List<AuditForm> published = forms.list(null).stream().filter(f -> f.publishedVersionNo() != null).toList();
        model.addAttribute("forms", published);
        model.addAttribute("anyForm", !forms.list(null).isEmpty());
        model.addAttribute("outlets", org.visibleOutlets(user).stream()
                .filter(o -> published.stream().anyMatch(f -> f.outletType().equals(o.outletType()))).toList());
        return "audit/home";
    }

    @Roles.Oversight
    @PostMapping("/audits/start")
    public String start(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long outletId,
                        @RequestParam(required = false) Long formId, @RequestParam(required = false) Long scheduleId,
                        Locale locale, RedirectAttributes flash) {
        try {
            if (outletId == null || outletId < 1) {
                throw BadInputException.of("outletId", "error.audit.pickOutlet");
            }
            Long form = formId;
            if (form == null || form < 1) {
                String type = org.find(outletId).map(o -> o.outletType()).orElse("");
                form = forms.list(type).stream().filter(f -> f.publishedVersionNo() != null).map(AuditForm::id)
                        .findFirst().orElseThrow(() -> BadInputException.of("formId", "error.audit.noPublishedForm"));
            }
            Audit a = audits.start(user, new StartForm(outletId, form, scheduleId));
            return "redirect:/audits/" + a.id() + "/conduct";
        } catch (BadInputException e) {
            flash.addFlashAttribute("error", Messages.refusal(e, messages, locale));
            return "redirect:/audits";
        }
    }

    /** The result: overall first, then what was done well, then what to improve, per section and per area. */
    @GetMapping("/audits/{id}")
    public String result(@AuthenticationPrincipal AppUser user, @PathVariable long id, Locale locale, Model model) {
        AuditView view = audits.view(user, id);
        if (view.audit().status().equals("IN_PROGRESS")) {
            return "redirect:/audits/" + id + "/conduct";
        }
        model.addAttribute("v", view);
        model.addAttribute("zh", !"en".equals(locale.getLanguage()));
        model.addAttribute("items", view.form().items().collect(Collectors.toMap(FormItem::id, Function.identity())));
        model.addAttribute("photosByItem", view.photos().stream().collect(Collectors.groupingBy(Photo::itemId)));
        model.addAttribute("actions", actions.list(user, false, id, null).stream()
                .collect(Collectors.toMap(CorrectiveAction::itemId, Function.identity())));
        model.addAttribute("people", people.activeSignInStaff());
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("standardLines", feeds.standardLines(view));
        return "audit/result";
    }

    @Roles.Managers
    @PostMapping("/audits/{id}/sign-off")
    public String signOff(@AuthenticationPrincipal AppUser user, @PathVariable long id, Locale locale,
                          RedirectAttributes flash) {
        try {
            audits.signOff(user, id);
            flash.addFlashAttribute("notice", messages.getMessage("audits.signedOffNotice", null, locale));
        } catch (ConflictException e) {
            flash.addFlashAttribute("error", Messages.refusal(e, messages, locale));
        }
        return "redirect:/audits/" + id;
    }

    @Roles.Oversight
    @PostMapping("/audits/{id}/actions")
    public String raise(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                        @RequestParam(required = false) Long itemId, @RequestParam(required = false) Long ownerId,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
                        @RequestParam(defaultValue = "") String description, Locale locale, RedirectAttributes flash) {
        try {
            if (ownerId == null || ownerId < 1) {
                throw BadInputException.of("ownerId", "error.audit.pickOwner");
            }
            if (dueOn == null || dueOn.isBefore(LocalDate.now()) || dueOn.isAfter(LocalDate.now().plusYears(1))) {
                throw BadInputException.of("dueOn", "error.audit.actionDue");
            }
            if (description.isBlank() || description.length() > 1000) {
                throw BadInputException.of("description", "error.audit.actionDescription");
            }
            actions.raise(user, id, new ActionForm(itemId == null ? 0L : itemId, ownerId, dueOn, description));
            flash.addFlashAttribute("notice", messages.getMessage("audits.actionRaised", null, locale));
        } catch (BadInputException | ConflictException e) {
            flash.addFlashAttribute("error", Messages.refusal(e, messages, locale));
        }
        return "redirect:/audits/" + id;
    }

    @Roles.FrontLine
    @PostMapping("/audit-actions/{id}/done")
    public String done(@AuthenticationPrincipal AppUser user, @PathVariable long id, Locale locale,
                       RedirectAttributes flash) {
        try {
            actions.done(user, id);
        } catch (ConflictException e) {
            flash.addFlashAttribute("error", Messages.refusal(e, messages, locale));
        }
        return "redirect:/audits";
    }
}
