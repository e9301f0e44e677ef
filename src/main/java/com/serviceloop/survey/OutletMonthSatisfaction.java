package com.serviceloop.survey;

import com.serviceloop.platform.OutletScope;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The customers' satisfaction index (0-100) of one month for every outlet in a scope, over all the
 * surveys customers answer (the management, staff and climate surveys left out): the daily
 * aggregates up to the roll-up mark and the newer responses live, one grouped statement each.
 */
@Service
public class OutletMonthSatisfaction {
    private static final Set<SurveyKind> NOT_CUSTOMERS = EnumSet.of(SurveyKind.GAP_MANAGEMENT, SurveyKind.GAP_STAFF,
            SurveyKind.CLIMATE, SurveyKind.INTERNAL);
    private final JdbcClient jdbc;
    private final SurveyRollup rollup;
    private final ZoneId zone;

    OutletMonthSatisfaction(JdbcClient jdbc, SurveyRollup rollup,
                            @Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.rollup = rollup;
        this.zone = ZoneId.of(zone);
    }

    /** Responses with a satisfaction index, and the mean of those indexes. */
    public record Figures(long rated, double index) {
    }

    public Map<Long, Figures> forMonth(OutletScope scope, YearMonth month) {
        List<String> excluded = NOT_CUSTOMERS.stream().map(Enum::name).toList();
        Map<Long, double[]> sums = new HashMap<>();
        scope.bind(jdbc.sql("SELECT d.outlet_id, SUM(d.sat_n), SUM(d.sat_sum) FROM survey_daily d "
                        + "JOIN survey s ON s.id = d.survey_id WHERE s.kind NOT IN (:excluded) AND d.stat_day >= :from "
                        + "AND d.stat_day <= :to AND " + scope.sqlFilter("d.outlet_id") + " GROUP BY d.outlet_id"))
                .param("excluded", excluded).param("from", month.atDay(1)).param("to", month.atEndOfMonth())
                .query(rs -> {
                    add(sums, rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3));
                });
        scope.bind(jdbc.sql("SELECT r.outlet_id, COUNT(r.satisfaction), SUM(r.satisfaction) FROM survey_response r "
                        + "JOIN survey s ON s.id = r.survey_id WHERE s.kind NOT IN (:excluded) AND r.id > :mark "
                        + "AND r.outlet_id IS NOT NULL AND r.submitted_at >= :start AND r.submitted_at < :end AND "
                        + scope.sqlFilter("r.outlet_id") + " GROUP BY r.outlet_id"))
                .param("excluded", excluded).param("mark", rollup.mark())
                .param("start", month.atDay(1).atStartOfDay(zone).toOffsetDateTime())
                .param("end", month.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime())
                .query(rs -> {
                    add(sums, rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3));
                });
        Map<Long, Figures> out = new HashMap<>();
        sums.forEach((id, s) -> {
            if (s[0] > 0) {
                out.put(id, new Figures((long) s[0], Math.round(s[1] / s[0] * 100) / 100.0));
            }
        });
        return out;
    }

    private static void add(Map<Long, double[]> sums, long outletId, long rated, BigDecimal total) {
        double[] s = sums.computeIfAbsent(outletId, k -> new double[2]);
        s[0] += rated;
        s[1] += total == null ? 0 : total.doubleValue();
    }
}
