package com.serviceloop.casework;

import com.serviceloop.platform.OutletScope;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * One month's complaints and SLA clocks for every outlet in a scope, two grouped statements for
 * however many outlets (the monthly star grade of a whole chain reads them at once). The counting
 * is that of {@link CaseIndicators}: a complaint in the month it was received, a clock in the month
 * it fell due once it has stopped or its deadline has passed, on time when it stopped before it.
 */
@Service
public class OutletMonthCases {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    OutletMonthCases(JdbcClient jdbc, Clock clock, @Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** An outlet's month: complaints received, clocks due and those of them stopped in time. */
    public record Figures(long complaints, long clocksDue, long clocksOnTime) {
    }

    public Map<Long, Figures> forMonth(OutletScope scope, YearMonth month) {
        OffsetDateTime start = month.atDay(1).atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime();
        Map<Long, long[]> sums = new HashMap<>();
        scope.bind(jdbc.sql("SELECT c.outlet_id, COUNT(*) FROM support_case c WHERE c.case_type = 'COMPLAINT' "
                        + "AND c.created_at >= :start AND c.created_at < :end AND " + scope.sqlFilter("c.outlet_id")
                        + " GROUP BY c.outlet_id"))
                .param("start", start).param("end", end)
                .query(rs -> {
                    sums.computeIfAbsent(rs.getLong(1), k -> new long[3])[0] = rs.getLong(2);
                });
        scope.bind(jdbc.sql("SELECT c.outlet_id, COUNT(*), "
                        + "SUM(CASE WHEN k.stopped_at IS NOT NULL AND k.stopped_at < k.due_at THEN 1 ELSE 0 END) "
                        + "FROM case_clock k JOIN support_case c ON c.id = k.case_id WHERE k.due_at >= :start "
                        + "AND k.due_at < :end AND (k.stopped_at IS NOT NULL OR k.due_at <= :now) AND "
                        + scope.sqlFilter("c.outlet_id") + " GROUP BY c.outlet_id"))
                .param("start", start).param("end", end).param("now", OffsetDateTime.now(clock))
                .query(rs -> {
                    long[] s = sums.computeIfAbsent(rs.getLong(1), k -> new long[3]);
                    s[1] = rs.getLong(2);
                    s[2] = rs.getLong(3);
                });
        Map<Long, Figures> out = new HashMap<>();
        sums.forEach((id, s) -> out.put(id, new Figures(s[0], s[1], s[2])));
        return out;
    }
}
