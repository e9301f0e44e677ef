package com.serviceloop.customer;

import com.serviceloop.platform.Database;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The figures the contact rules are judged on, per customer of one outlet, as of a day: visits in
 * the 365 days before it and in the 365 days before those, the last visit, the mean gap between
 * visits in the last 365 days and its spread (the refill rhythm), the recommendation score. Only
 * customers who agreed to be contacted are read at all.
 *
 * <p>This is the one place that reads customer and visit for contact plans: when the per-customer
 * summary table ({@code customer_stats}) exists, the SQL below becomes a read of it.
 */
@Component
class ContactCandidates {
    /** One customer's figures; the gaps are null below two gaps (three visits). */
    record Candidate(long customerId, Integer wouldRecommend, long visits365, long visitsPrev365,
                     LocalDateTime lastVisit, Double meanGapDays, Double gapSpreadDays, long gaps) {
    }

    private final NamedParameterJdbcTemplate streaming;
    private final Database db;

    ContactCandidates(DataSource dataSource, Database db) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        // a cursor on PostgreSQL (inside the job's transaction) instead of an outlet's customers at once
        template.setFetchSize(2000);
        this.streaming = new NamedParameterJdbcTemplate(template);
        this.db = db;
    }

    /** Streams the outlet's contactable customers with their figures as of the start of {@code day}. */
    void forOutlet(long outletId, LocalDate day, Consumer<Candidate> action) {
        LocalDateTime end = day.plusDays(1).atStartOfDay();
        LocalDateTime yearAgo = end.minusDays(365);
        String gap = db.isPostgres() ? "EXTRACT(EPOCH FROM (x.visited_at - x.prev)) / 86400.0"
                : "DATEDIFF('SECOND', x.prev, x.visited_at) / 86400.0";
        String sql = """
                SELECT c.id, c.would_recommend, COALESCE(a.visits_365, 0) AS visits_365,
                       COALESCE(a.visits_prev, 0) AS visits_prev, a.last_visit, g.mean_gap, g.gap_sd,
                       COALESCE(g.gaps, 0) AS gaps
                FROM customer c
                LEFT JOIN (SELECT v.customer_id,
                                  SUM(CASE WHEN v.visited_at >= :yearAgo THEN 1 ELSE 0 END) AS visits_365,
                                  SUM(CASE WHEN v.visited_at < :yearAgo THEN 1 ELSE 0 END) AS visits_prev,
                                  MAX(v.visited_at) AS last_visit
                           FROM visit v JOIN customer cv ON cv.id = v.customer_id
                           WHERE cv.home_outlet_id = :o AND cv.consent_contact = TRUE
                             AND v.visited_at >= :twoYearsAgo AND v.visited_at < :end
                           GROUP BY v.customer_id) a ON a.customer_id = c.id
                LEFT JOIN (SELECT y.customer_id, AVG(y.gap) AS mean_gap, STDDEV_POP(y.gap) AS gap_sd, COUNT(*) AS gaps
                           FROM (SELECT x.customer_id, %s AS gap
                                 FROM (SELECT v.customer_id, v.visited_at,
                                              LAG(v.visited_at) OVER (PARTITION BY v.customer_id ORDER BY v.visited_at) AS prev
                                       FROM visit v JOIN customer cg ON cg.id = v.customer_id
                                       WHERE cg.home_outlet_id = :o AND cg.consent_contact = TRUE
                                         AND v.visited_at >= :yearAgo AND v.visited_at < :end) x
                                 WHERE x.prev IS NOT NULL) y
                           GROUP BY y.customer_id) g ON g.customer_id = c.id
                WHERE c.home_outlet_id = :o AND c.consent_contact = TRUE""".formatted(gap);
        var params = new MapSqlParameterSource().addValue("o", outletId).addValue("end", Timestamp.valueOf(end))
                .addValue("yearAgo", Timestamp.valueOf(yearAgo))
                .addValue("twoYearsAgo", Timestamp.valueOf(yearAgo.minusDays(365)));
        streaming.query(sql, params, (RowCallbackHandler) rs -> {
            Timestamp last = rs.getTimestamp(5);
            Number mean = (Number) rs.getObject(6);
            Number sd = (Number) rs.getObject(7);
            action.accept(new Candidate(rs.getLong(1), (Integer) rs.getObject(2, Integer.class), rs.getLong(3),
                    rs.getLong(4), last == null ? null : last.toLocalDateTime(),
                    mean == null ? null : mean.doubleValue(), sd == null ? null : sd.doubleValue(), rs.getLong(8)));
        });
    }
}
