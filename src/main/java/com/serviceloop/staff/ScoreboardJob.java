package com.serviceloop.staff;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the scoreboard rollup current: today and yesterday every few minutes (new cases, clocks
 * that stop, survey answers), and each night the last five weeks again, because a clock falls due
 * on one day and stops on another and a case can change owner after the day it was counted.
 */
@Component
class ScoreboardJob {
    private static final Logger log = LoggerFactory.getLogger(ScoreboardJob.class);
    private final ScoreboardRollup rollup;
    private final Clock clock;
    private final ZoneId zone;

    ScoreboardJob(ScoreboardRollup rollup, Clock clock, @Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone) {
        this.rollup = rollup;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @Scheduled(fixedDelayString = "${serviceloop.staff.scoreboard-refresh:PT10M}",
            initialDelayString = "${serviceloop.staff.scoreboard-refresh-delay:PT2M}")
    @SchedulerLock(name = "staff-scoreboard", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5S")
    public void recent() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        rollup.refresh(null, today.minusDays(1), today);
    }

    @Scheduled(cron = "${serviceloop.staff.scoreboard-cron:0 15 3 * * *}")
    @SchedulerLock(name = "staff-scoreboard", lockAtMostFor = "PT3H", lockAtLeastFor = "PT5S")
    public void nightly() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        // a week at a time, so no single transaction holds five weeks of a large chain
        for (LocalDate end = today; end.isAfter(today.minusDays(35)); end = end.minusDays(7)) {
            int rows = rollup.refresh(null, end.minusDays(6), end);
            log.debug("Scoreboard rollup: {} rows for the week to {}", rows, end);
        }
    }
}
