package com.serviceloop.audit;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.platform.OutletScope;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
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

    /** {@code unitId} null: everything the caller sees; {@code months} back from this month. */
    public Dashboard of(AppUser user, Long unitId, int months) {
        OutletScope scope = org.scopeOf(user);
        LocalDate from = YearMonth.now(clock.withZone(zone)).minusMonths(months - 1L).atDay(1);
        String where = " WHERE m.stat_month >= :from AND " + scope.sqlFilter("m.outlet_id")
                + (unitId == null ? "" : UNDER.replace("a.outlet_id", "m.outlet_id"));
        var monthly = scope.bind(jdbc.sql("""
                SELECT m.stat_month, SUM(m.audits), SUM(m.scored), SUM(m.score_sum), SUM(m.failed) FROM audit_month m"""
                + where + " GROUP BY m.stat_month ORDER BY m.stat_month")).param("from", from);
        monthly = unitId == null ? monthly : monthly.param("unit", unitId);
        List<Dashboard.Point> points = monthly.query((rs, i) -> {
            long scored = rs.getLong(3);
            double mean = scored == 0 ? 0 : rs.getBigDecimal(4).doubleValue() / scored;
            return new Dashboard.Point(YearMonth.from(rs.getObject(1, LocalDate.class)).toString(),
                    Math.round(mean * 10000) / 10000.0, rs.getInt(2), rs.getInt(5));
        }).list();
        var weak = scope.bind(jdbc.sql("""
                SELECT MIN(m.standard_id), MIN(m.text), MIN(m.area_code), SUM(m.score_sum) / SUM(m.answers) AS mean_score,
                       SUM(m.answers) FROM audit_item_month m""" + where
                + " GROUP BY m.item_key ORDER BY SUM(m.score_sum) / SUM(m.answers), MIN(m.text) LIMIT 5")).param("from", from);
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
