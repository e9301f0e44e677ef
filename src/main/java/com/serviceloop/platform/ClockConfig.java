package com.serviceloop.platform;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ClockConfig {
    /**
     * Injected wherever "now" matters, so tests can fix it. It runs in the chain's zone, not the
     * server's: "today" is the outlets' today even on a server that keeps UTC.
     */
    @Bean
    Clock clock(@Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
