package com.serviceloop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The system clock, in the chain's zone like the app's, shifted by an offset tests can move forward ("three hours later") and reset.
 * It is the primary Clock in every test context; tests that move it reset it afterwards.
 */
public class TestClock extends Clock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    /** While set, time stands still at this instant (moved by advance): for counts that must not refill meanwhile. */
    private final AtomicReference<Instant> frozen = new AtomicReference<>();
    private final ZoneId zone;

    public TestClock(ZoneId zone) {
        this.zone = zone;
    }

    public void advance(Duration d) {
        offset.updateAndGet(o -> o.plus(d));
        frozen.updateAndGet(f -> f == null ? null : f.plus(d));
    }

    /** Stops the clock where it is now, until reset. */
    public void freeze() {
        frozen.set(instant());
    }

    public void reset() {
        frozen.set(null);
        offset.set(Duration.ZERO);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        TestClock outer = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId z) {
                return outer.withZone(z);
            }

            @Override
            public Instant instant() {
                return outer.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        Instant stopped = frozen.get();
        return stopped != null ? stopped : Instant.now().plus(offset.get());
    }

    @Configuration
    static class Config {
        @Bean
        @Primary
        TestClock testClock(@Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone) {
            return new TestClock(ZoneId.of(zone));
        }
    }
}
