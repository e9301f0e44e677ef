package com.serviceloop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.TestClock;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Limits in the shared table: what one instance takes, another instance sees; the batched kind
 * still refuses exactly at the limit within one instance; time (the app's Clock) refills; the
 * sweep drops only buckets that are full again.
 */
// runs again on PostgreSQL in the build's second test execution (pom.xml: postgres-test)
@Tag("db")
@SpringBootTest
class RateLimitsIntegrationTest {
    @Autowired RateLimits limits;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static BucketConfiguration perMinute(int n) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(n).refillGreedy(n, Duration.ofMinutes(1)).build()).build();
    }

    private RateLimits otherInstance() {
        return new RateLimits(jdbc, clock, Duration.ofSeconds(1));
    }

    @Test
    void anExactLimitIsSharedByInstancesAndRefillsWithTheAppsClock() {
        String key = UUID.randomUUID().toString();
        RateLimits.Limit here = limits.exact("test-exact", perMinute(3));
        RateLimits.Limit there = otherInstance().exact("test-exact", perMinute(3));
        assertThat(here.tryTake(key).allowed()).isTrue();
        assertThat(there.tryTake(key).allowed()).isTrue();
        assertThat(here.tryTake(key).allowed()).isTrue();
        RateLimits.Verdict refused = there.tryTake(key);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 20L);
        assertThat(here.peek(key).allowed()).isFalse();
        assertThat(here.tryTake("another " + key).allowed()).as("another key has its own bucket").isTrue();

        clock.advance(Duration.ofSeconds(21));
        assertThat(there.tryTake(key).allowed()).isTrue();
        assertThat(here.tryTake(key).allowed()).isFalse();
    }

    @Test
    void aBatchedLimitRefusesAtTheLimitAndSettlesWithTheDatabase() {
        clock.freeze();
        String key = UUID.randomUUID().toString();
        RateLimits.Limit here = limits.batched("test-batched", perMinute(100));
        int allowed = 0;
        for (int i = 0; i < 150; i++) {
            allowed += here.tryTake(key).allowed() ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(100);
        // at most one twentieth of the capacity is left unsettled: another instance sees the rest taken
        RateLimits.Limit there = otherInstance().exact("test-batched", perMinute(100));
        assertThat(there.peek(key).remaining()).isLessThanOrEqualTo(5);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM rate_limit WHERE bucket_key LIKE :k").param("k", "test-batched/%:" + key)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theSweepDropsOnlyBucketsThatAreFullAgain() {
        String used = UUID.randomUUID().toString();
        RateLimits.Limit limit = limits.exact("test-sweep", perMinute(2));
        limit.tryTake(used);
        limits.sweep();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM rate_limit WHERE bucket_key LIKE :k").param("k", "test-sweep/%:" + used)
                .query(Long.class).single()).isEqualTo(1);
        // full again after 30 s, kept a minute after that
        clock.advance(Duration.ofMinutes(2));
        assertThat(limits.sweep()).isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM rate_limit WHERE bucket_key LIKE :k").param("k", "test-sweep/%:" + used)
                .query(Long.class).single()).isZero();
        assertThat(limit.tryTake(used).remaining()).as("a swept key starts full").isEqualTo(1);
    }

    @Test
    void aLongKeyIsStoredAsItsHash() {
        String key = "x".repeat(500);
        assertThat(RateLimits.storedKey("p:", key)).hasSize(2 + 1 + 64);
        assertThat(limits.exact("test-long", perMinute(1)).tryTake(key).allowed()).isTrue();
        assertThat(limits.exact("test-long", perMinute(1)).tryTake(key).allowed()).isFalse();
    }
}
