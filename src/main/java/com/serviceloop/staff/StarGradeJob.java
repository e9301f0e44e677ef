package com.serviceloop.staff;

import java.time.YearMonth;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** On the first of each month, the month just ended is graded for every outlet (one instance runs it: ShedLock). */
@Component
class StarGradeJob {
    private static final Logger log = LoggerFactory.getLogger(StarGradeJob.class);
    private final StarGradeService grades;

    StarGradeJob(StarGradeService grades) {
        this.grades = grades;
    }

    @Scheduled(cron = "${serviceloop.stars.grade-cron:0 30 3 1 * *}", zone = "${serviceloop.cases.default-zone:Asia/Shanghai}")
    @SchedulerLock(name = "star-grades", lockAtMostFor = "PT1H", lockAtLeastFor = "PT1M")
    public void lastMonth() {
        YearMonth month = grades.thisMonth().minusMonths(1);
        long started = System.nanoTime();
        int outlets = grades.computeAll(month);
        log.info("Star grades for {}: {} outlets in {} ms", month, outlets, (System.nanoTime() - started) / 1_000_000);
    }
}
