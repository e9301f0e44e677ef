package com.serviceloop.audit;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.Messages;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.math.BigDecimal;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The walk-around on a phone: one section after the other, each item saved on its own as soon as it is answered
 * (htmx, with a key the page makes per answer, so a repeated post changes nothing), then submit.
 */
@Controller
class AuditConductPages {
    private final Audits audits;
    private final AuditAnswers answers;
    private final MessageSource messages;
    private final Validator validator;

    AuditConductPages(Audits audits, AuditAnswers answers, MessageSource messages, Validator validator) {
        this.audits = audits;
        this.answers = answers;
        this.messages = messages;
        this.validator = validator;
    }

    @GetMapping("/audits/{id}/conduct")
    public String conduct(@AuthenticationPrincipal AppUser user, @PathVariable long id, Locale locale, Model model) {
        AuditView view = audits.view(user, id);
        if (!view.audit().status().equals("IN_PROGRESS")) {
            return "redirect:/audits/" + id;
        }
        model.addAttribute("v", view);
        model.addAttribute("zh", !"en".equals(locale.getLanguage()));
        model.addAttribute("answers", view.answers().stream().collect(Collectors.toMap(Answer::itemId, Function.identity())));
        model.addAttribute("photosByItem", view.photos().stream().collect(Collectors.groupingBy(Photo::itemId)));
        return "audit/conduct";
    }

    /** One item's answer; the reply is the item's saved line (or the refusal, in words) and the progress bar. */
    @Roles.Oversight
    @PostMapping("/audits/{id}/items/{itemId}/answer")
    public String answer(@AuthenticationPrincipal AppUser user, @PathVariable long id, @PathVariable long itemId,
                         @RequestParam(defaultValue = "") String key, @RequestParam(required = false) String choice,
                         @RequestParam(required = false) String scale, @RequestParam(required = false) String measured,
                         @RequestParam(required = false) String text, @RequestParam(required = false) String na,
                         Locale locale, Model model) {
        model.addAttribute("itemId", itemId);
        try {
            boolean notApplicable = "NA".equals(choice) || "NA".equals(scale) || "true".equals(na);
            AnswerForm form = new AnswerForm(itemId, key, notApplicable ? null : blankToNull(choice),
                    notApplicable ? null : integer("scale", scale), notApplicable ? null : decimal(measured),
                    notApplicable ? null : blankToNull(text), notApplicable ? Boolean.TRUE : null);
            for (ConstraintViolation<AnswerForm> v : validator.validate(form)) {
                throw BadInputException.of(v.getPropertyPath().toString(), "error.audit.answerField",
                        v.getPropertyPath().toString());
            }
            answers.answer(user, id, form);
            model.addAttribute("answerSaved", true);
        } catch (BadInputException | ConflictException e) {
            model.addAttribute("answerError", Messages.refusal(e, messages, locale));
        }
        model.addAttribute("v", audits.view(user, id));
        return "audit/conduct :: saved";
    }

    @Roles.Oversight
    @PostMapping("/audits/{id}/items/{itemId}/photo")
    public String photo(@AuthenticationPrincipal AppUser user, @PathVariable long id, @PathVariable long itemId,
                        @RequestPart(name = "file", required = false) MultipartFile file,
                        @RequestParam(defaultValue = "") String key, Locale locale, Model model)
            throws IOException {
        model.addAttribute("itemId", itemId);
        try {
            if (file == null || file.isEmpty()) {
                throw BadInputException.of("file", "error.audit.pickImage");
            }
            answers.addPhoto(user, id, itemId, key.isBlank() ? null : key, file.getInputStream());
            model.addAttribute("photoSaved", true);
        } catch (BadInputException | ConflictException e) {
            model.addAttribute("photoError", Messages.refusal(e, messages, locale));
        }
        AuditView view = audits.view(user, id);
        model.addAttribute("v", view);
        model.addAttribute("photos", view.photos().stream().filter(p -> p.itemId() == itemId).toList());
        return "audit/conduct :: photoSaved";
    }

    /** Refused while required items are open: the page says which, and the auditor stays on the walk-around. */
    @Roles.Oversight
    @PostMapping("/audits/{id}/submit")
    public String submit(@AuthenticationPrincipal AppUser user, @PathVariable long id, Locale locale,
                         RedirectAttributes flash) {
        try {
            audits.submit(user, id);
            return "redirect:/audits/" + id;
        } catch (BadInputException | ConflictException e) {
            flash.addFlashAttribute("error", Messages.refusal(e, messages, locale));
            return "redirect:/audits/" + id + "/conduct";
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Integer integer(String field, String s) {
        try {
            return blankToNull(s) == null ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            throw BadInputException.of(field, "error.audit.answerField", field);
        }
    }

    private static BigDecimal decimal(String s) {
        try {
            return blankToNull(s) == null ? null : new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            throw BadInputException.of("measured", "error.audit.answerField", "measured");
        }
    }
}
