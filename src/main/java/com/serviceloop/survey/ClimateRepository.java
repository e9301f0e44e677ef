package com.serviceloop.survey;

import com.serviceloop.platform.Database;
import com.serviceloop.platform.OutletScope;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The climate survey's answers per outlet and quarter, straight from the responses: a staff survey
 * brings one answer per colleague and round, a few thousand rows a quarter even for a large chain,
 * so the daily aggregates that customer surveys need are not worth their lag here. Only complete
 * responses count (the form asks every statement; a half-filled answer sent through the API is kept
 * but left out), and only those of an outlet.
 */
@Repository
class ClimateRepository {
    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final String year;
    private final String quarter;

    ClimateRepository(JdbcClient jdbc, Database db,
                      @Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.zone = ZoneId.of(zone);
        String day = db.localDay("r.submitted_at", this.zone);
        this.year = "EXTRACT(YEAR FROM " + day + ")";
        this.quarter = "EXTRACT(QUARTER FROM " + day + ")";
    }

    ZoneId zone() {
        return zone;
    }

    /** How many responses an outlet gave in a quarter. */
    record Count(long outletId, Quarter quarter, long responses) {
    }

    /** One statement's answers of an outlet in a quarter. */
    record Cell(long outletId, Quarter quarter, ClimateIndex.ItemSum sum) {
    }

    /**
     * Which responses count: the survey's complete ones, in the caller's scope and, when given, in
     * these outlets (a region's or the chain's; never empty).
     */
    private String where(OutletScope scope, Collection<Long> outlets) {
        return " r.survey_id = :survey AND r.complete = TRUE AND r.outlet_id IS NOT NULL AND " + scope.sqlFilter("r.outlet_id")
                + (outlets == null ? "" : " AND r.outlet_id IN (:outlets)");
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, long surveyId, OutletScope scope,
                                          Collection<Long> outlets) {
        spec = scope.bind(spec).param("survey", surveyId);
        return outlets == null ? spec : spec.param("outlets", outlets);
    }

    /** Every quarter with answers, oldest first, with how many. */
    NavigableMap<Quarter, Long> quarters(long surveyId, OutletScope scope, Collection<Long> outlets) {
        NavigableMap<Quarter, Long> out = new TreeMap<>();
        bind(jdbc.sql("SELECT %1$s, %2$s, COUNT(*) FROM survey_response r WHERE %3$s GROUP BY %1$s, %2$s"
                        .formatted(year, quarter, where(scope, outlets))), surveyId, scope, outlets)
                .query((rs, i) -> new Count(0, new Quarter(rs.getInt(1), rs.getInt(2)), rs.getLong(3))).list()
                .forEach(c -> out.put(c.quarter(), c.responses()));
        return out;
    }

    /** Responses per outlet and quarter, from the first quarter up to (not including) the last. */
    List<Count> counts(long surveyId, OutletScope scope, Collection<Long> outlets, Quarter from, Quarter until) {
        return bind(jdbc.sql("""
                        SELECT r.outlet_id, %1$s, %2$s, COUNT(*) FROM survey_response r
                        WHERE %3$s AND r.submitted_at >= :from AND r.submitted_at < :until
                        GROUP BY r.outlet_id, %1$s, %2$s""".formatted(year, quarter, where(scope, outlets))),
                surveyId, scope, outlets).param("from", from.start(zone)).param("until", until.start(zone))
                .query((rs, i) -> new Count(rs.getLong(1), new Quarter(rs.getInt(2), rs.getInt(3)), rs.getLong(4))).list();
    }

    /** The answers per outlet, quarter and statement, over the same quarters. */
    List<Cell> cells(long surveyId, OutletScope scope, Collection<Long> outlets, Quarter from, Quarter until) {
        return bind(jdbc.sql("""
                        SELECT r.outlet_id, %1$s, %2$s, q.item_no, q.side, COUNT(a.num_value), SUM(a.num_value)
                        FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
                        JOIN survey_question q ON q.id = a.question_id
                        WHERE %3$s AND r.submitted_at >= :from AND r.submitted_at < :until
                          AND q.item_no IS NOT NULL AND a.num_value IS NOT NULL
                        GROUP BY r.outlet_id, %1$s, %2$s, q.item_no, q.side""".formatted(year, quarter, where(scope, outlets))),
                surveyId, scope, outlets).param("from", from.start(zone)).param("until", until.start(zone))
                .query((rs, i) -> new Cell(rs.getLong(1), new Quarter(rs.getInt(2), rs.getInt(3)),
                        new ClimateIndex.ItemSum(rs.getInt(4), ClimateDimension.valueOf(rs.getString(5)), rs.getLong(6),
                                rs.getDouble(7)))).list();
    }

    /** An open staff link (not a QR code or tablet) of the outlet, if it has one; the history import makes one otherwise. */
    String activeLink(long surveyId, long outletId) {
        return jdbc.sql("""
                SELECT token FROM survey_link WHERE survey_id = :s AND outlet_id = :o AND active = TRUE
                  AND channel = 'LINK' AND customer_id IS NULL AND single_use = FALSE ORDER BY created_at, token FETCH FIRST 1 ROWS ONLY""")
                .param("s", surveyId).param("o", outletId).query(String.class).list().stream().findFirst().orElse(null);
    }
}
