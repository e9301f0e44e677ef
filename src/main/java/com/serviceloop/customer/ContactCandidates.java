package com.serviceloop.customer;

import com.serviceloop.platform.Database;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
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
 * <p>This is the one place that reads customer and visit for contact plans. It does not read the
 * per-customer summary ({@code customer_stats}): a rule is judged as of the job's day, which tests and
 * "generate now" set, and the refill rhythm needs the spread of the gaps, which the summary does not keep.
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

    private record Figures(long visits365, long visitsPrev365, LocalDateTime lastVisit, Double meanGap, Double gapSd,
                           long gaps) {
    }

    /**
     * Streams the outlet's contactable customers with their figures as of the start of {@code day}.
     * Two plain reads instead of one join with a derived table: H2 re-runs a derived table with a
     * window function for every outer row, which made an outlet's read quadratic.
     */
    void forOutlet(long outletId, LocalDate day, Consumer<Candidate> action) {
        LocalDateTime end = day.plusDays(1).atStartOfDay();
        LocalDateTime yearAgo = end.minusDays(365);
        String gap = db.isPostgres() ? "EXTRACT(EPOCH FROM (x.visited_at - x.prev)) / 86400.0"
                : "DATEDIFF('SECOND', x.prev, x.visited_at) / 86400.0";
        // a gap counts when both of its visits fall in the last 365 days
        String inYear = "CASE WHEN x.prev >= :yearAgo THEN " + gap + " END";
        String sql = """
                SELECT x.customer_id,
                       SUM(CASE WHEN x.visited_at >= :yearAgo THEN 1 ELSE 0 END) AS visits_365,
                       SUM(CASE WHEN x.visited_at < :yearAgo THEN 1 ELSE 0 END) AS visits_prev,
                       MAX(x.visited_at) AS last_visit, AVG(%1$s) AS mean_gap, STDDEV_POP(%1$s) AS gap_sd,
                       COUNT(%1$s) AS gaps
                FROM (SELECT v.customer_id, v.visited_at,
                             LAG(v.visited_at) OVER (PARTITION BY v.customer_id ORDER BY v.visited_at) AS prev
                      FROM visit v JOIN customer c ON c.id = v.customer_id
                      WHERE c.home_outlet_id = :o AND c.consent_contact = TRUE
                        AND v.visited_at >= :twoYearsAgo AND v.visited_at < :end) x
                GROUP BY x.customer_id""".formatted(inYear);
        var params = new MapSqlParameterSource().addValue("o", outletId).addValue("end", Timestamp.valueOf(end))
                .addValue("yearAgo", Timestamp.valueOf(yearAgo))
                .addValue("twoYearsAgo", Timestamp.valueOf(yearAgo.minusDays(365)));
        Map<Long, Figures> figures = new HashMap<>();
        streaming.query(sql, params, (RowCallbackHandler) rs -> {
            Timestamp last = rs.getTimestamp(4);
            Number mean = (Number) rs.getObject(5);
            Number sd = (Number) rs.getObject(6);
            figures.put(rs.getLong(1), new Figures(rs.getLong(2), rs.getLong(3),
                    last == null ? null : last.toLocalDateTime(), mean == null ? null : mean.doubleValue(),
                    sd == null ? null : sd.doubleValue(), rs.getLong(7)));
        });
        Figures none = new Figures(0, 0, null, null, null, 0);
        streaming.query("SELECT id, would_recommend FROM customer WHERE home_outlet_id = :o AND consent_contact = TRUE",
                params, (RowCallbackHandler) rs -> {
                    Figures f = figures.getOrDefault(rs.getLong(1), none);
                    action.accept(new Candidate(rs.getLong(1), (Integer) rs.getObject(2, Integer.class), f.visits365(),
                            f.visitsPrev365(), f.lastVisit(), f.meanGap(), f.gapSd(), f.gaps()));
                });
    }
}
