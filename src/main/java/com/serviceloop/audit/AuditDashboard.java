package com.serviceloop.audit;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.platform.OutletScope;
import com.serviceloop.platform.Rows;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The audit dashboard: scores over time, weakest standards, overdue audits and open actions, in the caller's scope. */
@Service
public class AuditDashboard {
    private static final String UNDER = " AND a.outlet_id IN (SELECT o.id FROM org_unit o WHERE o.path LIKE "
            + "(SELECT u.path FROM org_unit u WHERE u.id = :unit) || '%')";
    private final JdbcClient jdbc;
    private final OrgService org;
    private final Schedules schedules;
    private final AuditDrillDown drill;
    private final Clock clock;
    private final ZoneId zone;

    AuditDashboard(JdbcClient jdbc, OrgService org, Schedules schedules, AuditDrillDown drill, Clock clock,
                   @Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone) {
        this.drill = drill;
        this.jdbc = jdbc;
        this.org = org;
        this.schedules = schedules;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    private record Row(long id, OffsetDateTime submittedAt, BigDecimal score, String result) {
    }

    /** {@code unitId} null: everything the caller sees; {@code months} back from this month. */
    public Dashboard of(AppUser user, Long unitId, int months) {
        OutletScope scope = org.scopeOf(user);
        OffsetDateTime from = YearMonth.now(clock.withZone(zone)).minusMonths(months - 1L).atDay(1).atStartOfDay(zone)
                .toOffsetDateTime();
        String where = " WHERE a.status <> 'IN_PROGRESS' AND a.submitted_at >= :from AND " + scope.sqlFilter("a.outlet_id")
                + (unitId == null ? "" : UNDER);
        var rows = scope.bind(jdbc.sql("SELECT a.id, a.submitted_at, a.score, a.result FROM audit a" + where
                + " ORDER BY a.submitted_at, a.id"));
        rows = rows.param("from", from);
        rows = unitId == null ? rows : rows.param("unit", unitId);
        Map<String, List<Row>> byMonth = new TreeMap<>();
        for (Row r : rows.query(Rows.of(Row.class)).list()) {
            byMonth.computeIfAbsent(YearMonth.from(r.submittedAt().atZoneSameInstant(zone)).toString(),
                    k -> new ArrayList<>()).add(r);
        }
        List<Dashboard.Point> points = new ArrayList<>();
        byMonth.forEach((month, list) -> {
            List<Row> scored = list.stream().filter(r -> r.score() != null).toList();
            double mean = scored.stream().mapToDouble(r -> r.score().doubleValue()).average().orElse(0);
            points.add(new Dashboard.Point(month, Math.round(mean * 10000) / 10000.0, list.size(),
                    (int) list.stream().filter(r -> "FAILED".equals(r.result())).count(),
                    list.stream().map(Row::id).toList()));
        });
        var weak = scope.bind(jdbc.sql("""
                SELECT i.standard_id, MIN(i.text) AS text, MIN(s.area_code) AS area_code, AVG(n.score) AS mean_score,
                       COUNT(*) AS answers
                FROM audit a JOIN audit_answer n ON n.audit_id = a.id JOIN audit_item i ON i.id = n.item_id
                JOIN audit_section s ON s.id = i.section_id""" + where + """
                 AND n.score IS NOT NULL
                GROUP BY i.standard_id, CASE WHEN i.standard_id IS NULL THEN i.text END
                ORDER BY AVG(n.score), MIN(i.text) LIMIT 5""")).param("from", from);
        weak = unitId == null ? weak : weak.param("unit", unitId);
        List<Dashboard.Weak> weakest = weak.query((rs, i) -> new Dashboard.Weak((Long) rs.getObject(1, Long.class),
                rs.getString(2), rs.getString(3), Math.round(rs.getDouble(4) * 10000) / 10000.0, rs.getInt(5))).list();
        var open = scope.bind(jdbc.sql("SELECT COUNT(*) FROM audit_action a WHERE a.status = 'OPEN' AND "
                + scope.sqlFilter("a.outlet_id") + (unitId == null ? "" : UNDER)));
        open = unitId == null ? open : open.param("unit", unitId);
        int overdue = (int) schedules.due(user).stream().filter(s -> s.state().equals("OVERDUE"))
                .filter(s -> unitId == null || underUnit(s.outletId(), unitId)).count();
        return new Dashboard(points, weakest, overdue, open.query(Long.class).single().intValue(),
                drill.outletRows(user, unitId, months));
    }

    private boolean underUnit(long outletId, long unitId) {
        return jdbc.sql("SELECT COUNT(*) FROM org_unit o WHERE o.id = :o AND o.path LIKE "
                        + "(SELECT u.path FROM org_unit u WHERE u.id = :u) || '%'").param("o", outletId).param("u", unitId)
                .query(Long.class).single() > 0;
    }
}
