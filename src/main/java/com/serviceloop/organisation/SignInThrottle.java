package com.serviceloop.organisation;

import com.serviceloop.platform.RateLimits;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins on the form, counted per username and per client address by all instances
 * (platform.RateLimits, exact): after {@code slow-after} failures one more attempt is allowed per
 * {@code slow-down}; after {@code lock-after} failures the name or address is locked for
 * {@code lock-duration}, and each failure after that locks it again. A refused attempt is not
 * checked at all, so even the right password waits. A successful sign-in clears its username's count
 * (not its address's: anyone can sign in to their own account from an address under attack).
 */
@Component
class SignInThrottle {
    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
    private final RateLimits.Limit slowUser;
    private final RateLimits.Limit lockUser;
    private final RateLimits.Limit slowAddress;
    private final RateLimits.Limit lockAddress;
    private final Duration lockDuration;

    SignInThrottle(RateLimits limits,
                   @Value("${serviceloop.login.slow-after:5}") int slowAfter,
                   @Value("${serviceloop.login.lock-after:10}") int lockAfter,
                   @Value("${serviceloop.login.address-slow-after:20}") int addressSlowAfter,
                   @Value("${serviceloop.login.address-lock-after:50}") int addressLockAfter,
                   @Value("${serviceloop.login.slow-down:PT30S}") Duration slowDown,
                   @Value("${serviceloop.login.lock-duration:PT15M}") Duration lockDuration) {
        this.slowUser = limits.exact("login-slow-user", oneBack(slowAfter, slowDown));
        this.lockUser = limits.exact("login-lock-user", oneBack(lockAfter, lockDuration));
        this.slowAddress = limits.exact("login-slow-address", oneBack(addressSlowAfter, slowDown));
        this.lockAddress = limits.exact("login-lock-address", oneBack(addressLockAfter, lockDuration));
        this.lockDuration = lockDuration;
    }

    /** {@code failures} allowed at once, and one more back after each {@code period}. */
    private static BucketConfiguration oneBack(int failures, Duration period) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(failures).refillGreedy(1, period).build()).build();
    }

    /** The longest of the refusals that keep this username from trying again from this address, when any does. */
    Optional<RateLimits.Verdict> refusal(String username, String address) {
        String user = key(username);
        return Stream.of(slowUser.peek(user), lockUser.peek(user), slowAddress.peek(address), lockAddress.peek(address))
                .filter(v -> !v.allowed()).max(Comparator.comparing(RateLimits.Verdict::waitFor));
    }

    void failed(String username, String address) {
        String user = key(username);
        slowUser.tryTake(user);
        slowAddress.tryTake(address);
        boolean userLocked = lockUser.tryTake(user).remaining() == 0;
        boolean addressLocked = lockAddress.tryTake(address).remaining() == 0;
        if (userLocked || addressLocked) {
            log.warn("Sign-in locked for {} minutes after too many failed attempts: username '{}'{} from address {}{}",
                    lockDuration.toMinutes(), printable(username == null ? "" : username.strip()), userLocked ? " (locked)" : "", address,
                    addressLocked ? " (locked)" : "");
        }
    }

    void succeeded(String username) {
        String user = key(username);
        slowUser.reset(user);
        lockUser.reset(user);
    }

    /** One bucket per account whatever the case typed; a missing name counts as the empty one. */
    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /** A typed name goes into the log without line breaks or other control characters that could forge entries. */
    private static String printable(String s) {
        String shown = s.length() > 100 ? s.substring(0, 100) + "…" : s;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
