package com.serviceloop.team;

import java.time.Clock;
import java.time.OffsetDateTime;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Applicants gave their name and contact for one hiring round, not for ever: once a day, candidates
 * older than {@code serviceloop.team.candidate-retention-days} (default 180) lose them. One instance
 * runs it at a time (ShedLock).
 */
@Component
class CandidateSweep {
    private static final Logger log = LoggerFactory.getLogger(CandidateSweep.class);
    private final SelectionService selection;
    private final Clock clock;
    private final int retentionDays;

    CandidateSweep(SelectionService selection, Clock clock,
                   @Value("${serviceloop.team.candidate-retention-days:180}") int retentionDays) {
        this.selection = selection;
        this.clock = clock;
        this.retentionDays = retentionDays;
    }

    @Scheduled(cron = "${serviceloop.team.candidate-sweep-cron:0 30 3 * * *}")
    // no lockAtLeastFor: a second instance whose clock is a little behind may run it again, which changes nothing
    @SchedulerLock(name = "team-candidate-anonymise", lockAtMostFor = "PT30M")
    public void run() {
        int done = selection.anonymise(retentionDays, OffsetDateTime.now(clock));
        if (done > 0) {
            log.info("Anonymised {} candidates who applied more than {} days ago", done, retentionDays);
        }
    }
}
