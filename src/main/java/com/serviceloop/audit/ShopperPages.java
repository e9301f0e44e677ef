package com.serviceloop.audit;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.Messages;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The shopper's phone: my visits, and one visit to conduct (scenario, proof of visit, items answered one by one as on
 * the audit conduct page, submit). Nothing here shows a score.
 */
@Controller
@Roles.Shopper
class ShopperPages {
    private final ShopperVisits visits;
    private final MessageSource messages;
    private final ZoneId zone;

    ShopperPages(ShopperVisits visits, MessageSource messages,
                 @Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone) {
        this.visits = visits;
        this.messages = messages;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/mystery/mine")
    public String mine(@AuthenticationPrincipal AppUser user, Model model) {
        model.addAttribute("visits", visits.mine(user));
        return "mystery/mine";
    }

    @GetMapping("/mystery/mine/{id}")
    public String conduct(@AuthenticationPrincipal AppUser user, @PathVariable long id, Locale locale, Model model) {
        ShopperVisit v = visits.get(user, id);
        model.addAttribute("v", v);
        model.addAttribute("zh", !"en".equals(locale.getLanguage()));
        model.addAttribute("answers", v.answers().stream()
                .collect(Collectors.toMap(ShopperVisit.ShopperAnswer::itemId, Function.identity())));
        model.addAttribute("visitedAtLocal", v.visitedAt() == null ? ""
                : v.visitedAt().atZoneSameInstant(zone).toLocalDateTime().withSecond(0).withNano(0).toString());
        return "mystery/conduct";
    }

    /** One item's answer by htmx; the reply is the item's saved mark or the refusal in words. */
    @PostMapping("/mystery/mine/{id}/items/{itemId}/answer")
    public String answer(@AuthenticationPrincipal AppUser user, @PathVariable long id, @PathVariable long itemId,
                         @RequestParam(defaultValue = "") String key, @RequestParam(required = false) String choice,
                         @RequestParam(required = false) String scale, @RequestParam(required = false) String measured,
                         @RequestParam(required = false) String text, @RequestParam(required = false) String na,
                         Locale locale, Model model) {
        model.addAttribute("itemId", itemId);
        try {
            boolean notApplicable = "NA".equals(choice) || "NA".equals(scale) || "true".equals(na);
            if (!key.matches("[A-Za-z0-9_-]{8,64}")) {
                throw BadInputException.of("key", "error.audit.answerField", "key");
            }
            AnswerForm form = new AnswerForm(itemId, key, notApplicable || blank(choice) ? null : choice,
                    notApplicable || blank(scale) ? null : MysteryPages.integer("scale", scale),
                    notApplicable || blank(measured) ? null : decimal(measured),
                    notApplicable || blank(text) ? null : text, notApplicable ? Boolean.TRUE : null);
            if (form.choice() != null && !form.choice().matches("MET|NOT_MET") || form.scale() != null
                    && (form.scale() < 0 || form.scale() > 4) || form.text() != null && form.text().length() > 2000) {
                throw BadInputException.of("answer", "error.audit.answerField", "answer");
            }
            visits.answer(user, id, form);
            model.addAttribute("answerSaved", true);
        } catch (BadInputException | ConflictException e) {
            model.addAttribute("answerError", Messages.refusal(e, messages, locale));
        }
        return "mystery/conduct :: saved";
    }

    @PostMapping("/mystery/mine/{id}/visit-time")
    public String visitTime(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                            @RequestParam(defaultValue = "") String visitedAt, @RequestParam(defaultValue = "") String latitude,
                            @RequestParam(defaultValue = "") String longitude, Locale locale, RedirectAttributes flash) {
        try {
            LocalDateTime at;
            try {
                at = LocalDateTime.parse(visitedAt.strip());
            } catch (DateTimeParseException e) {
                throw BadInputException.of("visitedAt", "error.mystery.field.visitedAt");
            }
            BigDecimal lat = blank(latitude) ? null : coordinate("latitude", latitude, 90);
            BigDecimal lon = blank(longitude) ? null : coordinate("longitude", longitude, 180);
            visits.visitTime(user, id, new MysteryVisitTimeForm(at.atZone(zone).toOffsetDateTime(), lat, lon));
        } catch (BadInputException | ConflictException e) {
            flash.addFlashAttribute("error", Messages.refusal(e, messages, locale));
        }
        return "redirect:/mystery/mine/" + id + "#proof";
    }

    @PostMapping("/mystery/mine/{id}/receipt")
    public String receipt(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                          @RequestPart(name = "file", required = false) MultipartFile file, Locale locale,
                          RedirectAttributes flash) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw BadInputException.of("file", "error.audit.pickImage");
            }
            visits.receipt(user, id, file.getInputStream());
        } catch (BadInputException | ConflictException e) {
            flash.addFlashAttribute("error", Messages.refusal(e, messages, locale));
        }
        return "redirect:/mystery/mine/" + id + "#proof";
    }

    @GetMapping("/mystery/mine/{id}/receipt")
    public ResponseEntity<byte[]> receiptImage(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        AuditAnswers.PhotoContent p = visits.receiptOf(user, id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(p.contentType()))
                .cacheControl(CacheControl.noStore()).body(p.bytes());
    }

    @PostMapping("/mystery/mine/{id}/submit")
    public String submitReport(@AuthenticationPrincipal AppUser user, @PathVariable long id, Locale locale,
                               RedirectAttributes flash) {
        try {
            visits.submitVisit(user, id);
            flash.addFlashAttribute("notice", messages.getMessage("mystery.submittedNotice", null, locale));
            return "redirect:/mystery/mine";
        } catch (BadInputException | ConflictException e) {
            flash.addFlashAttribute("error", Messages.refusal(e, messages, locale));
            return "redirect:/mystery/mine/" + id;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static BigDecimal decimal(String s) {
        try {
            BigDecimal d = new BigDecimal(s.strip());
            if (d.signum() < 0 || d.compareTo(BigDecimal.valueOf(9_999_999)) > 0) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw BadInputException.of("measured", "error.audit.answerField", "measured");
        }
    }

    private static BigDecimal coordinate(String field, String s, int limit) {
        try {
            BigDecimal d = new BigDecimal(s.strip());
            if (d.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw BadInputException.of(field, "error.mystery.field." + field);
        }
    }
}
