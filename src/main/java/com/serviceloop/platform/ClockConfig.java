package com.serviceloop.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ClockConfig {
    /** Injected wherever "now" matters, so tests can fix it. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
