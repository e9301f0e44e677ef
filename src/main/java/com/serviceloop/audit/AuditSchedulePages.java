package com.serviceloop.audit;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.Messages;
import com.serviceloop.platform.NotFoundException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Planning the audits: the schedules of the manager's outlets with their next due date and state, a new schedule,
 * another assignee, pause and resume. The same service as the API; the form fields arrive as text and are read here
 * so that a fraction or a date that is no date is refused in words, not with an error page.
 */
@Controller
class AuditSchedulePages {
    private final Schedules schedules;
    private final AuditForms forms;
    private final OrgService org;
    private final MessageSource messages;

    AuditSchedulePages(Schedules schedules, AuditForms forms, OrgService org, MessageSource messages) {
        this.schedules = schedules;
        this.forms = forms;
        this.org = org;
        this.messages = messages;
    }

    @Roles.Managers
    @GetMapping("/audits/schedules")
    public String schedules(@AuthenticationPrincipal AppUser user, Model model) {
        List<AuditForm> published = forms.list(null).stream().filter(f -> f.publishedVersionNo() != null).toList();
        model.addAttribute("schedules", schedules.all(user));
        model.addAttribute("forms", published);
        model.addAttribute("outlets", org.visibleOutlets(user).stream()
                .filter(o -> published.stream().anyMatch(f -> f.outletType().equals(o.outletType()))).toList());
        model.addAttribute("assignees", schedules.assignees());
        return "audit/schedules";
    }

    @Roles.Managers
    @PostMapping("/audits/schedules")
    public String create(@AuthenticationPrincipal AppUser user, @RequestParam(defaultValue = "") String outletId,
                         @RequestParam(defaultValue = "") String formId, @RequestParam(defaultValue = "") String everyMonths,
                         @RequestParam(defaultValue = "") String assigneeId, @RequestParam(defaultValue = "") String firstDue,
                         Locale locale, RedirectAttributes flash) {
        try {
            Integer every = whole("everyMonths", everyMonths);
            if (every == null || every < 1 || every > 12) {
                throw BadInputException.of("everyMonths", "error.audit.everyMonths");
            }
            Long outlet = id("outletId", outletId);
            Long form = id("formId", formId);
            if (outlet == null) {
                throw BadInputException.of("outletId", "error.audit.pickOutlet");
            }
            if (form == null) {
                throw BadInputException.of("formId", "error.audit.noPublishedForm");
            }
            schedules.create(user, new ScheduleForm(outlet, form, every, id("assigneeId", assigneeId), date(firstDue)));
            flash.addFlashAttribute("notice", messages.getMessage("audits.schedules.created", null, locale));
        } catch (BadInputException e) {
            flash.addFlashAttribute("error", Messages.refusal(e, messages, locale));
        }
        return "redirect:/audits/schedules";
    }

    /** Another assignee, or paused / resumed; what the form does not send stays. */
    @Roles.Managers
    @PostMapping("/audits/schedules/{id}")
    public String change(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                         @RequestParam(defaultValue = "") String assigneeId, @RequestParam(required = false) Boolean active,
                         Locale locale, RedirectAttributes flash) {
        try {
            schedules.change(user, id, new ScheduleChange(id("assigneeId", assigneeId), active, null));
            flash.addFlashAttribute("notice", messages.getMessage("audits.schedules.changed", null, locale));
        } catch (BadInputException | NotFoundException e) {
            flash.addFlashAttribute("error", e instanceof BadInputException b ? Messages.refusal(b, messages, locale)
                    : messages.getMessage("audits.schedules.notFound", null, locale));
        }
        return "redirect:/audits/schedules";
    }

    private static Integer whole(String field, String s) {
        try {
            return s.isBlank() ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            throw BadInputException.of(field, "error.audit.everyMonths");
        }
    }

    private static Long id(String field, String s) {
        try {
            long v = s.isBlank() ? 0 : Long.parseLong(s.strip());
            return v > 0 ? v : null;
        } catch (NumberFormatException e) {
            throw BadInputException.of(field, "error.audit.pickFromList");
        }
    }

    private static LocalDate date(String s) {
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw BadInputException.of("firstDue", "error.audit.firstDueRange");
        }
    }
}
