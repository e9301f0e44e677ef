package com.serviceloop.audit;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.OutletScope;
import com.serviceloop.platform.Rows;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The dashboard's drill-down: the outlets of a unit side by side (latest and mean score, weakest standard, overdue
 * audits, open actions) and the audits behind a month or an outlet, in the caller's scope.
 */
@Service
class AuditDrillDown {
    /** A chain's year holds 100,000 audits and more: the list shows the newest ones. */
    static final int LIST_LIMIT = 1000;
    private final JdbcClient jdbc;
    private final OrgService org;
    private final Schedules schedules;
    private final Clock clock;
    private final ZoneId zone;

    AuditDrillDown(JdbcClient jdbc, OrgService org, Schedules schedules, Clock clock,
                   @Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.org = org;
        this.schedules = schedules;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** One submitted audit as the drill-down lists it. */
    public record Listed(long id, long outletId, String outletName, OffsetDateTime submittedAt, BigDecimal score, String result) {
    }

    /** The outlets in scope under the unit (null: all in scope), by path. */
    List<OrgUnit> outlets(AppUser user, Long unitId) {
        String path = unitId == null ? "" : org.visibleUnits(user).stream().filter(u -> u.id() == unitId)
                .map(OrgUnit::path).findFirst().orElse(null);
        return path == null ? List.of() : org.visibleOutlets(user).stream().filter(o -> o.path().startsWith(path)).toList();
    }

    /**
     * Submitted audits of the outlets under the unit, newest first: of one month (yyyy-MM, in the chain's time zone)
     * or, without one, of the last {@code months} months.
     */
    List<Listed> audits(AppUser user, Long unitId, String month, int months) {
        OffsetDateTime from;
        OffsetDateTime to;
        if (month == null || month.isBlank()) {
            from = YearMonth.now(clock.withZone(zone)).minusMonths(months - 1L).atDay(1).atStartOfDay(zone).toOffsetDateTime();
            to = OffsetDateTime.now(clock).plusDays(1);
        } else {
            YearMonth m = month(month);
            from = m.atDay(1).atStartOfDay(zone).toOffsetDateTime();
            to = m.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime();
        }
        List<Long> outlets = outlets(user, unitId).stream().map(OrgUnit::id).toList();
        if (outlets.isEmpty()) {
            return List.of();
        }
        OutletScope scope = org.scopeOf(user);
        return scope.bind(jdbc.sql("""
                SELECT a.id, a.outlet_id, u.name AS outlet_name, a.submitted_at, a.score, a.result
                FROM audit a JOIN org_unit u ON u.id = a.outlet_id
                WHERE a.status <> 'IN_PROGRESS' AND a.submitted_at >= :from AND a.submitted_at < :to
                  AND a.outlet_id IN (:outlets) AND %s
                ORDER BY a.submitted_at DESC, a.id DESC LIMIT %d""".formatted(scope.sqlFilter("a.outlet_id"), LIST_LIMIT)))
                .param("from", from).param("to", to).param("outlets", outlets).query(Rows.of(Listed.class)).list();
    }

    private static YearMonth month(String month) {
        try {
            YearMonth m = YearMonth.parse(month.strip());
            if (m.getYear() < 2000 || m.getYear() > 2100) {
                throw BadInputException.of("month", "error.audit.month");
            }
            return m;
        } catch (DateTimeParseException e) {
            throw BadInputException.of("month", "error.audit.month");
        }
    }

    /**
     * Outlets with an audit in the period, an overdue audit or an open action; weakest first by mean score. Counts,
     * means and the weakest standard come from the monthly sums (audit_month, audit_item_month), so a chain of 500
     * outlets does not read its audits' millions of answers.
     */
    List<Dashboard.OutletRow> outletRows(AppUser user, Long unitId, int months) {
        List<OrgUnit> outlets = outlets(user, unitId);
        if (outlets.isEmpty()) {
            return List.of();
        }
        List<Long> ids = outlets.stream().map(OrgUnit::id).toList();
        OutletScope scope = org.scopeOf(user);
        YearMonth first = YearMonth.now(clock.withZone(zone)).minusMonths(months - 1L);
        record Sums(long outletId, long audits, long scored, BigDecimal scoreSum) {
        }
        Map<Long, Sums> sums = new HashMap<>();
        scope.bind(jdbc.sql("""
                SELECT m.outlet_id, SUM(m.audits) AS audits, SUM(m.scored) AS scored, SUM(m.score_sum) AS score_sum
                FROM audit_month m
                WHERE m.stat_month >= :from AND m.outlet_id IN (:outlets) AND %s GROUP BY m.outlet_id"""
                        .formatted(scope.sqlFilter("m.outlet_id"))))
                .param("from", first.atDay(1)).param("outlets", ids).query(Rows.of(Sums.class)).list()
                .forEach(x -> sums.put(x.outletId(), x));
        record Latest(long outletId, BigDecimal score, OffsetDateTime submittedAt) {
        }
        Map<Long, Latest> latest = new HashMap<>();
        scope.bind(jdbc.sql("""
                SELECT a.outlet_id, a.score, a.submitted_at FROM audit a
                JOIN (SELECT outlet_id, MAX(submitted_at) AS at FROM audit
                      WHERE status <> 'IN_PROGRESS' AND score IS NOT NULL AND submitted_at >= :from AND outlet_id IN (:outlets)
                      GROUP BY outlet_id) l ON l.outlet_id = a.outlet_id AND l.at = a.submitted_at
                WHERE a.score IS NOT NULL AND %s ORDER BY a.id""".formatted(scope.sqlFilter("a.outlet_id"))))
                .param("from", first.atDay(1).atStartOfDay(zone).toOffsetDateTime()).param("outlets", ids)
                .query(Rows.of(Latest.class)).list().forEach(x -> latest.putIfAbsent(x.outletId(), x));
        record Weak(long outletId, String text, BigDecimal mean) {
        }
        Map<Long, Weak> weakest = new HashMap<>();
        scope.bind(jdbc.sql("""
                SELECT m.outlet_id, MIN(m.text) AS text, SUM(m.score_sum) / SUM(m.answers) AS mean FROM audit_item_month m
                WHERE m.stat_month >= :from AND m.standard_id IS NOT NULL AND m.outlet_id IN (:outlets) AND %s
                GROUP BY m.outlet_id, m.standard_id""".formatted(scope.sqlFilter("m.outlet_id"))))
                .param("from", first.atDay(1)).param("outlets", ids).query(Rows.of(Weak.class)).list()
                .forEach(w -> weakest.merge(w.outletId(), w, (x, y) -> y.mean().compareTo(x.mean()) < 0
                        || y.mean().compareTo(x.mean()) == 0 && y.text().compareTo(x.text()) < 0 ? y : x));
        Map<Long, Long> open = new HashMap<>();
        scope.bind(jdbc.sql("""
                SELECT a.outlet_id, COUNT(*) FROM audit_action a
                WHERE a.status = 'OPEN' AND a.outlet_id IN (:outlets) AND %s GROUP BY a.outlet_id"""
                        .formatted(scope.sqlFilter("a.outlet_id"))))
                .param("outlets", ids).query((rs, i) -> open.put(rs.getLong(1), rs.getLong(2))).list();
        Map<Long, Long> overdue = schedules.due(user).stream().filter(s -> s.state().equals("OVERDUE"))
                .collect(Collectors.groupingBy(Schedule::outletId, Collectors.counting()));
        List<Dashboard.OutletRow> rows = new ArrayList<>();
        for (OrgUnit o : outlets) {
            Sums sum = sums.get(o.id());
            if (sum == null && !open.containsKey(o.id()) && !overdue.containsKey(o.id())) {
                continue;
            }
            Latest last = latest.get(o.id());
            Weak w = weakest.get(o.id());
            rows.add(new Dashboard.OutletRow(o.id(), o.name(), sum == null ? 0 : (int) sum.audits(),
                    last == null ? null : round(last.score().doubleValue()), last == null ? null : last.submittedAt(),
                    sum == null || sum.scored() == 0 ? null : round(sum.scoreSum().doubleValue() / sum.scored()),
                    w == null ? null : w.text(), w == null ? null : round(w.mean().doubleValue()),
                    overdue.getOrDefault(o.id(), 0L).intValue(), open.getOrDefault(o.id(), 0L).intValue()));
        }
        rows.sort(Comparator.comparing((Dashboard.OutletRow r) -> r.meanScore() == null ? 2.0 : r.meanScore())
                .thenComparing(Dashboard.OutletRow::outletName));
        return rows;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
