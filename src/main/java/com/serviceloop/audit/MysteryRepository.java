package com.serviceloop.audit;

import com.serviceloop.platform.OutletScope;
import com.serviceloop.platform.Rows;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The SQL of mystery visits, their answers and debriefs. A reviewer's read goes through the outlet scope,
 * a shopper's through their own id: a visit of someone else is not found.
 */
@Repository
class MysteryRepository {
    private static final String VISIT = """
            SELECT v.id, v.programme_id, p.name AS programme_name, v.outlet_id, u.name AS outlet_name, v.shopper_id,
                   s.nickname, v.scenario_id, v.form_version_id, v.planned_on, v.status, v.visited_at, v.latitude,
                   v.longitude, CASE WHEN v.receipt_key IS NULL THEN FALSE ELSE TRUE END AS has_receipt, v.submitted_at,
                   v.score, v.result, v.review_comment, v.quality_rating, v.reviewed_at
            FROM mystery_visit v JOIN mystery_programme p ON p.id = v.programme_id JOIN org_unit u ON u.id = v.outlet_id
            LEFT JOIN mystery_shopper s ON s.person_id = v.shopper_id""";
    private static final String ANSWER = "SELECT id, visit_id AS audit_id, item_id, choice, scale, measured, text, "
            + "not_applicable, score, idempotency_key, answered_by, answered_at FROM mystery_answer";
    private final JdbcClient jdbc;

    MysteryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(MysteryVisitForm f, long formVersionId, long by, OffsetDateTime at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO mystery_visit (programme_id, outlet_id, shopper_id, scenario_id, form_version_id, planned_on,
                    status, assigned_by, assigned_at)
                VALUES (:p, :o, :s, :sc, :v, :on, 'ASSIGNED', :by, :at)""").param("p", f.programmeId())
                .param("o", f.outletId()).param("s", f.shopperId()).param("sc", f.scenarioId()).param("v", formVersionId)
                .param("on", f.plannedOn()).param("by", by).param("at", at).update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<MysteryVisit> find(OutletScope scope, long id) {
        return scope.bind(jdbc.sql(VISIT + " WHERE v.id = :id AND " + scope.sqlFilter("v.outlet_id"))).param("id", id)
                .query(Rows.of(MysteryVisit.class)).optional();
    }

    Optional<MysteryVisit> findOfShopper(long shopperId, long id) {
        return jdbc.sql(VISIT + " WHERE v.id = :id AND v.shopper_id = :me").param("id", id).param("me", shopperId)
                .query(Rows.of(MysteryVisit.class)).optional();
    }

    List<MysteryVisit> list(OutletScope scope, Long programmeId, String status, int limit) {
        var spec = jdbc.sql(VISIT + " WHERE " + scope.sqlFilter("v.outlet_id")
                + (programmeId == null ? "" : " AND v.programme_id = :p") + (status == null ? "" : " AND v.status = :st")
                + " ORDER BY v.planned_on DESC, v.id DESC LIMIT :limit").param("limit", limit);
        spec = programmeId == null ? spec : spec.param("p", programmeId);
        spec = status == null ? spec : spec.param("st", status);
        return scope.bind(spec).query(Rows.of(MysteryVisit.class)).list();
    }

    List<MysteryVisit> ofShopper(long shopperId) {
        return jdbc.sql(VISIT + " WHERE v.shopper_id = :me ORDER BY CASE WHEN v.status IN ('ASSIGNED', 'RETURNED') "
                + "THEN 0 ELSE 1 END, v.planned_on DESC, v.id DESC LIMIT 200").param("me", shopperId)
                .query(Rows.of(MysteryVisit.class)).list();
    }

    void lock(long id) {
        jdbc.sql("SELECT id FROM mystery_visit WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).single();
    }

    void lockProgramme(long id) {
        jdbc.sql("SELECT id FROM mystery_programme WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).single();
    }

    /** The planned day of another visit of the shopper to the outlet in the open interval (from, to), if any. */
    Optional<LocalDate> nearbyVisit(long shopperId, long outletId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT MIN(planned_on) FROM mystery_visit WHERE shopper_id = :s AND outlet_id = :o
                  AND planned_on > :from AND planned_on < :to AND status <> 'REJECTED'""").param("s", shopperId)
                .param("o", outletId).param("from", from).param("to", to).query(LocalDate.class).optional();
    }

    int plannedBetween(long programmeId, long outletId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM mystery_visit WHERE programme_id = :p AND outlet_id = :o AND planned_on >= :from
                  AND planned_on <= :to AND status <> 'REJECTED'""").param("p", programmeId).param("o", outletId)
                .param("from", from).param("to", to).query(Long.class).single().intValue();
    }

    List<Answer> answers(long visitId) {
        return jdbc.sql(ANSWER + " WHERE visit_id = :v ORDER BY item_id").param("v", visitId)
                .query(Rows.of(Answer.class)).list();
    }

    Optional<Answer> answer(long visitId, long itemId) {
        return jdbc.sql(ANSWER + " WHERE visit_id = :v AND item_id = :i").param("v", visitId).param("i", itemId)
                .query(Rows.of(Answer.class)).optional();
    }

    void saveAnswer(boolean exists, long visitId, long itemId, AnswerForm f, boolean na, Double score, long by,
                    OffsetDateTime at) {
        String sql = exists ? """
                UPDATE mystery_answer SET choice = :choice, scale = :scale, measured = :measured, text = :text,
                    not_applicable = :na, score = :score, idempotency_key = :key, answered_by = :by, answered_at = :at
                WHERE visit_id = :v AND item_id = :i""" : """
                INSERT INTO mystery_answer (visit_id, item_id, choice, scale, measured, text, not_applicable, score,
                    idempotency_key, answered_by, answered_at)
                VALUES (:v, :i, :choice, :scale, :measured, :text, :na, :score, :key, :by, :at)""";
        jdbc.sql(sql).param("v", visitId).param("i", itemId).param("choice", f.choice()).param("scale", f.scale())
                .param("measured", f.measured()).param("text", f.text()).param("na", na)
                .param("score", score == null ? null : BigDecimal.valueOf(score)).param("key", f.key())
                .param("by", by).param("at", at).update();
    }

    /** The receipt key it replaces (null: none), so that the old image goes once the new one is kept. */
    String saveReceipt(long id, String key, String type) {
        String old = receipt(id).map(Receipt::objectKey).orElse(null);
        jdbc.sql("UPDATE mystery_visit SET receipt_key = :k, receipt_type = :t WHERE id = :id").param("id", id)
                .param("k", key).param("t", type).update();
        return old;
    }

    void saveVisitTime(long id, OffsetDateTime visitedAt, BigDecimal lat, BigDecimal lon) {
        jdbc.sql("UPDATE mystery_visit SET visited_at = :at, latitude = :lat, longitude = :lon WHERE id = :id")
                .param("id", id).param("at", visitedAt).param("lat", lat).param("lon", lon).update();
    }

    record Receipt(String objectKey, String contentType) {
    }

    Optional<Receipt> receipt(long id) {
        return jdbc.sql("SELECT receipt_key AS object_key, receipt_type AS content_type FROM mystery_visit WHERE id = :id "
                + "AND receipt_key IS NOT NULL").param("id", id).query(Rows.of(Receipt.class)).optional();
    }

    void submit(long id, Double score, String result, OffsetDateTime at) {
        jdbc.sql("UPDATE mystery_visit SET status = 'SUBMITTED', submitted_at = :at, score = :score, result = :result "
                        + "WHERE id = :id").param("id", id).param("at", at)
                .param("score", score == null ? null : BigDecimal.valueOf(score)).param("result", result).update();
    }

    boolean review(long id, String status, String comment, int rating, long by, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE mystery_visit SET status = :st, review_comment = :c, quality_rating = :r, reviewed_by = :by,
                    reviewed_at = :at WHERE id = :id AND status = 'SUBMITTED'""").param("id", id).param("st", status)
                .param("c", comment).param("r", rating).param("by", by).param("at", at).update() == 1;
    }

    Optional<MysteryDebrief> debrief(long visitId) {
        return jdbc.sql("""
                SELECT d.visit_id, d.held_on, d.went_well, d.to_improve, d.actions, d.attendees,
                       p.display_name AS recorded_by_name, d.recorded_at
                FROM mystery_debrief d JOIN person p ON p.id = d.recorded_by WHERE d.visit_id = :v""").param("v", visitId)
                .query(Rows.of(MysteryDebrief.class)).optional();
    }

    void saveDebrief(long visitId, MysteryDebriefForm f, long by, OffsetDateTime at) {
        boolean exists = debrief(visitId).isPresent();
        jdbc.sql(exists ? """
                UPDATE mystery_debrief SET held_on = :on, went_well = :w, to_improve = :i, actions = :a, attendees = :p,
                    recorded_by = :by, recorded_at = :at WHERE visit_id = :v""" : """
                INSERT INTO mystery_debrief (visit_id, held_on, went_well, to_improve, actions, attendees, recorded_by,
                    recorded_at) VALUES (:v, :on, :w, :i, :a, :p, :by, :at)""").param("v", visitId)
                .param("on", f.heldOn()).param("w", f.wentWell()).param("i", f.toImprove()).param("a", f.actions())
                .param("p", f.attendees()).param("by", by).param("at", at).update();
    }
}
