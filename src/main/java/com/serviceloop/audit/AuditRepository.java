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

/** The SQL of audits, answers and photos; every read of an audit goes through the caller's outlet scope. */
@Repository
class AuditRepository {
    private static final String AUDIT = """
            SELECT a.id, a.outlet_id, u.name AS outlet_name, v.form_id, a.form_version_id, v.version_no AS form_version_no,
                   f.name AS form_name, a.schedule_id, a.due_on, a.auditor_id, p.display_name AS auditor_name, a.status,
                   a.started_at, a.submitted_at, a.score, a.result, a.signed_off_by, a.signed_off_at, a.note
            FROM audit a JOIN org_unit u ON u.id = a.outlet_id JOIN audit_form_version v ON v.id = a.form_version_id
            JOIN audit_form f ON f.id = v.form_id JOIN person p ON p.id = a.auditor_id""";
    private static final String ANSWER = "SELECT id, audit_id, item_id, choice, scale, measured, text, not_applicable, "
            + "score, idempotency_key, answered_by, answered_at FROM audit_answer";
    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long outletId, long formVersionId, Long scheduleId, LocalDate dueOn, long auditorId, OffsetDateTime at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO audit (outlet_id, form_version_id, schedule_id, due_on, auditor_id, status, started_at)
                VALUES (:o, :v, :s, :due, :by, 'IN_PROGRESS', :at)""")
                .param("o", outletId).param("v", formVersionId).param("s", scheduleId).param("due", dueOn)
                .param("by", auditorId).param("at", at).update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Audit> find(OutletScope scope, long id) {
        return scope.bind(jdbc.sql(AUDIT + " WHERE a.id = :id AND " + scope.sqlFilter("a.outlet_id")))
                .param("id", id).query(Rows.of(Audit.class)).optional();
    }

    /** Locks the audit row, so that answers, uploads and the submission of one audit take turns. */
    void lock(long id) {
        jdbc.sql("SELECT id FROM audit WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).single();
    }

    List<Audit> list(OutletScope scope, Long outletId, String status, int limit) {
        var spec = jdbc.sql(AUDIT + " WHERE " + scope.sqlFilter("a.outlet_id")
                + (outletId == null ? "" : " AND a.outlet_id = :o") + (status == null ? "" : " AND a.status = :s")
                + " ORDER BY a.started_at DESC, a.id DESC LIMIT :limit").param("limit", limit);
        spec = outletId == null ? spec : spec.param("o", outletId);
        spec = status == null ? spec : spec.param("s", status);
        return scope.bind(spec).query(Rows.of(Audit.class)).list();
    }

    List<Answer> answers(long auditId) {
        return jdbc.sql(ANSWER + " WHERE audit_id = :a ORDER BY item_id").param("a", auditId)
                .query(Rows.of(Answer.class)).list();
    }

    Optional<Answer> answer(long auditId, long itemId) {
        return jdbc.sql(ANSWER + " WHERE audit_id = :a AND item_id = :i").param("a", auditId).param("i", itemId)
                .query(Rows.of(Answer.class)).optional();
    }

    void saveAnswer(boolean exists, long auditId, long itemId, AnswerForm f, boolean na, Double score, long by,
                    OffsetDateTime at) {
        String sql = exists ? """
                UPDATE audit_answer SET choice = :choice, scale = :scale, measured = :measured, text = :text,
                    not_applicable = :na, score = :score, idempotency_key = :key, answered_by = :by, answered_at = :at
                WHERE audit_id = :a AND item_id = :i""" : """
                INSERT INTO audit_answer (audit_id, item_id, choice, scale, measured, text, not_applicable, score,
                    idempotency_key, answered_by, answered_at)
                VALUES (:a, :i, :choice, :scale, :measured, :text, :na, :score, :key, :by, :at)""";
        jdbc.sql(sql).param("a", auditId).param("i", itemId).param("choice", f.choice()).param("scale", f.scale())
                .param("measured", f.measured()).param("text", f.text()).param("na", na)
                .param("score", score == null ? null : BigDecimal.valueOf(score)).param("key", f.key())
                .param("by", by).param("at", at).update();
    }

    long insertPhoto(long auditId, long itemId, String key, String clientKey, String type, int size, long by,
                     OffsetDateTime at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO audit_photo (audit_id, item_id, object_key, idempotency_key, content_type, size_bytes,
                    uploaded_by, uploaded_at) VALUES (:a, :i, :k, :ck, :t, :s, :by, :at)""").param("a", auditId)
                .param("i", itemId).param("k", key).param("ck", clientKey).param("t", type).param("s", size)
                .param("by", by).param("at", at).update(keys, "id");
        return keys.getKey().longValue();
    }

    List<Photo> photos(long auditId) {
        return jdbc.sql("SELECT id, audit_id, item_id, content_type, size_bytes, uploaded_by, uploaded_at FROM audit_photo "
                + "WHERE audit_id = :a ORDER BY item_id, id").param("a", auditId).query(Rows.of(Photo.class)).list();
    }

    /** The photo an upload with this client key already stored on the audit, if any. */
    Optional<Photo> photoByKey(long auditId, String clientKey) {
        return jdbc.sql("SELECT id, audit_id, item_id, content_type, size_bytes, uploaded_by, uploaded_at FROM audit_photo "
                + "WHERE audit_id = :a AND idempotency_key = :k").param("a", auditId).param("k", clientKey)
                .query(Rows.of(Photo.class)).optional();
    }

    Optional<String> photoKey(long auditId, long photoId) {
        return jdbc.sql("SELECT object_key FROM audit_photo WHERE audit_id = :a AND id = :p").param("a", auditId)
                .param("p", photoId).query(String.class).optional();
    }

    /** The object keys removed, so that the caller can delete the bytes once the rows are gone. */
    List<String> deletePhotos(long auditId, long itemId) {
        List<String> keys = jdbc.sql("SELECT object_key FROM audit_photo WHERE audit_id = :a AND item_id = :i")
                .param("a", auditId).param("i", itemId).query(String.class).list();
        jdbc.sql("DELETE FROM audit_photo WHERE audit_id = :a AND item_id = :i").param("a", auditId).param("i", itemId)
                .update();
        return keys;
    }

    void submit(long id, Double score, String result, OffsetDateTime at) {
        jdbc.sql("UPDATE audit SET status = 'SUBMITTED', submitted_at = :at, score = :score, result = :result WHERE id = :id")
                .param("id", id).param("at", at).param("score", score == null ? null : BigDecimal.valueOf(score))
                .param("result", result).update();
    }

    boolean signOff(long id, long by, OffsetDateTime at) {
        return jdbc.sql("UPDATE audit SET status = 'SIGNED_OFF', signed_off_by = :by, signed_off_at = :at "
                + "WHERE id = :id AND status = 'SUBMITTED'").param("id", id).param("by", by).param("at", at).update() == 1;
    }
}
