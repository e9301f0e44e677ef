package com.serviceloop.survey;

import com.serviceloop.platform.RateLimits;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * How many public answers are taken, per minute, from one client address, from one device (a
 * random cookie the public page and API hand out) and on one link, counted together by all
 * instances (platform.RateLimits, batched: the busy keys cost about one database round trip a
 * second, not one per answer). A request without the cookie is counted by its address only: a
 * client that drops cookies gains nothing, since every request it sends shares one address bucket.
 */
@Component
class AnswerLimits {
    static final String DEVICE_COOKIE = "sl_device";
    private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9_-]{22,64}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private final RateLimits.Limit perLink;
    private final RateLimits.Limit perAddress;
    private final RateLimits.Limit perDevice;

    AnswerLimits(RateLimits limits,
                 @Value("${serviceloop.surveys.max-per-link-per-minute:600}") int perLink,
                 @Value("${serviceloop.surveys.max-per-address-per-minute:120}") int perAddress,
                 @Value("${serviceloop.surveys.max-per-device-per-minute:20}") int perDevice) {
        this.perLink = limits.batched("survey-link", perMinute(perLink));
        this.perAddress = limits.batched("survey-address", perMinute(perAddress));
        this.perDevice = limits.batched("survey-device", perMinute(perDevice));
    }

    private static BucketConfiguration perMinute(int n) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(n).refillGreedy(n, Duration.ofMinutes(1)).build()).build();
    }

    /** Refused: the client should come back after this many seconds (the Retry-After header). */
    static class TooManyAnswers extends RuntimeException {
        private final long retryAfterSeconds;

        TooManyAnswers(long retryAfterSeconds) {
            super("Too many answers just now; try again in " + retryAfterSeconds + " s");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** Counts one answer on the link from this client, or refuses it. Sets the device cookie when it is missing. */
    void take(SurveyLink link, HttpServletRequest request, HttpServletResponse response) {
        String device = device(request, response);
        if (device != null) {
            take(perDevice, device);
        }
        take(perAddress, request.getRemoteAddr());
        take(perLink, link.token());
    }

    private static void take(RateLimits.Limit limit, String key) {
        RateLimits.Verdict verdict = limit.tryTake(key);
        if (!verdict.allowed()) {
            throw new TooManyAnswers(verdict.retryAfterSeconds());
        }
    }

    /** The request's device cookie; when it has none (or a malformed one), a new one is set and null answered. */
    static String device(HttpServletRequest request, HttpServletResponse response) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (DEVICE_COOKIE.equals(c.getName()) && DEVICE.matcher(c.getValue()).matches()) {
                    return c.getValue();
                }
            }
        }
        byte[] id = new byte[18];
        RANDOM.nextBytes(id);
        // a phone at a counter answers again months later: the cookie outlives the visit (400 days, browsers' cap)
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(DEVICE_COOKIE,
                        Base64.getUrlEncoder().withoutPadding().encodeToString(id))
                .path("/").httpOnly(true).sameSite("Lax").secure(request.isSecure()).maxAge(Duration.ofDays(400))
                .build().toString());
        return null;
    }
}
