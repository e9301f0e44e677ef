package com.serviceloop.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.PageTest;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.Role;
import com.serviceloop.organisation.UnitKind;
import com.serviceloop.platform.OutletScope;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The performance target: a month of star grades for a chain of 500 outlets in under ten seconds —
 * one grouped statement per indicator, not one per outlet.
 */
class StarGradeScaleTest extends PageTest {
    @Autowired StarGradeService grades;
    @Autowired JdbcTemplate batch;
    @Autowired JdbcClient jdbc;

    @Test
    void fiveHundredOutletsAreGradedForAMonthWithinTenSeconds() {
        OrgUnit chain = fixtures.unit(null, UnitKind.CHAIN, "Scale chain");
        List<Long> outlets = new ArrayList<>();
        for (int r = 0; r < 5; r++) {
            OrgUnit region = fixtures.unit(chain.id(), UnitKind.REGION, "Scale region " + r);
            for (int o = 0; o < 100; o++) {
                outlets.add(fixtures.unit(region.id(), UnitKind.OUTLET, "Scale outlet " + r + "-" + o).id());
            }
        }
        long customer = fixtures.customer(fixtures.person(Role.STAFF, outlets.getFirst()), outlets.getFirst(), "Scale");
        YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1);
        List<Object[]> visits = new ArrayList<>();
        for (long o : outlets) {
            for (int i = 0; i < 20; i++) {
                visits.add(new Object[] {customer, o, month.atDay(1 + i).atTime(10, 0), UUID.randomUUID()});
            }
        }
        batch.batchUpdate("INSERT INTO visit (customer_id, outlet_id, visited_at, amount, items, dedup_key) "
                + "VALUES (?, ?, ?, 10, 1, ?)", visits);
        long started = System.nanoTime();
        int graded = grades.compute(OutletScope.of(outlets), month);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(graded).isEqualTo(500);
        assertThat(millis).as("milliseconds for 500 outlets").isLessThan(10_000);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM star_grade WHERE grade_month = :m AND outlet_id IN (:ids)")
                .param("m", month.atDay(1)).param("ids", outlets).query(Long.class).single()).isEqualTo(500);
    }
}
