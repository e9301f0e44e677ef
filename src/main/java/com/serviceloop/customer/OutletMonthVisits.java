package com.serviceloop.customer;

import com.serviceloop.platform.OutletScope;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The visits of one month for every outlet in a scope, in one grouped statement. */
@Service
public class OutletMonthVisits {
    private final JdbcClient jdbc;

    OutletMonthVisits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Visits per outlet, by the outlet's local time of the visit; outlets without visits are left out. */
    public Map<Long, Long> forMonth(OutletScope scope, YearMonth month) {
        Map<Long, Long> out = new HashMap<>();
        scope.bind(jdbc.sql("SELECT v.outlet_id, COUNT(*) FROM visit v WHERE v.visited_at >= :start AND v.visited_at < :end "
                        + "AND " + scope.sqlFilter("v.outlet_id") + " GROUP BY v.outlet_id"))
                .param("start", month.atDay(1).atStartOfDay()).param("end", month.plusMonths(1).atDay(1).atStartOfDay())
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getLong(2));
                });
        return out;
    }
}
