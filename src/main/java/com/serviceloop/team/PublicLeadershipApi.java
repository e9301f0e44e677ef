package com.serviceloop.team;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What a rater's phone talks to: no sign-in, the link's token is the key, and it works once. */
@RestController
@RequestMapping("/api/v1/public/leadership/{token}")
@Tag(name = "Public leadership questionnaire", description = "Rate a leader through an invitation link (no sign-in)")
class PublicLeadershipApi {
    private final LeadershipRaters invitations;
    private final RaterLimits limits;
    private final MessageSource messages;

    PublicLeadershipApi(LeadershipRaters invitations, RaterLimits limits, MessageSource messages) {
        this.invitations = invitations;
        this.limits = limits;
        this.messages = messages;
    }

    @Operation(summary = "Whom the link asks about and the 20 items, in the caller's language. "
            + "404 unknown link, 410 used or expired, 429 too many requests from this address")
    @GetMapping
    public LeadershipRaters.LeadershipRaterView get(@PathVariable String token, HttpServletRequest request, Locale locale) {
        limits.take(request);
        return invitations.open(token, locale);
    }

    @Operation(summary = "Answer: 20 whole scores 1-5, item 1 first. Stored without the link; the link is used up. "
            + "404 unknown link, 410 used or expired, 400 malformed, 429 too many requests from this address")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Boolean> answer(@PathVariable String token, @Valid @RequestBody LeadershipScoresForm form,
                                       HttpServletRequest request) {
        limits.take(request);
        invitations.answer(token, form);
        return Map.of("received", true);
    }

    @ExceptionHandler(RaterLinkGone.class)
    ProblemDetail gone(RaterLinkGone e, Locale locale) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, messages.getMessage(e.key(), null, locale));
        p.setTitle("Gone");
        return p;
    }

    @ExceptionHandler(RaterLimits.TooMany.class)
    ResponseEntity<ProblemDetail> tooMany(RaterLimits.TooMany e, Locale locale) {
        String seconds = String.valueOf(e.retryAfterSeconds());
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                messages.getMessage("leadership.tooMany", new Object[] {seconds}, locale));
        p.setTitle("Too many requests");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", seconds).body(p);
    }
}
