package com.serviceloop.casework;

import com.serviceloop.platform.Database;
import com.serviceloop.platform.OutletScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The statements behind the case indicators. The database aggregates per group and day; the
 * per-day rows are added up here into the range's totals per group, the chosen periods and the
 * months (the SQI trend is always monthly).
 */
@Component
class IndicatorRows {
    private final JdbcClient jdbc;
    private final Database db;
    private final ZoneId zone;

    IndicatorRows(JdbcClient jdbc, Database db, @Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.db = db;
        this.zone = ZoneId.of(zone);
    }

    /** What one read gives: group names, totals per group (null: all groups), per period and per month. */
    record Sums(Map<Long, String> names, Map<Long, IndicatorAcc> groups, Map<String, Map<Long, IndicatorAcc>> periods,
                Map<String, IndicatorAcc> months) {
    }

    Sums read(OutletScope scope, LocalDate from, LocalDate to, CaseIndicators.GroupBy groupBy,
              CaseIndicators.Period period, OffsetDateTime now) {
        String gid = groupBy == CaseIndicators.GroupBy.OUTLET ? "o.id" : "r.id";
        String gname = groupBy == CaseIndicators.GroupBy.OUTLET ? "o.name" : "r.name";
        String g = gid + ", " + gname + ", ";
        String units = " JOIN org_unit o ON o.id = %s LEFT JOIN org_unit r ON r.id = o.parent_id ";
        OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        Sums sums = new Sums(new TreeMap<>(), new LinkedHashMap<>(), new TreeMap<>(), new TreeMap<>());
        String scopeFilter = scope.sqlFilter("o.id");
        Map<String, Object> params = params(start, end, now);

        rows(scope, "SELECT " + g + localDay("c.created_at") + ", COUNT(*) FROM support_case c"
                + units.formatted("c.outlet_id") + "WHERE c.case_type = 'COMPLAINT' AND c.created_at >= :start "
                + "AND c.created_at < :end AND " + scopeFilter + " GROUP BY " + g + localDay("c.created_at"), params,
                sums, period, (a, rs) -> a.complaints += rs.getLong(4));
        rows(scope, "SELECT " + g + "CAST(v.visited_at AS DATE), COUNT(*) FROM visit v" + units.formatted("v.outlet_id")
                + "WHERE v.visited_at >= :startLocal AND v.visited_at < :endLocal AND " + scopeFilter
                + " GROUP BY " + g + "CAST(v.visited_at AS DATE)", params, sums, period, (a, rs) -> a.visits += rs.getLong(4));
        rows(scope, "SELECT " + g + "e.occurred_on, SUM(e.quantity * t.weight) FROM sqi_event e "
                + "JOIN sqi_failure_type t ON t.code = e.failure_code" + units.formatted("e.outlet_id")
                + "WHERE e.occurred_on >= :fromDay AND e.occurred_on <= :toDay AND " + scopeFilter
                + " GROUP BY " + g + "e.occurred_on", params, sums, period, (a, rs) -> a.sqi += rs.getLong(4));
        // the satisfaction the customer gave on the follow-up call, counted on the day of the call
        rows(scope, "SELECT " + g + localDay("f.recorded_at") + ", SUM(f.satisfaction), COUNT(*) FROM case_follow_up f "
                + "JOIN support_case c ON c.id = f.case_id" + units.formatted("c.outlet_id")
                + "WHERE f.satisfaction IS NOT NULL AND f.recorded_at >= :start AND f.recorded_at < :end AND "
                + scopeFilter + " GROUP BY " + g + localDay("f.recorded_at"), params, sums, period, (a, rs) -> {
                    a.satisfactionSum += rs.getLong(4);
                    a.satisfactionCalls += rs.getLong(5);
                });
        // a clock counts in the period it fell due, once it has stopped or its deadline has passed
        rows(scope, "SELECT " + g + localDay("k.due_at") + ", k.clock_kind, COUNT(*), "
                + "SUM(CASE WHEN k.stopped_at IS NOT NULL AND k.stopped_at < k.due_at THEN 1 ELSE 0 END) "
                + "FROM case_clock k JOIN support_case c ON c.id = k.case_id" + units.formatted("c.outlet_id")
                + "WHERE k.due_at >= :start AND k.due_at < :end AND (k.stopped_at IS NOT NULL OR k.due_at <= :now) AND "
                + scopeFilter + " GROUP BY " + g + localDay("k.due_at") + ", k.clock_kind", params, sums, period, (a, rs) -> {
                    long[] c = a.clocks.computeIfAbsent(SlaKind.valueOf(rs.getString(4)), k -> new long[2]);
                    c[0] += rs.getLong(5);
                    c[1] += rs.getLong(6);
                });
        times(scope, gid, gname, units, scopeFilter, start, end, sums);
        returns(scope, g, units, scopeFilter, start, end, now, sums);
        return sums;
    }

    @FunctionalInterface
    private interface RowSink {
        void accept(IndicatorAcc acc, ResultSet rs) throws SQLException;
    }

    /** Adds each per-day row to its group's, the total's, its period's and its month's sums. */
    private void rows(OutletScope scope, String sql, Map<String, Object> params, Sums sums, CaseIndicators.Period period,
                      RowSink sink) {
        scope.bind(jdbc.sql(sql)).params(params).query(rs -> {
            Long group = (Long) rs.getObject(1);
            sums.names().putIfAbsent(group, rs.getString(2));
            LocalDate day = rs.getObject(3, LocalDate.class);
            Map<Long, IndicatorAcc> inPeriod = sums.periods().computeIfAbsent(bucket(day, period),
                    k -> new TreeMap<>(Comparator.nullsFirst(Long::compare)));
            for (IndicatorAcc a : List.of(sums.groups().computeIfAbsent(group, k -> new IndicatorAcc()),
                    sums.groups().computeIfAbsent(null, k -> new IndicatorAcc()),
                    inPeriod.computeIfAbsent(group, k -> new IndicatorAcc()),
                    inPeriod.computeIfAbsent(null, k -> new IndicatorAcc()),
                    sums.months().computeIfAbsent(bucket(day, CaseIndicators.Period.MONTH), k -> new IndicatorAcc()))) {
                sink.accept(a, rs);
            }
        });
    }

    /** Every bound the queries use; each statement takes the ones it names and ignores the rest. */
    private Map<String, Object> params(OffsetDateTime start, OffsetDateTime end, OffsetDateTime now) {
        return Map.of("start", start, "end", end, "now", now,
                "startLocal", start.atZoneSameInstant(zone).toLocalDateTime(),
                "endLocal", end.atZoneSameInstant(zone).toLocalDateTime(),
                "fromDay", start.atZoneSameInstant(zone).toLocalDate(),
                "toDay", end.atZoneSameInstant(zone).toLocalDate().minusDays(1));
    }

    private String localDay(String column) {
        return db.localDay(column, zone);
    }

    static String bucket(LocalDate day, CaseIndicators.Period period) {
        return switch (period) {
            case DAY -> day.toString();
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString();
            case MONTH -> day.toString().substring(0, 7);
        };
    }

    private void times(OutletScope scope, String gid, String gname, String units, String scopeFilter,
                       OffsetDateTime start, OffsetDateTime end, Sums sums) {
        String minutes = db.isPostgres() ? "EXTRACT(EPOCH FROM (k.stopped_at - k.started_at)) / 60.0"
                : "DATEDIFF('SECOND', k.started_at, k.stopped_at) / 60.0";
        for (boolean overall : new boolean[] {false, true}) {
            String g = overall ? "CAST(NULL AS BIGINT), CAST(NULL AS VARCHAR(200))" : gid + ", " + gname;
            String sql = "SELECT " + g + ", k.clock_kind, AVG(" + minutes + "), PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY "
                    + minutes + ") FROM case_clock k JOIN support_case c ON c.id = k.case_id" + units.formatted("c.outlet_id")
                    + "WHERE k.stopped_at >= :start AND k.stopped_at < :end AND " + scopeFilter + " GROUP BY "
                    + (overall ? "" : gid + ", " + gname + ", ") + "k.clock_kind";
            scope.bind(jdbc.sql(sql)).param("start", start).param("end", end).query(rs -> {
                Long group = (Long) rs.getObject(1);
                if (!overall) {
                    sums.names().putIfAbsent(group, rs.getString(2));
                }
                sums.groups().computeIfAbsent(group, k -> new IndicatorAcc()).times.put(SlaKind.valueOf(rs.getString(3)),
                        new double[] {rs.getDouble(4), rs.getDouble(5)});
            });
        }
    }

    /**
     * Complaints with a known customer resolved in the range whose 90 days have passed: did the
     * customer buy again within 90 days of the resolution? Split by whether the resolution was on time.
     */
    private void returns(OutletScope scope, String g, String units, String scopeFilter, OffsetDateTime start,
                         OffsetDateTime end, OffsetDateTime now, Sums sums) {
        String onTime = "CASE WHEN k.stopped_at < k.due_at THEN 1 ELSE 0 END";
        String sql = "SELECT " + g + onTime + ", COUNT(*), "
                + "SUM(CASE WHEN EXISTS (SELECT 1 FROM visit v WHERE v.customer_id = c.customer_id "
                + "AND v.visited_at > " + local("c.resolved_at") + " AND v.visited_at <= " + local("c.resolved_at")
                + " + INTERVAL '90' DAY) THEN 1 ELSE 0 END) "
                + "FROM support_case c JOIN case_clock k ON k.case_id = c.id AND k.clock_kind = 'RESOLUTION'"
                + units.formatted("c.outlet_id") + "WHERE c.case_type = 'COMPLAINT' AND c.customer_id IS NOT NULL "
                + "AND c.resolved_at >= :start AND c.resolved_at < :end AND c.resolved_at <= :cutoff AND k.due_at IS NOT NULL AND "
                + scopeFilter + " GROUP BY " + g + onTime;
        scope.bind(jdbc.sql(sql)).param("start", start).param("end", end).param("cutoff", now.minusDays(90)).query(rs -> {
            Long group = (Long) rs.getObject(1);
            sums.names().putIfAbsent(group, rs.getString(2));
            boolean fast = rs.getInt(3) == 1;
            for (IndicatorAcc a : List.of(sums.groups().computeIfAbsent(group, k -> new IndicatorAcc()),
                    sums.groups().computeIfAbsent(null, k -> new IndicatorAcc()))) {
                long[] r = fast ? a.fast : a.slow;
                r[0] += rs.getLong(4);
                r[1] += rs.getLong(5);
            }
        });
    }

    private String local(String column) {
        return db.localTime(column, zone);
    }
}
