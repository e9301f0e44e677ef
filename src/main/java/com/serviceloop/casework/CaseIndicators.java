package com.serviceloop.casework;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.platform.Database;
import com.serviceloop.platform.OutletScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The case indicators per outlet or region: complaint rate per 1,000 visits, on-time rate and
 * average / 90th-percentile time per clock, return within 90 days of complaining customers whose
 * complaint was resolved on time versus late, and the SQI — totals for the range and a series per
 * day, week or month for the charts. Everything is aggregated by the database, per day, and only
 * the per-day rows are rolled up into weeks and months here.
 */
@Service
public class CaseIndicators {
    private final JdbcClient jdbc;
    private final OrgService org;
    private final Database db;
    private final Clock clock;
    private final ZoneId zone;

    public CaseIndicators(JdbcClient jdbc, OrgService org, Database db, Clock clock,
                          @Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.org = org;
        this.db = db;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    public enum GroupBy { OUTLET, REGION }

    public enum Period { DAY, WEEK, MONTH }

    public record ClockFigures(SlaKind clock, long due, long onTime, Double onTimeRate, Double avgMinutes,
                               Double p90Minutes) {
    }

    public record ReturnFigures(long cases, long returned, Double rate) {
    }

    public record Group(Long id, String name, long complaints, long visits, Double complaintRate,
                        List<ClockFigures> clocks, ReturnFigures returnAfterFast, ReturnFigures returnAfterSlow,
                        long sqi) {
    }

    /** One period of one group; groupId null is the total of all groups. */
    public record Point(String period, Long groupId, long complaints, long visits, Double complaintRate, long due,
                        long onTime, Double onTimeRate, long sqi) {
    }

    public record Report(LocalDate from, LocalDate to, GroupBy groupBy, Period period, Group total, List<Group> groups,
                         List<Point> series) {
    }

    private static final class Acc {
        long complaints;
        long visits;
        long sqi;
        final Map<SlaKind, long[]> clocks = new EnumMap<>(SlaKind.class);
        final long[] fast = new long[2];
        final long[] slow = new long[2];
        final Map<SlaKind, double[]> times = new EnumMap<>(SlaKind.class);
    }

    public Report report(AppUser user, LocalDate from, LocalDate to, GroupBy groupBy, Period period) {
        OutletScope scope = org.scopeOf(user);
        String gid = groupBy == GroupBy.OUTLET ? "o.id" : "r.id";
        String gname = groupBy == GroupBy.OUTLET ? "o.name" : "r.name";
        String units = " JOIN org_unit o ON o.id = %s LEFT JOIN org_unit r ON r.id = o.parent_id ";
        OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime now = OffsetDateTime.now(clock);

        Map<Long, String> names = new TreeMap<>();
        Map<Long, Acc> groups = new LinkedHashMap<>();
        Map<String, Map<Long, Acc>> buckets = new TreeMap<>();
        String scopeFilter = scope.sqlFilter("o.id");

        rows(scope, "SELECT " + gid + ", " + gname + ", " + localDay("c.created_at") + ", COUNT(*) FROM support_case c"
                        + units.formatted("c.outlet_id") + "WHERE c.case_type = 'COMPLAINT' AND c.created_at >= :start "
                        + "AND c.created_at < :end AND " + scopeFilter + " GROUP BY " + gid + ", " + gname + ", "
                        + localDay("c.created_at"), start, end, now,
                (g, day, rs) -> {
                    long n = rs.getLong(4);
                    add(g, day, period, groups, buckets).forEach(a -> a.complaints += n);
                }, names);
        rows(scope, "SELECT " + gid + ", " + gname + ", CAST(v.visited_at AS DATE), COUNT(*) FROM visit v"
                        + units.formatted("v.outlet_id") + "WHERE v.visited_at >= :startLocal AND v.visited_at < :endLocal AND "
                        + scopeFilter + " GROUP BY " + gid + ", " + gname + ", CAST(v.visited_at AS DATE)", start, end, now,
                (g, day, rs) -> {
                    long n = rs.getLong(4);
                    add(g, day, period, groups, buckets).forEach(a -> a.visits += n);
                }, names);
        rows(scope, "SELECT " + gid + ", " + gname + ", e.occurred_on, SUM(e.quantity * t.weight) FROM sqi_event e "
                        + "JOIN sqi_failure_type t ON t.code = e.failure_code" + units.formatted("e.outlet_id")
                        + "WHERE e.occurred_on >= :fromDay AND e.occurred_on <= :toDay AND " + scopeFilter
                        + " GROUP BY " + gid + ", " + gname + ", e.occurred_on", start, end, now,
                (g, day, rs) -> {
                    long n = rs.getLong(4);
                    add(g, day, period, groups, buckets).forEach(a -> a.sqi += n);
                }, names);
        // a clock counts in the period it fell due, once it has stopped or its deadline has passed
        rows(scope, "SELECT " + gid + ", " + gname + ", " + localDay("k.due_at") + ", k.clock_kind, COUNT(*), "
                        + "SUM(CASE WHEN k.stopped_at IS NOT NULL AND k.stopped_at < k.due_at THEN 1 ELSE 0 END) "
                        + "FROM case_clock k JOIN support_case c ON c.id = k.case_id" + units.formatted("c.outlet_id")
                        + "WHERE k.due_at >= :start AND k.due_at < :end AND (k.stopped_at IS NOT NULL OR k.due_at <= :now) AND "
                        + scopeFilter + " GROUP BY " + gid + ", " + gname + ", " + localDay("k.due_at") + ", k.clock_kind",
                start, end, now, (g, day, rs) -> {
                    SlaKind kind = SlaKind.valueOf(rs.getString(4));
                    long due = rs.getLong(5);
                    long onTime = rs.getLong(6);
                    for (Acc a : add(g, day, period, groups, buckets)) {
                        long[] c = a.clocks.computeIfAbsent(kind, k -> new long[2]);
                        c[0] += due;
                        c[1] += onTime;
                    }
                }, names);
        times(scope, gid, gname, units, scopeFilter, start, end, groups, names);
        returns(scope, gid, gname, units, scopeFilter, start, end, now, groups, names);

        List<Group> result = new ArrayList<>();
        for (var e : groups.entrySet()) {
            if (e.getKey() != null) {
                result.add(group(e.getKey(), names.get(e.getKey()), e.getValue()));
            }
        }
        result.sort(Comparator.comparing(Group::name, Comparator.nullsLast(String::compareTo)));
        List<Point> series = new ArrayList<>();
        for (var b : buckets.entrySet()) {
            for (var g : b.getValue().entrySet()) {
                Acc a = g.getValue();
                long due = a.clocks.values().stream().mapToLong(c -> c[0]).sum();
                long onTime = a.clocks.values().stream().mapToLong(c -> c[1]).sum();
                series.add(new Point(b.getKey(), g.getKey(), a.complaints, a.visits, perThousand(a.complaints, a.visits),
                        due, onTime, ratio(onTime, due), a.sqi));
            }
        }
        return new Report(from, to, groupBy, period, group(null, "All", groups.computeIfAbsent(null, k -> new Acc())),
                result, series);
    }

    @FunctionalInterface
    private interface RowSink {
        void accept(Long group, LocalDate day, ResultSet rs) throws SQLException;
    }

    private void rows(OutletScope scope, String sql, OffsetDateTime start, OffsetDateTime end, OffsetDateTime now,
                      RowSink sink, Map<Long, String> names) {
        scope.bind(jdbc.sql(sql)).params(params(start, end, now)).query(rs -> {
            Long g = (Long) rs.getObject(1);
            names.putIfAbsent(g, rs.getString(2));
            sink.accept(g, rs.getObject(3, LocalDate.class), rs);
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

    /** The accumulators a per-day row adds to: its group's, the total's and its period's. */
    private static List<Acc> add(Long group, LocalDate day, Period period, Map<Long, Acc> groups,
                                 Map<String, Map<Long, Acc>> buckets) {
        Map<Long, Acc> inPeriod = buckets.computeIfAbsent(bucket(day, period),
                k -> new TreeMap<>(Comparator.nullsFirst(Long::compare)));
        return List.of(groups.computeIfAbsent(group, k -> new Acc()), groups.computeIfAbsent(null, k -> new Acc()),
                inPeriod.computeIfAbsent(group, k -> new Acc()), inPeriod.computeIfAbsent(null, k -> new Acc()));
    }

    private String localDay(String column) {
        return db.localDay(column, zone);
    }

    static String bucket(LocalDate day, Period period) {
        return switch (period) {
            case DAY -> day.toString();
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString();
            case MONTH -> day.toString().substring(0, 7);
        };
    }

    private void times(OutletScope scope, String gid, String gname, String units, String scopeFilter,
                       OffsetDateTime start, OffsetDateTime end, Map<Long, Acc> groups, Map<Long, String> names) {
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
                    names.putIfAbsent(group, rs.getString(2));
                }
                groups.computeIfAbsent(group, k -> new Acc()).times.put(SlaKind.valueOf(rs.getString(3)),
                        new double[] {rs.getDouble(4), rs.getDouble(5)});
            });
        }
    }

    /**
     * Complaints with a known customer resolved in the range whose 90 days have passed: did the
     * customer buy again within 90 days of the resolution? Split by whether the resolution was on time.
     */
    private void returns(OutletScope scope, String gid, String gname, String units, String scopeFilter,
                         OffsetDateTime start, OffsetDateTime end, OffsetDateTime now, Map<Long, Acc> groups,
                         Map<Long, String> names) {
        String sql = "SELECT " + gid + ", " + gname + ", CASE WHEN k.stopped_at < k.due_at THEN 1 ELSE 0 END, COUNT(*), "
                + "SUM(CASE WHEN EXISTS (SELECT 1 FROM visit v WHERE v.customer_id = c.customer_id "
                + "AND v.visited_at > " + local("c.resolved_at") + " AND v.visited_at <= " + local("c.resolved_at")
                + " + INTERVAL '90' DAY) THEN 1 ELSE 0 END) "
                + "FROM support_case c JOIN case_clock k ON k.case_id = c.id AND k.clock_kind = 'RESOLUTION'"
                + units.formatted("c.outlet_id") + "WHERE c.case_type = 'COMPLAINT' AND c.customer_id IS NOT NULL "
                + "AND c.resolved_at >= :start AND c.resolved_at < :end AND c.resolved_at <= :cutoff AND k.due_at IS NOT NULL AND "
                + scopeFilter + " GROUP BY " + gid + ", " + gname + ", CASE WHEN k.stopped_at < k.due_at THEN 1 ELSE 0 END";
        scope.bind(jdbc.sql(sql)).param("start", start).param("end", end).param("cutoff", now.minusDays(90)).query(rs -> {
            Long group = (Long) rs.getObject(1);
            names.putIfAbsent(group, rs.getString(2));
            boolean fast = rs.getInt(3) == 1;
            for (Acc a : List.of(groups.computeIfAbsent(group, k -> new Acc()), groups.computeIfAbsent(null, k -> new Acc()))) {
                long[] r = fast ? a.fast : a.slow;
                r[0] += rs.getLong(4);
                r[1] += rs.getLong(5);
            }
        });
    }

    private String local(String column) {
        return db.localTime(column, zone);
    }

    private static Group group(Long id, String name, Acc a) {
        List<ClockFigures> clocks = new ArrayList<>();
        for (SlaKind k : SlaKind.values()) {
            long[] c = a.clocks.getOrDefault(k, new long[2]);
            double[] t = a.times.get(k);
            clocks.add(new ClockFigures(k, c[0], c[1], ratio(c[1], c[0]), t == null ? null : round(t[0]),
                    t == null ? null : round(t[1])));
        }
        return new Group(id, name, a.complaints, a.visits, perThousand(a.complaints, a.visits), clocks,
                new ReturnFigures(a.fast[0], a.fast[1], ratio(a.fast[1], a.fast[0])),
                new ReturnFigures(a.slow[0], a.slow[1], ratio(a.slow[1], a.slow[0])), a.sqi);
    }

    static Double perThousand(long n, long visits) {
        return visits == 0 ? null : round(n * 1000.0 / visits);
    }

    static Double ratio(long part, long whole) {
        return whole == 0 ? null : round((double) part / whole);
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
