package com.serviceloop.staff;

import com.serviceloop.platform.OutletScope;
import com.serviceloop.platform.Rows;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reviews, their ratings and goals. Which reviews a reader may see is decided in the statements (see {@link #seen}). */
@Repository
class ReviewRepository {
    private static final String COLUMNS = "r.id, r.person_id, p.display_name AS person_name, r.outlet_id, r.period_from, "
            + "r.period_to, r.stage, r.job_id, r.cases_owned, r.clocks_due, r.clocks_on_time, r.praise, r.complaints, "
            + "r.audits, r.audit_score, r.sessions, r.sessions_passed, r.standards_missing, r.self_note, r.manager_note, "
            + "r.meeting_notes, r.strengths, r.discussed_on, r.version";
    private final JdbcClient jdbc;

    ReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(long id, long personId, String personName, Long outletId, LocalDate periodFrom, LocalDate periodTo,
               String stage, Long jobId, long casesOwned, long clocksDue, long clocksOnTime, long praise, long complaints,
               long audits, BigDecimal auditScore, long sessions, long sessionsPassed, long standardsMissing,
               String selfNote, String managerNote, String meetingNotes, String strengths, LocalDate discussedOn,
               int version) {
    }

    /**
     * The reviews a reader may see: their own, and — for a manager — those of people working in
     * the manager's outlets (the scope is null for everyone else; an administrator's covers all).
     */
    private static String seen(OutletScope managerScope) {
        return managerScope == null ? "r.person_id = :me"
                : "(r.person_id = :me OR r.outlet_id IS NOT NULL AND " + managerScope.sqlFilter("r.outlet_id") + ")";
    }

    Optional<Row> find(long id, long me, OutletScope managerScope) {
        var spec = jdbc.sql("SELECT " + COLUMNS + " FROM staff_review r JOIN person p ON p.id = r.person_id "
                + "WHERE r.id = :id AND " + seen(managerScope)).param("id", id).param("me", me);
        return (managerScope == null ? spec : managerScope.bind(spec)).query(Rows.of(Row.class)).optional();
    }

    List<Row> list(long me, OutletScope managerScope, Long personId) {
        var spec = jdbc.sql("SELECT " + COLUMNS + " FROM staff_review r JOIN person p ON p.id = r.person_id WHERE "
                + seen(managerScope) + (personId == null ? "" : " AND r.person_id = :person")
                + " ORDER BY r.period_to DESC, r.id DESC LIMIT 200").param("me", me);
        spec = personId == null ? spec : spec.param("person", personId);
        return (managerScope == null ? spec : managerScope.bind(spec)).query(Rows.of(Row.class)).list();
    }

    /** The person's latest review before this one, whose goals this one checks. */
    Optional<Long> previous(long personId, long reviewId) {
        return jdbc.sql("SELECT MAX(id) FROM staff_review WHERE person_id = :p AND id < :id")
                .param("p", personId).param("id", reviewId).query(Long.class).optional();
    }

    long insert(long personId, Long outletId, LocalDate from, LocalDate to, Long jobId, Review.Figures f, long by,
                OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO staff_review (person_id, outlet_id, period_from, period_to, stage, job_id, cases_owned, clocks_due,
                    clocks_on_time, praise, complaints, audits, audit_score, sessions, sessions_passed, standards_missing,
                    created_by, created_at)
                VALUES (:p, :o, :from, :to, 'PREPARE', :job, :owned, :due, :onTime, :praise, :complaints, :audits, :score,
                    :sessions, :passed, :missing, :by, :now)""")
                .param("p", personId).param("o", outletId).param("from", from).param("to", to).param("job", jobId)
                .param("owned", f.casesOwned()).param("due", f.clocksDue()).param("onTime", f.clocksOnTime())
                .param("praise", f.praise()).param("complaints", f.complaints()).param("audits", f.audits())
                .param("score", f.auditScore()).param("sessions", f.sessions()).param("passed", f.sessionsPassed())
                .param("missing", f.standardsMissing()).param("by", by).param("now", now).update();
        return jdbc.sql("SELECT MAX(id) FROM staff_review WHERE person_id = :p").param("p", personId)
                .query(Long.class).single();
    }

    List<Review.Rating> ratings(long reviewId) {
        return jdbc.sql("SELECT side, standard_id, rating FROM staff_review_rating WHERE review_id = :r ORDER BY side, standard_id")
                .param("r", reviewId).query(Rows.of(Review.Rating.class)).list();
    }

    List<Review.Goal> goals(long reviewId) {
        return jdbc.sql("SELECT id, review_id, standard_id, text, due_on, outcome FROM staff_review_goal WHERE review_id = :r "
                + "ORDER BY id").param("r", reviewId).query(Rows.of(Review.Goal.class)).list();
    }

    void assess(long reviewId, String side, String note, List<ReviewForms.Rating> ratings) {
        jdbc.sql("DELETE FROM staff_review_rating WHERE review_id = :r AND side = :s").param("r", reviewId).param("s", side)
                .update();
        for (ReviewForms.Rating r : ratings) {
            jdbc.sql("INSERT INTO staff_review_rating (review_id, side, standard_id, rating) VALUES (:r, :s, :st, :v)")
                    .param("r", reviewId).param("s", side).param("st", r.standardId()).param("v", r.rating()).update();
        }
        jdbc.sql("UPDATE staff_review SET " + ("SELF".equals(side) ? "self_note" : "manager_note") + " = :n, "
                        + "stage = CASE WHEN stage = 'PREPARE' AND (SELECT COUNT(DISTINCT side) FROM staff_review_rating "
                        + "WHERE review_id = :r) = 2 THEN 'DISCUSS' ELSE stage END, version = version + 1 WHERE id = :r")
                .param("n", note).param("r", reviewId).update();
    }

    /** False when the review changed since {@code version} was read. */
    boolean discuss(long reviewId, int version, ReviewForms.Discuss d) {
        int n = jdbc.sql("UPDATE staff_review SET discussed_on = :on, meeting_notes = :notes, strengths = :strengths, "
                        + "stage = 'FOLLOW_UP', version = version + 1 WHERE id = :r AND version = :v")
                .param("on", d.discussedOn()).param("notes", d.meetingNotes()).param("strengths", d.strengths())
                .param("r", reviewId).param("v", version).update();
        if (n == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM staff_review_goal WHERE review_id = :r AND outcome IS NULL").param("r", reviewId).update();
        for (ReviewForms.Goal g : d.goals()) {
            jdbc.sql("INSERT INTO staff_review_goal (review_id, standard_id, text, due_on) VALUES (:r, :s, :t, :d)")
                    .param("r", reviewId).param("s", g.standardId()).param("t", g.text()).param("d", g.dueOn()).update();
        }
        return true;
    }

    void check(long goalId, String outcome, long inReview) {
        jdbc.sql("UPDATE staff_review_goal SET outcome = :o, checked_in = :r WHERE id = :g").param("o", outcome)
                .param("r", inReview).param("g", goalId).update();
    }

    /** An open goal due within the reminder window and not yet reminded of: goal, review, person, manager, text, due. */
    record Due(long goalId, long reviewId, long personId, long managerId, String text, LocalDate dueOn) {
    }

    List<Due> dueSoon(LocalDate today, LocalDate until) {
        return jdbc.sql("SELECT g.id AS goal_id, g.review_id, r.person_id, r.created_by AS manager_id, g.text, g.due_on "
                        + "FROM staff_review_goal g JOIN staff_review r ON r.id = g.review_id WHERE g.outcome IS NULL "
                        + "AND g.reminded_on IS NULL AND g.due_on >= :today AND g.due_on <= :until ORDER BY g.id")
                .param("today", today).param("until", until).query(Rows.of(Due.class)).list();
    }

    void reminded(long goalId, LocalDate on) {
        jdbc.sql("UPDATE staff_review_goal SET reminded_on = :d WHERE id = :g").param("d", on).param("g", goalId).update();
    }
}
