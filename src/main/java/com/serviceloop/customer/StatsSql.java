package com.serviceloop.customer;

import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The refresh of customer_stats as one INSERT ... SELECT over a set of customers: the visit
 * aggregates, then tier, loyalty class, roster group and value as CASE expressions that mirror
 * {@link FrequencyTier}, {@link LoyaltyClass}, {@link RosterGroup} and {@link CustomerValue}
 * (CustomerStatsIntegrationTest holds them together). The same text runs on PostgreSQL and H2.
 * The rhythm (the sixth-last visit) and the 90-day return are correlated subqueries on the
 * (customer_id, visited_at) index rather than window functions: H2 re-evaluates a derived table
 * with window functions for every joined row.
 */
final class StatsSql {
    /** How many of a customer's last visits the refill rhythm (mean gap) is taken over. */
    static final int RHYTHM_VISITS = 6;
    static final int RETURN_DAYS = 90;

    private StatsSql() {
    }

    /**
     * @param customerFilter a condition on a customer id column, written with {@code %1$s} for the
     *                       column, e.g. {@code %1$s BETWEEN :lo AND :hi}
     */
    static String insert(String customerFilter) {
        String onVisit = customerFilter.formatted("customer_id");
        String onCustomer = customerFilter.formatted("c.id");
        String onSignal = customerFilter.formatted("customer_id");
        return """
                INSERT INTO customer_stats (customer_id, outlet_id, visits_total, visits_365, visits_prev_365,
                    first_visit_at, last_visit_at, amount_total, items_total, mean_gap_days, returned_90,
                    would_recommend, tier, loyalty, roster_group, customer_value, complaints_365, satisfaction_sum,
                    satisfaction_count, refreshed_at)
                SELECT x.id, x.outlet_id, x.n, x.n365, x.nprev, x.first_at, x.last_at, x.amount, x.items,
                       CASE WHEN x.recent_n >= 2 THEN ROUND((EXTRACT(EPOCH FROM x.last_at) - EXTRACT(EPOCH FROM x.recent_first))
                            / 86400.0 / (x.recent_n - 1), 2) END,
                       x.returned = 1, x.wr,
                       CASE WHEN x.n365 >= :heavy THEN 'HEAVY' WHEN x.n365 >= :medium THEN 'MEDIUM'
                            WHEN x.n365 >= :light THEN 'LIGHT' ELSE 'LAPSED' END,
                       CASE WHEN x.wr >= :promoter AND x.n365 >= :medium THEN 'TRUE_LOYAL'
                            WHEN x.wr >= :promoter THEN 'LATENT'
                            WHEN x.n365 >= :medium THEN 'SPURIOUS' ELSE 'NONE' END,
                       CASE WHEN x.wr >= :promoter AND x.n365 >= :medium THEN 'TRULY_LOYAL'
                            WHEN x.n365 >= :medium THEN 'SPURIOUS'
                            WHEN x.nprev >= :heavy THEN 'LAPSED_HEAVY'
                            WHEN x.nprev >= :medium THEN 'LAPSED_MEDIUM'
                            WHEN x.wr >= :promoter THEN 'LATENT' END,
                       CASE WHEN x.n = 0 OR x.items = 0 THEN 0
                            ELSE ROUND(ROUND(CAST(x.amount AS NUMERIC(24, 8)) / x.items, 4)
                                 * ROUND(CAST(x.items AS NUMERIC(24, 8)) / x.n, 4)
                                 * x.n365 * :years * :wom, 2) END,
                       x.complaints, x.sat_sum, x.sat_n, :now
                FROM (SELECT c.id, c.home_outlet_id AS outlet_id, c.would_recommend AS wr,
                             COALESCE(a.n, 0) AS n, COALESCE(a.n365, 0) AS n365, COALESCE(a.nprev, 0) AS nprev,
                             a.first_at, a.last_at, COALESCE(a.amount, 0) AS amount, COALESCE(a.items, 0) AS items,
                             LEAST(COALESCE(a.n, 0), %2$d) AS recent_n,
                             CASE WHEN a.n >= 2 THEN COALESCE((SELECT r.visited_at FROM visit r WHERE r.customer_id = c.id
                                  ORDER BY r.visited_at DESC, r.id DESC LIMIT 1 OFFSET %6$d), a.first_at) END AS recent_first,
                             CASE WHEN a.n365 >= 1 AND a.n >= 2 AND EXISTS (SELECT 1 FROM visit v1
                                  WHERE v1.customer_id = c.id AND v1.visited_at >= :since AND EXISTS (SELECT 1 FROM visit v0
                                      WHERE v0.customer_id = c.id AND v0.id <> v1.id AND v0.visited_at <= v1.visited_at
                                        AND v0.visited_at >= v1.visited_at - INTERVAL '%3$d' DAY)) THEN 1 ELSE 0 END AS returned,
                             COALESCE(g.complaints, 0) AS complaints, g.sat_sum, COALESCE(g.sat_n, 0) AS sat_n
                      FROM customer c
                      LEFT JOIN (SELECT customer_id, COUNT(*) AS n,
                                        SUM(CASE WHEN visited_at >= :since THEN 1 ELSE 0 END) AS n365,
                                        SUM(CASE WHEN visited_at >= :before AND visited_at < :since THEN 1 ELSE 0 END) AS nprev,
                                        MIN(visited_at) AS first_at, MAX(visited_at) AS last_at,
                                        SUM(amount) AS amount, SUM(items) AS items
                                 FROM visit WHERE %4$s
                                 GROUP BY customer_id) a ON a.customer_id = c.id
                      LEFT JOIN (SELECT customer_id, SUM(complaints) AS complaints, SUM(satisfaction_sum) AS sat_sum,
                                        SUM(satisfaction_count) AS sat_n
                                 FROM customer_signal WHERE %5$s GROUP BY customer_id) g ON g.customer_id = c.id
                      WHERE %1$s) x""".formatted(onCustomer, RHYTHM_VISITS, RETURN_DAYS, onVisit, onSignal, RHYTHM_VISITS - 1);
    }

    static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, InsightSettings s, LocalDateTime now) {
        return spec.param("heavy", s.heavyMinVisits()).param("medium", s.mediumMinVisits())
                .param("light", s.lightMinVisits()).param("promoter", s.promoterMinScore())
                .param("years", s.expectedYears()).param("wom", s.wordOfMouthMultiplier())
                .param("since", since(now)).param("before", now.minusYears(2)).param("now", now);
    }

    /** The start of "the last twelve months": the same cut-off as the customer page's insight. */
    static LocalDateTime since(LocalDateTime now) {
        return now.minusYears(1);
    }
}
