package com.serviceloop.demo;

import com.serviceloop.staff.StarGradeLevelsForm;
import com.serviceloop.staff.StarGradeRuleForm;
import com.serviceloop.staff.StarGradeRules;
import com.serviceloop.staff.StarGradeService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo chain's star levels, set for a pharmacy (a few hundred visits a month per outlet, so the
 * complaint ceilings per million visits are far above a courier's), and the grades of its 18 months
 * computed from the demo's own figures: 东门店 climbs as its customers and auditors see it improve,
 * 福田店 slips.
 */
@Component
class DemoStars {
    private static final Logger log = LoggerFactory.getLogger(DemoStars.class);
    // one star to five: satisfaction index, on time %, complaints per million visits, audit score %
    private static final int[][] LEVELS = {{60, 50, 50000, 60}, {66, 55, 45000, 70}, {70, 60, 40000, 75},
            {74, 65, 35000, 80}, {77, 70, 30000, 85}};
    private final StarGradeRules rules;
    private final StarGradeService grades;
    private final Clock clock;

    DemoStars(StarGradeRules rules, StarGradeService grades, Clock clock) {
        this.rules = rules;
        this.grades = grades;
        this.clock = clock;
    }

    void load(int months) {
        List<StarGradeRuleForm> levels = new ArrayList<>();
        for (int[] l : LEVELS) {
            levels.add(new StarGradeRuleForm(BigDecimal.valueOf(l[0]), BigDecimal.valueOf(l[1]), BigDecimal.valueOf(l[2]),
                    BigDecimal.valueOf(l[3]), null));
        }
        rules.replaceAll(new StarGradeLevelsForm(levels));
        YearMonth now = YearMonth.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        long started = System.nanoTime();
        int graded = 0;
        // the first month of the demo's data is a part month: the 17 whole months before this one, and this one
        for (int m = months - 1; m >= 0; m--) {
            graded += grades.computeAll(now.minusMonths(m));
        }
        log.info("Demo star grades: {} outlet-months in {} ms", graded, (System.nanoTime() - started) / 1_000_000);
    }
}
