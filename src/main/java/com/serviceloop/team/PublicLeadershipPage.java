package com.serviceloop.team;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The rater's page at {@code /s/leadership/{token}}: a phone opens it from the link without signing
 * in (the /s/ paths are public), in the browser's language or the one picked with 中文 / EN; one form
 * of 20 statements, each rated 1 to 5.
 */
@Controller
class PublicLeadershipPage {
    private final LeadershipRaters invitations;
    private final RaterLimits limits;
    private final MessageSource messages;

    PublicLeadershipPage(LeadershipRaters invitations, RaterLimits limits, MessageSource messages) {
        this.invitations = invitations;
        this.limits = limits;
        this.messages = messages;
    }

    @GetMapping("/s/leadership/{token}")
    public String form(@PathVariable String token, HttpServletRequest request, HttpServletResponse response,
                       Locale locale, Model model) {
        try {
            limits.take(request);
            return render(token, invitations.open(token, locale), null, null, model);
        } catch (RaterLinkGone | RaterLimits.TooMany e) {
            return refused(e, response, locale, model);
        }
    }

    @PostMapping("/s/leadership/{token}")
    public String answer(@PathVariable String token, HttpServletRequest request, HttpServletResponse response,
                         Locale locale, Model model) {
        List<Integer> scores = new ArrayList<>();
        for (int no = 1; no <= Principle.ITEMS; no++) {
            scores.add(score(request.getParameter("s" + no)));
        }
        try {
            limits.take(request);
            LeadershipRaters.LeadershipRaterView view = invitations.open(token, locale);
            if (scores.contains(null)) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                return render(token, view, scores, messages.getMessage("leadership.rate.answerAll", null, locale), model);
            }
            invitations.answer(token, new LeadershipScoresForm(scores));
        } catch (RaterLinkGone | RaterLimits.TooMany e) {
            return refused(e, response, locale, model);
        }
        model.addAttribute("heading", messages.getMessage("leadership.rate.thanks", null, locale));
        model.addAttribute("message", messages.getMessage("leadership.rate.thanksText", null, locale));
        return "team/rate-done";
    }

    /** A whole score from 1 to 5, or null for anything else (a missing answer, a forged value). */
    private static Integer score(String value) {
        return value != null && value.strip().matches("[1-5]") ? Integer.valueOf(value.strip()) : null;
    }

    private String render(String token, LeadershipRaters.LeadershipRaterView view, List<Integer> scores, String error,
                          Model model) {
        model.addAttribute("token", token);
        model.addAttribute("view", view);
        model.addAttribute("scores", scores);
        model.addAttribute("error", error);
        return "team/rate";
    }

    /** A used or expired link (410) or too many requests from this address (429), said on a page of its own. */
    private String refused(RuntimeException e, HttpServletResponse response, Locale locale, Model model) {
        if (e instanceof RaterLimits.TooMany many) {
            String seconds = String.valueOf(many.retryAfterSeconds());
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, seconds);
            model.addAttribute("message", messages.getMessage("leadership.tooMany", new Object[] {seconds}, locale));
        } else {
            response.setStatus(HttpStatus.GONE.value());
            model.addAttribute("message", messages.getMessage(((RaterLinkGone) e).key(), null, locale));
        }
        model.addAttribute("heading", messages.getMessage("leadership.rate.closed", null, locale));
        return "team/rate-done";
    }
}
