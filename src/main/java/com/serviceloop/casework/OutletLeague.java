package com.serviceloop.casework;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.platform.OutletScope;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * This month's key figures of each outlet in a person's scope, side by side: cases received,
 * complaints per 1,000 visits and the share of deadlines met (the same figures as the case
 * indicators), the average score of the follow-up calls made, and the cases late right now.
 */
@Service
public class OutletLeague {
    private final CaseIndicators indicators;
    private final JdbcClient jdbc;
    private final OrgService org;
    private final Clock clock;
    private final ZoneId zone;

    public OutletLeague(CaseIndicators indicators, JdbcClient jdbc, OrgService org, Clock clock,
                        @Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone) {
        this.indicators = indicators;
        this.jdbc = jdbc;
        this.org = org;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /**
     * One outlet's month; outletId null is the total. {@code onTimeRate} is the share of the deadlines
     * that fell due this month and were met; {@code satisfaction} the average score (1–5) of the
     * follow-up calls recorded this month in which the customer gave one.
     */
    public record Row(Long outletId, String outletName, long cases, long complaints, long visits, Double complaintRate,
                      long deadlines, long onTime, Double onTimeRate, long calls, Double satisfaction, long lateNow) {
    }

    /** Ranked by complaints per 1,000 visits, fewest first; outlets without visits after them. */
    public record League(LocalDate from, LocalDate to, List<Row> outlets, Row total) {
    }

    public League thisMonth(AppUser user) {
        LocalDate to = LocalDate.now(clock.withZone(zone));
        return of(user, to.withDayOfMonth(1), to);
    }

    public League of(AppUser user, LocalDate from, LocalDate to) {
        CaseIndicators.Report report = indicators.report(user, from, to, CaseIndicators.GroupBy.OUTLET,
                CaseIndicators.Period.MONTH);
        Map<Long, CaseIndicators.Group> groups = new HashMap<>();
        report.groups().forEach(g -> groups.put(g.id(), g));
        OutletScope scope = org.scopeOf(user);
        OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        Map<Long, long[]> counts = new HashMap<>();
        count(scope, "SELECT c.outlet_id, COUNT(*), 0 FROM support_case c WHERE c.created_at >= :start "
                + "AND c.created_at < :end AND " + scope.sqlFilter("c.outlet_id") + " GROUP BY c.outlet_id", 0, start, end, counts);
        count(scope, "SELECT c.outlet_id, COUNT(*), SUM(f.satisfaction) FROM case_follow_up f "
                + "JOIN support_case c ON c.id = f.case_id WHERE f.satisfaction IS NOT NULL AND f.recorded_at >= :start "
                + "AND f.recorded_at < :end AND " + scope.sqlFilter("c.outlet_id") + " GROUP BY c.outlet_id", 1, start, end, counts);
        count(scope, "SELECT c.outlet_id, COUNT(*), 0 FROM support_case c WHERE c.status <> 'CLOSED' AND EXISTS "
                + "(SELECT 1 FROM case_clock k WHERE k.case_id = c.id AND k.stopped_at IS NULL AND k.due_at <= :now) AND "
                + scope.sqlFilter("c.outlet_id") + " GROUP BY c.outlet_id", 3, start, end, counts);

        List<Row> rows = new ArrayList<>();
        for (OrgUnit outlet : org.visibleOutlets(user)) {
            rows.add(row(outlet.id(), outlet.name(), groups.get(outlet.id()), counts.getOrDefault(outlet.id(), new long[4])));
        }
        rows.sort(Comparator.comparing(Row::complaintRate, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Row::outletName, Comparator.nullsLast(Comparator.naturalOrder())));
        long[] sum = new long[4];
        counts.values().forEach(c -> {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += c[i];
            }
        });
        return new League(from, to, rows, row(null, null, report.total(), sum));
    }

    /** Adds each row's count (and sum) to {@code counts[outlet][at]} (and {@code [at + 1]}). */
    private void count(OutletScope scope, String sql, int at, OffsetDateTime start, OffsetDateTime end,
                       Map<Long, long[]> counts) {
        scope.bind(jdbc.sql(sql)).params(Map.of("start", start, "end", end, "now", OffsetDateTime.now(clock))).query(rs -> {
            long[] c = counts.computeIfAbsent(rs.getLong(1), k -> new long[4]);
            c[at] += rs.getLong(2);
            if (at == 1) {
                c[2] += rs.getLong(3);
            }
        });
    }

    /** counts: cases received, calls with a score, the sum of those scores, cases late now. */
    private static Row row(Long id, String name, CaseIndicators.Group g, long[] counts) {
        long deadlines = g == null ? 0 : g.clocks().stream().mapToLong(CaseIndicators.ClockFigures::due).sum();
        long onTime = g == null ? 0 : g.clocks().stream().mapToLong(CaseIndicators.ClockFigures::onTime).sum();
        Double satisfaction = counts[1] == 0 ? null : Math.round(counts[2] * 10.0 / counts[1]) / 10.0;
        return new Row(id, name, counts[0], g == null ? 0 : g.complaints(), g == null ? 0 : g.visits(),
                g == null ? null : g.complaintRate(), deadlines, onTime, CaseIndicators.ratio(onTime, deadlines),
                counts[1], satisfaction, counts[3]);
    }
}
