package com.serviceloop.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.NopeOptimizationListener;
import io.github.bucket4j.distributed.proxy.optimization.delay.DelayOptimization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.Function;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Keyed limits (Bucket4j token buckets) whose state every instance shares through the table
 * rate_limit, timed by the app's Clock. {@link #exact} asks the database on every call, for rare
 * events such as failed sign-ins. {@link #batched} is for hot paths (public survey answers): each
 * instance takes tokens from its own copy of a bucket and settles them with the database once a
 * twentieth of the capacity is used or after {@code serviceloop.rate-limits.sync-interval}, so a
 * busy key costs about one round trip a second instead of one per request; with several instances
 * a key may overshoot by that share per instance.
 */
@Service
public class RateLimits {
    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);
    private static final int SWEEP_BATCH = 5_000;
    private static final int MAX_KEY = 200;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TimeMeter time;
    private final JdbcBuckets buckets;
    private final Duration syncInterval;

    public RateLimits(JdbcClient jdbc, Clock clock,
                      @Value("${serviceloop.rate-limits.sync-interval:PT1S}") Duration syncInterval) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.syncInterval = syncInterval;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        // a row stays a minute after its bucket would be full again: a fresh bucket then behaves the same
        this.buckets = new JdbcBuckets(jdbc, clock, ClientSideConfig.getDefault().withClientClock(time)
                .withExpirationAfterWriteStrategy(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofMinutes(1))));
    }

    /** The outcome of a take or a look: whether a token was (or is) there, how many are left, how long until the next. */
    public record Verdict(boolean allowed, long remaining, Duration waitFor) {
        /** Whole seconds until a token is there, at least 1: what a Retry-After header says. */
        public long retryAfterSeconds() {
            return Math.max(1, (waitFor.toMillis() + 999) / 1000);
        }

        /** Whole minutes until a token is there, at least 1. */
        public long retryAfterMinutes() {
            return Math.max(1, (retryAfterSeconds() + 59) / 60);
        }
    }

    /** One limit (a bucket configuration) applied to any number of keys. */
    public final class Limit {
        private final String prefix;
        private final Function<String, BucketProxy> build;
        private final Cache<String, BucketProxy> proxies = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

        private Limit(String name, BucketConfiguration config, Function<String, BucketProxy> build) {
            // a changed setting starts fresh buckets rather than reading ones made for another configuration
            this.prefix = name + "/" + Integer.toHexString(config.hashCode()) + ":";
            this.build = build;
        }

        /** Takes one token for the key when there is one. */
        public Verdict tryTake(String key) {
            ConsumptionProbe p = bucket(key).tryConsumeAndReturnRemaining(1);
            return new Verdict(p.isConsumed(), p.getRemainingTokens(), Duration.ofNanos(p.getNanosToWaitForRefill()));
        }

        /** Whether the key has a token now, without taking it. */
        public Verdict peek(String key) {
            EstimationProbe p = bucket(key).estimateAbilityToConsume(1);
            return new Verdict(p.canBeConsumed(), p.getRemainingTokens(), Duration.ofNanos(p.getNanosToWaitForRefill()));
        }

        /** Forgets the key's bucket on every instance: it starts full again. */
        public void reset(String key) {
            String stored = storedKey(prefix, key);
            proxies.invalidate(stored);
            buckets.removeProxy(stored);
        }

        private BucketProxy bucket(String key) {
            return proxies.get(storedKey(prefix, key), build);
        }
    }

    /** A limit settled with the database on every call. */
    public Limit exact(String name, BucketConfiguration config) {
        return new Limit(name, config, k -> buckets.builder().build(k, () -> config));
    }

    /** A limit each instance enforces on its own copy, settled with the database about once per sync interval. */
    public Limit batched(String name, BucketConfiguration config) {
        long capacity = Arrays.stream(config.getBandwidths()).mapToLong(b -> b.getCapacity()).min().orElse(1);
        DelayParameters delay = new DelayParameters(Math.max(1, capacity / 20), syncInterval);
        return new Limit(name, config, k -> buckets.builder()
                .withOptimization(new DelayOptimization(delay, NopeOptimizationListener.INSTANCE, time))
                .build(k, () -> config));
    }

    /** Long keys (user names, cookies sent by anyone) are stored as their SHA-256, so any key fits the column. */
    static String storedKey(String prefix, String key) {
        String full = prefix + key;
        if (full.length() <= MAX_KEY) {
            return full;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return prefix + "#" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Scheduled(fixedDelayString = "${serviceloop.rate-limits.sweep-interval:PT10M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "rate-limit-sweep", lockAtMostFor = "PT10M", lockAtLeastFor = "PT5S")
    public void scheduled() {
        sweep();
    }

    /** Drops buckets that would be full again by now, in batches; returns how many. */
    public int sweep() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int total = 0;
        int batch;
        do {
            batch = jdbc.sql("DELETE FROM rate_limit WHERE bucket_key IN (SELECT bucket_key FROM rate_limit "
                    + "WHERE expires_at < :now ORDER BY expires_at LIMIT " + SWEEP_BATCH + ")").param("now", now).update();
            total += batch;
        } while (batch == SWEEP_BATCH && total < 100 * SWEEP_BATCH);
        if (total > 0) {
            log.debug("Swept {} expired rate-limit buckets", total);
        }
        return total;
    }
}
