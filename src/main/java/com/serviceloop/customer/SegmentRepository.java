package com.serviceloop.customer;

import com.serviceloop.platform.OutletScope;
import com.serviceloop.platform.Rows;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the segment rollup: at most 16 rows per outlet, so a chain of 500 outlets is 8,000 rows. */
@Repository
class SegmentRepository {
    private static final String SUMS = """
            SUM(cs.customers) AS customers, COALESCE(SUM(cs.value_sum), 0) AS value_sum, SUM(cs.returned_90) AS returned,
            SUM(cs.complaints) AS complaints, SUM(cs.satisfaction_sum) AS satisfaction_sum,
            SUM(cs.satisfaction_count) AS satisfaction_count""";
    private final JdbcClient jdbc;

    SegmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record CellRow(FrequencyTier tier, LoyaltyClass loyalty, long customers, BigDecimal valueSum, long returned,
                   long complaints, BigDecimal satisfactionSum, long satisfactionCount) {
        SegmentFigures figures() {
            return new SegmentFigures(customers, valueSum, returned, complaints, satisfactionSum, satisfactionCount);
        }
    }

    record UnitRow(long unitId, String unitName, String unitKind, long customers, BigDecimal valueSum, long returned,
                   long complaints, BigDecimal satisfactionSum, long satisfactionCount, Long topCustomers,
                   BigDecimal topValue, BigDecimal shareTotal) {
        SegmentFigures figures() {
            return new SegmentFigures(customers, valueSum, returned, complaints, satisfactionSum, satisfactionCount);
        }
    }

    record Share(long topCustomers, BigDecimal topValue, BigDecimal valueTotal, LocalDateTime refreshedAt) {
    }

    List<CellRow> cells(OutletScope scope, String unitPath) {
        return scope.bind(jdbc.sql("""
                SELECT cs.tier, cs.loyalty, %s
                FROM customer_segment cs JOIN org_unit o ON o.id = cs.outlet_id
                WHERE o.path LIKE :path AND %s
                GROUP BY cs.tier, cs.loyalty""".formatted(SUMS, scope.sqlFilter("cs.outlet_id"))))
                .param("path", unitPath + "%").query(Rows.of(CellRow.class)).list();
    }

    /** The units directly under this one (regions or outlets), each with its totals and top-20 % value. */
    List<UnitRow> children(OutletScope scope, long unitId) {
        return scope.bind(jdbc.sql("""
                SELECT ch.id AS unit_id, ch.name AS unit_name, ch.kind AS unit_kind, %s,
                       MAX(vs.top_customers) AS top_customers, MAX(vs.top_value) AS top_value,
                       MAX(vs.value_total) AS share_total
                FROM org_unit ch
                JOIN org_unit o ON o.path LIKE CONCAT(ch.path, '%%')
                JOIN customer_segment cs ON cs.outlet_id = o.id
                LEFT JOIN customer_value_share vs ON vs.unit_id = ch.id
                WHERE ch.parent_id = :unit AND ch.kind <> 'TEAM' AND %s
                GROUP BY ch.id, ch.name, ch.kind ORDER BY ch.name""".formatted(SUMS, scope.sqlFilter("cs.outlet_id"))))
                .param("unit", unitId).query(Rows.of(UnitRow.class)).list();
    }

    Optional<Share> share(long unitId) {
        return jdbc.sql("SELECT top_customers, top_value, value_total, refreshed_at FROM customer_value_share WHERE unit_id = :u")
                .param("u", unitId).query(Rows.of(Share.class)).optional();
    }
}
