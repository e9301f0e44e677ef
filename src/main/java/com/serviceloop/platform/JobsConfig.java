package com.serviceloop.platform;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs run on every instance, but ShedLock lets only one of them run each job at a time
 * (the lock is a row in the shared database, timed by the database clock).
 */
@Configuration
@EnableCaching
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class JobsConfig {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().build());
    }

    /** Tests switch the timers off and run the jobs themselves. */
    @Configuration
    @EnableScheduling
    @ConditionalOnProperty(name = "serviceloop.jobs.enabled", havingValue = "true", matchIfMissing = true)
    static class Timers {
    }
}
