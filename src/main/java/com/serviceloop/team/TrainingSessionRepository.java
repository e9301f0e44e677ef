package com.serviceloop.team;

import com.serviceloop.platform.OutletScope;
import com.serviceloop.platform.Rows;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Sessions and their attendees; every read is limited to the sessions of the caller's outlets. */
@Repository
class TrainingSessionRepository {
    private static final String LINE = """
            SELECT s.id, s.programme_id, p.name AS programme_name, s.outlet_id, o.name AS outlet_name, s.held_on,
                   t.display_name AS trainer_name,
                   (SELECT COUNT(*) FROM team_training_attendee a WHERE a.session_id = s.id) AS attendees,
                   (SELECT COUNT(*) FROM team_training_attendee a WHERE a.session_id = s.id AND a.attended = TRUE
                      AND a.knowledge_passed = TRUE AND a.skill_passed = TRUE) AS passed
            FROM team_training_session s JOIN team_programme p ON p.id = s.programme_id
            JOIN org_unit o ON o.id = s.outlet_id JOIN person t ON t.id = s.trainer_id""";
    private static final String ATTENDEE = """
            SELECT a.person_id, pe.display_name, a.outlet_id, a.attended, a.attended_on, a.knowledge_passed,
                   a.knowledge_on, a.skill_passed, a.skill_on,
                   CASE WHEN a.attended = TRUE AND a.knowledge_passed = TRUE AND a.skill_passed = TRUE
                        THEN TRUE ELSE FALSE END AS passed
            FROM team_training_attendee a JOIN person pe ON pe.id = a.person_id""";
    private final JdbcClient jdbc;

    TrainingSessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Head(long id, long programmeId, String programmeName, long outletId, String outletName,
                        LocalDate heldOn, long trainerId, String trainerName, String note, int version) {
    }

    long insert(SessionForm f, long by, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO team_training_session (programme_id, outlet_id, held_on, trainer_id, note, created_by,
                        created_at) VALUES (:programme, :outlet, :heldOn, :trainer, :note, :by, :now)""")
                .param("programme", f.programmeId()).param("outlet", f.outletId()).param("heldOn", f.heldOn())
                .param("trainer", f.trainerId()).param("note", note(f.note())).param("by", by).param("now", now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Compare-and-set on the version: false when someone else saved the session first. */
    boolean update(long id, int version, SessionForm f) {
        return jdbc.sql("""
                        UPDATE team_training_session SET held_on = :heldOn, trainer_id = :trainer, note = :note,
                        version = version + 1 WHERE id = :id AND version = :version""")
                .param("heldOn", f.heldOn()).param("trainer", f.trainerId()).param("note", note(f.note()))
                .param("id", id).param("version", version).update() == 1;
    }

    private static String note(String note) {
        return note == null || note.isBlank() ? null : note.strip();
    }

    Optional<TrainingSession> find(long id, OutletScope scope) {
        return scope.bind(jdbc.sql("""
                        SELECT s.id, s.programme_id, p.name AS programme_name, s.outlet_id, o.name AS outlet_name,
                               s.held_on, s.trainer_id, t.display_name AS trainer_name, s.note, s.version
                        FROM team_training_session s JOIN team_programme p ON p.id = s.programme_id
                        JOIN org_unit o ON o.id = s.outlet_id JOIN person t ON t.id = s.trainer_id
                        WHERE s.id = :id AND %s""".formatted(scope.sqlFilter("s.outlet_id"))))
                .param("id", id).query(Rows.of(Head.class)).optional()
                .map(h -> new TrainingSession(h.id(), h.programmeId(), h.programmeName(), h.outletId(), h.outletName(),
                        h.heldOn(), h.trainerId(), h.trainerName(), h.note(), h.version(), attendees(id, scope)));
    }

    private List<TrainingSession.Attendee> attendees(long sessionId, OutletScope scope) {
        return scope.bind(jdbc.sql(ATTENDEE + """
                         JOIN team_training_session s ON s.id = a.session_id
                        WHERE a.session_id = :s AND %s ORDER BY pe.display_name, a.person_id"""
                        .formatted(scope.sqlFilter("s.outlet_id"))))
                .param("s", sessionId).query(Rows.of(TrainingSession.Attendee.class)).list();
    }

    /** Newest first; a programme's or an outlet's sessions when given. */
    List<TrainingSession.Line> list(OutletScope scope, Long programmeId, Long outletId, int limit) {
        String where = " WHERE " + scope.sqlFilter("s.outlet_id") + (programmeId == null ? "" : " AND s.programme_id = :p")
                + (outletId == null ? "" : " AND s.outlet_id = :o");
        var spec = scope.bind(jdbc.sql(LINE + where + " ORDER BY s.held_on DESC, s.id DESC LIMIT " + limit));
        if (programmeId != null) {
            spec = spec.param("p", programmeId);
        }
        if (outletId != null) {
            spec = spec.param("o", outletId);
        }
        return spec.query(Rows.of(TrainingSession.Line.class)).list();
    }

    void addAttendee(long sessionId, long personId, Long outletId) {
        jdbc.sql("INSERT INTO team_training_attendee (session_id, person_id, outlet_id) VALUES (:s, :p, :o)")
                .param("s", sessionId).param("p", personId).param("o", outletId).update();
    }

    void removeAttendee(long sessionId, long personId) {
        jdbc.sql("DELETE FROM team_training_attendee WHERE session_id = :s AND person_id = :p")
                .param("s", sessionId).param("p", personId).update();
    }

    void setResult(long sessionId, long personId, ResultForm r, long by, OffsetDateTime now) {
        jdbc.sql("""
                        UPDATE team_training_attendee SET attended = :attended, attended_on = :attendedOn,
                        knowledge_passed = :knowledge, knowledge_on = :knowledgeOn, skill_passed = :skill,
                        skill_on = :skillOn, recorded_by = :by, recorded_at = :now
                        WHERE session_id = :s AND person_id = :p""")
                .param("attended", r.attended()).param("attendedOn", r.attendedOn())
                .param("knowledge", r.knowledgePassed()).param("knowledgeOn", r.knowledgeOn())
                .param("skill", r.skillPassed()).param("skillOn", r.skillOn()).param("by", by).param("now", now)
                .param("s", sessionId).param("p", personId).update();
    }
}
