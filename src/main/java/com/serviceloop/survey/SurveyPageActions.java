package com.serviceloop.survey;

import com.serviceloop.casework.CaseType;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What managers do from a survey's page besides reading it: retire a lost QR code, follow a comment up as a case. */
@Controller
class SurveyPageActions {
    private final SurveyLinks links;
    private final SurveyComments comments;
    private final MessageSource messages;

    public SurveyPageActions(SurveyLinks links, SurveyComments comments, MessageSource messages) {
        this.links = links;
        this.comments = comments;
        this.messages = messages;
    }

    /** Retires a link (its QR poster stops working at once) or takes it back into use. */
    @Roles.Managers
    @PostMapping("/surveys/links/{token}/active")
    public String linkActive(@AuthenticationPrincipal AppUser user, @PathVariable String token, @RequestParam boolean active,
                             Locale locale, RedirectAttributes flash) {
        SurveyLink link = links.setActive(user, token, active);
        flash.addFlashAttribute("success", messages.getMessage(active ? "surveys.link.restored" : "surveys.link.retired",
                null, locale));
        return "redirect:/surveys/" + link.surveyId() + "#links";
    }

    /** The comments of one response become a case for its outlet; the manager goes on to the case. */
    @Roles.Managers
    @PostMapping("/surveys/{id}/responses/{responseId}/case")
    public String toCase(@AuthenticationPrincipal AppUser user, @PathVariable long id, @PathVariable long responseId,
                         @RequestParam(defaultValue = "COMPLAINT") CaseType caseType, Locale locale, RedirectAttributes flash) {
        try {
            long caseId = comments.toCase(user, id, responseId, caseType, locale);
            // the case page shows its notice by message key
            flash.addFlashAttribute("notice", "surveys.comment.caseMade");
            return "redirect:/cases/" + caseId;
        } catch (ConflictException e) {
            flash.addFlashAttribute("error", messages.getMessage("surveys.comment.alreadyCase", null, locale));
            return "redirect:/surveys/" + id + "#comments";
        } catch (BadInputException e) {
            flash.addFlashAttribute("error", messages.getMessage("surveys.comment.noCase", null, locale));
            return "redirect:/surveys/" + id + "#comments";
        }
    }
}
