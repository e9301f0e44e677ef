package com.serviceloop.audit;

import com.serviceloop.platform.OutletScope;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The submitted audits of a span of months for every outlet in a scope, in one grouped statement. */
@Service
public class OutletMonthAudits {
    private final JdbcClient jdbc;
    private final ZoneId zone;

    OutletMonthAudits(JdbcClient jdbc, @Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.zone = ZoneId.of(zone);
    }

    /** An outlet's scored audits and their mean score, 0 to 1 (as an audit's score). */
    public record Figures(long audits, double meanScore) {
    }

    /** Audits submitted from the first day of {@code from} to the last of {@code to}. */
    public Map<Long, Figures> forMonths(OutletScope scope, YearMonth from, YearMonth to) {
        Map<Long, Figures> out = new HashMap<>();
        scope.bind(jdbc.sql("SELECT a.outlet_id, COUNT(*), AVG(a.score) FROM audit a WHERE a.status <> 'IN_PROGRESS' "
                        + "AND a.score IS NOT NULL AND a.submitted_at >= :start AND a.submitted_at < :end AND "
                        + scope.sqlFilter("a.outlet_id") + " GROUP BY a.outlet_id"))
                .param("start", from.atDay(1).atStartOfDay(zone).toOffsetDateTime())
                .param("end", to.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime())
                .query(rs -> {
                    out.put(rs.getLong(1), new Figures(rs.getLong(2), rs.getDouble(3)));
                });
        return out;
    }
}
