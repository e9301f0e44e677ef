package com.serviceloop.team;

import com.serviceloop.platform.RateLimits;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many requests the public rater page and API take per minute from one client address, shared
 * by all instances (platform.RateLimits): enough for a team answering from one office network, too
 * few to try links by the thousand or to flood a round.
 */
@Component
class RaterLimits {
    private final RateLimits.Limit perAddress;

    RaterLimits(RateLimits limits, @Value("${serviceloop.leadership.max-per-address-per-minute:60}") int perMinute) {
        this.perAddress = limits.batched("leadership-address", BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
    }

    /** Refused: the client may come back after this many seconds (the Retry-After header). */
    static class TooMany extends RuntimeException {
        private final long retryAfterSeconds;

        TooMany(long retryAfterSeconds) {
            super("Too many requests just now; try again in " + retryAfterSeconds + " s");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    void take(HttpServletRequest request) {
        RateLimits.Verdict verdict = perAddress.tryTake(request.getRemoteAddr());
        if (!verdict.allowed()) {
            throw new TooMany(verdict.retryAfterSeconds());
        }
    }
}
