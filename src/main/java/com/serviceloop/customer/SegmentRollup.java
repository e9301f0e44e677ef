package com.serviceloop.customer;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rebuilds the segment rollup (outlet x tier x loyalty) and the top-20 % value share per unit from
 * customer_stats, for every outlet or for some. The value share is not additive over outlets: each
 * region and the chain is ranked over all its customers, which takes a pass over every customer, so
 * that happens at the full refresh; an import re-ranks only the outlets it touched. Each share row
 * keeps its own total and time, so a region's share stays a consistent snapshot until the night.
 */
@Repository
class SegmentRollup {
    /** Share of customers counted as "the few who bring most of the value": the top fifth. */
    static final int TOP_PERCENT = 20;
    private final JdbcClient jdbc;

    SegmentRollup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void rebuildAll(LocalDateTime now) {
        jdbc.sql("DELETE FROM customer_segment").update();
        jdbc.sql(segments("1=1")).update();
        jdbc.sql("DELETE FROM customer_value_share").update();
        insertShares(unitsOfOutlets("1=1", List.of()), "1=1", now);
    }

    /** Only the given outlets' cells, and the value share of those outlets and every unit above them. */
    void rebuild(Collection<Long> outletIds, LocalDateTime now) {
        if (outletIds.isEmpty()) {
            return;
        }
        jdbc.sql("DELETE FROM customer_segment WHERE outlet_id IN (:o)").param("o", outletIds).update();
        jdbc.sql(segments("outlet_id IN (:o)")).param("o", outletIds).update();
        jdbc.sql("DELETE FROM customer_value_share WHERE unit_id IN (:o)").param("o", outletIds).update();
        String ids = outletIds.stream().map(String::valueOf).collect(Collectors.joining(", "));
        insertShares(unitsOfOutlets("a.id = o.id AND o.id IN (:o)", outletIds), "outlet_id IN (" + ids + ")", now);
    }

    /**
     * Pairs of (outlet, unit at or above it), read first and handed to the ranking as a list of
     * values: joined inside it by path prefix, a planner that has not yet analysed org_unit guessed
     * one outlet and compared every path with every customer's outlet (hours on 5 million).
     */
    private List<long[]> unitsOfOutlets(String filter, Collection<Long> outletIds) {
        var sql = jdbc.sql("SELECT o.id, a.id FROM org_unit o JOIN org_unit a ON o.path LIKE CONCAT(a.path, '%') "
                + "WHERE o.kind = 'OUTLET' AND " + filter);
        if (!outletIds.isEmpty()) {
            sql = sql.param("o", outletIds);
        }
        return sql.query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
    }

    private void insertShares(List<long[]> pairs, String statsFilter, LocalDateTime now) {
        if (pairs.isEmpty()) {
            return;
        }
        // numbers from the database, not user input: safe to write into the statement
        String values = pairs.stream().map(p -> "(" + p[0] + ", " + p[1] + ")").collect(Collectors.joining(", "));
        jdbc.sql(shares(values, statsFilter)).param("now", now).update();
    }

    private static String segments(String filter) {
        return """
                INSERT INTO customer_segment (outlet_id, tier, loyalty, customers, value_sum, returned_90, complaints,
                    satisfaction_sum, satisfaction_count)
                SELECT outlet_id, tier, loyalty, COUNT(*), SUM(customer_value),
                       SUM(CASE WHEN returned_90 THEN 1 ELSE 0 END), SUM(complaints_365), SUM(satisfaction_sum),
                       SUM(satisfaction_count)
                FROM customer_stats WHERE %s GROUP BY outlet_id, tier, loyalty""".formatted(filter);
    }

    /**
     * The top ceil(n / 5) customers of each unit by value, summed without ranking every customer:
     * customers are first counted per outlet and value (most share a value, e.g. nothing this year),
     * those counts are rolled up to every unit above the outlet, and a running count over the values,
     * highest first, finds where the top fifth ends. Customers tied at that value count in part, which
     * gives the same sum as any order among them. Ranking all customers under the chain, its regions
     * and outlets at once sorted three times the customer count and took minutes on 5 million.
     */
    private static String shares(String unitPairs, String statsFilter) {
        return """
                INSERT INTO customer_value_share (unit_id, customers, value_total, top_customers, top_value, refreshed_at)
                SELECT unit_id, n, total, top,
                       SUM(CASE WHEN above >= top THEN 0 WHEN above + c <= top THEN c * v ELSE (top - above) * v END), :now
                FROM (SELECT unit_id, v, c, n, total, COALESCE(above_raw, 0) AS above, (n * %d + 99) / 100 AS top
                      FROM (SELECT h.unit_id, h.v, h.c,
                                   SUM(h.c) OVER (PARTITION BY h.unit_id ORDER BY h.v DESC
                                                  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS above_raw,
                                   CAST(SUM(h.c) OVER (PARTITION BY h.unit_id) AS BIGINT) AS n,
                                   SUM(h.c * h.v) OVER (PARTITION BY h.unit_id) AS total
                            FROM (SELECT u.unit_id, o.v, CAST(SUM(o.c) AS BIGINT) AS c
                                  FROM (SELECT outlet_id, customer_value AS v, COUNT(*) AS c
                                        FROM customer_stats WHERE %s GROUP BY outlet_id, customer_value) o
                                  JOIN (VALUES %s) u (outlet_id, unit_id) ON u.outlet_id = o.outlet_id
                                  GROUP BY u.unit_id, o.v) h) w) r
                GROUP BY unit_id, n, total, top""".formatted(TOP_PERCENT, statsFilter, unitPairs);
    }
}
