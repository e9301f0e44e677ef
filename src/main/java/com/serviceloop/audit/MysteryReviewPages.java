package com.serviceloop.audit;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.Messages;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A mystery visit's report for its reviewer: scores by the audit rules, the review, the debrief; the dashboard's line. */
@Controller
@Roles.Oversight
class MysteryReviewPages {
    private final MysteryVisits visits;
    private final MysteryFigures figures;
    private final MessageSource messages;
    private final Validator validator;

    MysteryReviewPages(MysteryVisits visits, MysteryFigures figures, MessageSource messages, Validator validator) {
        this.visits = visits;
        this.figures = figures;
        this.messages = messages;
        this.validator = validator;
    }

    @GetMapping("/mystery/visits/{id}")
    public String visit(@AuthenticationPrincipal AppUser user, @PathVariable long id, Locale locale, Model model) {
        MysteryVisitView v = visits.view(user, id);
        model.addAttribute("v", v);
        model.addAttribute("zh", !"en".equals(locale.getLanguage()));
        model.addAttribute("answers", v.answers().stream().collect(Collectors.toMap(Answer::itemId, Function.identity())));
        model.addAttribute("today", LocalDate.now());
        return "mystery/visit";
    }

    @PostMapping("/mystery/visits/{id}/review")
    public String review(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                         @RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "") String comment,
                         @RequestParam(defaultValue = "") String rating, Locale locale, RedirectAttributes flash) {
        try {
            MysteryReviewForm f = new MysteryReviewForm(decision, comment.isBlank() ? null : comment,
                    MysteryPages.integer("rating", rating));
            valid(f);
            visits.review(user, id, f);
            flash.addFlashAttribute("notice", messages.getMessage("mystery.reviewed." + decision, null, locale));
        } catch (BadInputException | ConflictException e) {
            flash.addFlashAttribute("error", Messages.refusal(e, messages, locale));
        }
        return "redirect:/mystery/visits/" + id;
    }

    @PostMapping("/mystery/visits/{id}/debrief")
    public String debrief(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                          @RequestParam(defaultValue = "") String heldOn, @RequestParam(defaultValue = "") String wentWell,
                          @RequestParam(defaultValue = "") String toImprove, @RequestParam(defaultValue = "") String actions,
                          @RequestParam(defaultValue = "") String attendees, Locale locale, RedirectAttributes flash) {
        try {
            MysteryDebriefForm f = new MysteryDebriefForm(MysteryPages.date("heldOn", heldOn), wentWell.strip(), toImprove.strip(),
                    actions.strip(), attendees.strip());
            valid(f);
            visits.debrief(user, id, f);
            flash.addFlashAttribute("notice", messages.getMessage("mystery.debriefSaved", null, locale));
        } catch (BadInputException | ConflictException e) {
            flash.addFlashAttribute("error", Messages.refusal(e, messages, locale));
        }
        return "redirect:/mystery/visits/" + id + "#debrief";
    }

    /** The mystery-shop line for the audit dashboard, loaded into it by htmx: kept apart from the audits' line. */
    @GetMapping("/audits/dashboard/mystery")
    public String dashboard(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long unitId,
                            Model model) {
        model.addAttribute("points", figures.monthly(user, unitId, 12));
        return "mystery/dashboard-panel :: panel";
    }

    private <T> void valid(T form) {
        for (ConstraintViolation<T> v : validator.validate(form)) {
            String field = v.getPropertyPath().toString();
            throw BadInputException.of(field, "error.mystery.field." + field);
        }
    }
}
