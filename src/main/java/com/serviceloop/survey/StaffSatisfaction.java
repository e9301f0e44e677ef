package com.serviceloop.survey;

import com.serviceloop.platform.Database;
import com.serviceloop.platform.OutletScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Customer survey responses that name the person who served the respondent, for the staff
 * scoreboards and for suggested recognition notes. Staff and management surveys (internal, gap,
 * climate) never count: there a person answers about the company, not a customer about a person.
 */
@Service
public class StaffSatisfaction {
    private static final String CUSTOMER_SURVEYS = "s.kind NOT IN ('INTERNAL', 'GAP_MANAGEMENT', 'GAP_STAFF', 'CLIMATE')";
    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final String day;

    public StaffSatisfaction(JdbcClient jdbc, Database db, @Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.zone = ZoneId.of(zone);
        this.day = db.localDay("r.submitted_at", this.zone);
    }

    /** Scored responses naming a person on one day at one outlet; satisfaction on the 0–100 scale. */
    public record PersonDay(long personId, long outletId, LocalDate day, int responses, BigDecimal satisfactionSum) {
    }

    /** A response that names a person and carries a comment. */
    public record NamedComment(long responseId, long surveyId, long outletId, long personId, BigDecimal satisfaction,
                               String comment, OffsetDateTime submittedAt) {
    }

    /** Days in [from, to] at one outlet, or at every outlet when {@code outletId} is null. */
    public List<PersonDay> perPersonDay(Long outletId, LocalDate from, LocalDate to) {
        var spec = jdbc.sql("SELECT r.staff_id, r.outlet_id, " + day + ", COUNT(*), SUM(r.satisfaction) "
                + "FROM survey_response r JOIN survey s ON s.id = r.survey_id WHERE r.staff_id IS NOT NULL "
                + "AND r.outlet_id IS NOT NULL AND r.satisfaction IS NOT NULL AND " + CUSTOMER_SURVEYS
                + " AND r.submitted_at >= :start AND r.submitted_at < :end"
                + (outletId == null ? "" : " AND r.outlet_id = :outlet") + " GROUP BY r.staff_id, r.outlet_id, " + day)
                .param("start", from.atStartOfDay(zone).toOffsetDateTime())
                .param("end", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        return (outletId == null ? spec : spec.param("outlet", outletId))
                .query((rs, i) -> new PersonDay(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getInt(4),
                        rs.getBigDecimal(5))).list();
    }

    /** Responses since the given time that name a person, scored at least {@code minSatisfaction}, with a comment. */
    public List<NamedComment> commentsNamingPeople(OutletScope scope, OffsetDateTime since, BigDecimal minSatisfaction,
                                                   int limit) {
        return scope.bind(jdbc.sql("SELECT r.id, r.survey_id, r.outlet_id, r.staff_id, r.satisfaction, "
                + "(SELECT MIN(a.text_value) FROM survey_answer a WHERE a.response_id = r.id AND a.text_value IS NOT NULL), "
                + "r.submitted_at FROM survey_response r JOIN survey s ON s.id = r.survey_id WHERE r.staff_id IS NOT NULL "
                + "AND r.outlet_id IS NOT NULL AND r.satisfaction >= :min AND r.submitted_at >= :since AND " + CUSTOMER_SURVEYS
                + " AND EXISTS (SELECT 1 FROM survey_answer a WHERE a.response_id = r.id AND a.text_value IS NOT NULL) AND "
                + scope.sqlFilter("r.outlet_id") + " ORDER BY r.submitted_at DESC, r.id DESC LIMIT :limit"))
                .param("min", minSatisfaction).param("since", since).param("limit", limit)
                .query((rs, i) -> new NamedComment(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getBigDecimal(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class))).list();
    }

    /** The outlet of a response, if the response exists and was given at an outlet. */
    public Optional<Long> outletOf(long responseId) {
        return jdbc.sql("SELECT outlet_id FROM survey_response WHERE id = :id AND outlet_id IS NOT NULL")
                .param("id", responseId).query(Long.class).optional();
    }
}
