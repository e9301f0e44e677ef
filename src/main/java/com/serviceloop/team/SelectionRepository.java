package com.serviceloop.team;

import com.serviceloop.platform.OutletScope;
import com.serviceloop.platform.Rows;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class SelectionRepository {
    private static final String CANDIDATE = """
            SELECT c.id, c.job_id, c.outlet_id, c.name, c.contact, c.status, c.created_at, c.anonymised_at
            FROM team_candidate c""";
    private final JdbcClient jdbc;

    SelectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record GuideRow(int version, OffsetDateTime savedAt) {
    }

    Optional<GuideRow> guide(long jobId) {
        return jdbc.sql("SELECT version, saved_at FROM team_interview_guide WHERE job_id = :job").param("job", jobId)
                .query(Rows.of(GuideRow.class)).optional();
    }

    List<InterviewGuide.GuideQuestion> questions(long jobId) {
        return jdbc.sql("""
                        SELECT area_code, question, follow_up FROM team_interview_question
                        WHERE job_id = :job ORDER BY sort_order""")
                .param("job", jobId).query(Rows.of(InterviewGuide.GuideQuestion.class)).list();
    }

    /** Compare-and-set on the guide's version (0: there was none); false when someone saved first. */
    boolean saveGuide(long jobId, int expected, long by, OffsetDateTime now) {
        if (expected == 0) {
            if (guide(jobId).isPresent()) {
                return false;
            }
            jdbc.sql("INSERT INTO team_interview_guide (job_id, version, saved_by, saved_at) VALUES (:job, 1, :by, :now)")
                    .param("job", jobId).param("by", by).param("now", now).update();
            return true;
        }
        return jdbc.sql("""
                        UPDATE team_interview_guide SET version = version + 1, saved_by = :by, saved_at = :now
                        WHERE job_id = :job AND version = :v""")
                .param("job", jobId).param("v", expected).param("by", by).param("now", now).update() == 1;
    }

    void replaceQuestions(long jobId, List<InterviewGuide.GuideQuestion> questions) {
        jdbc.sql("DELETE FROM team_interview_question WHERE job_id = :job").param("job", jobId).update();
        for (int i = 0; i < questions.size(); i++) {
            InterviewGuide.GuideQuestion q = questions.get(i);
            jdbc.sql("""
                            INSERT INTO team_interview_question (job_id, sort_order, area_code, question, follow_up)
                            VALUES (:job, :o, :area, :q, :f)""")
                    .param("job", jobId).param("o", i).param("area", q.areaCode()).param("q", q.question().strip())
                    .param("f", q.followUp() == null || q.followUp().isBlank() ? null : q.followUp().strip()).update();
        }
    }

    long insertCandidate(long jobId, long outletId, String name, String contact, Candidate.Status status,
                         OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO team_candidate (job_id, outlet_id, name, contact, status, created_at)
                        VALUES (:job, :outlet, :name, :contact, :status, :now)""")
                .param("job", jobId).param("outlet", outletId).param("name", name).param("contact", contact)
                .param("status", status.name()).param("now", now).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** A candidate of the job, in the caller's outlets. */
    Optional<Candidate> candidate(long jobId, long id, OutletScope scope) {
        return scope.bind(jdbc.sql(CANDIDATE + " WHERE c.id = :id AND c.job_id = :job AND "
                        + scope.sqlFilter("c.outlet_id")))
                .param("id", id).param("job", jobId).query(Rows.of(Candidate.class)).optional();
    }

    List<Candidate> candidates(long jobId, OutletScope scope) {
        return scope.bind(jdbc.sql(CANDIDATE + " WHERE c.job_id = :job AND " + scope.sqlFilter("c.outlet_id")
                        + " ORDER BY c.created_at, c.id"))
                .param("job", jobId).query(Rows.of(Candidate.class)).list();
    }

    void setStatus(long id, Candidate.Status status) {
        jdbc.sql("UPDATE team_candidate SET status = :s WHERE id = :id").param("s", status.name()).param("id", id).update();
    }

    void score(long candidateId, long interviewerId, ScoreForm.AreaScore s, OffsetDateTime now) {
        jdbc.sql("""
                        DELETE FROM team_candidate_score
                        WHERE candidate_id = :c AND interviewer_id = :i AND area_code = :a""")
                .param("c", candidateId).param("i", interviewerId).param("a", s.areaCode()).update();
        jdbc.sql("""
                        INSERT INTO team_candidate_score (candidate_id, interviewer_id, area_code, score, note, scored_at)
                        VALUES (:c, :i, :a, :score, :note, :now)""")
                .param("c", candidateId).param("i", interviewerId).param("a", s.areaCode()).param("score", s.score())
                .param("note", s.note() == null || s.note().isBlank() ? null : s.note().strip()).param("now", now)
                .update();
    }

    /** A score as stored, for the comparison and the candidate's sheet. */
    record Score(long candidateId, long interviewerId, String interviewerName, String areaCode, int score, String note) {
    }

    List<Score> scores(long jobId, OutletScope scope) {
        return scope.bind(jdbc.sql("""
                        SELECT s.candidate_id, s.interviewer_id, p.display_name AS interviewer_name, s.area_code, s.score, s.note
                        FROM team_candidate_score s JOIN team_candidate c ON c.id = s.candidate_id
                        JOIN person p ON p.id = s.interviewer_id
                        WHERE c.job_id = :job AND %s ORDER BY s.candidate_id, s.area_code, s.interviewer_id"""
                        .formatted(scope.sqlFilter("c.outlet_id"))))
                .param("job", jobId).query(Rows.of(Score.class)).list();
    }

    /** Wipes what identifies candidates who applied before the cutoff; their scores stay, without notes. */
    int anonymise(OffsetDateTime cutoff, OffsetDateTime now) {
        int done = jdbc.sql("""
                        UPDATE team_candidate SET name = NULL, contact = NULL, anonymised_at = :now
                        WHERE anonymised_at IS NULL AND created_at < :cutoff""")
                .param("now", now).param("cutoff", cutoff).update();
        if (done > 0) {
            jdbc.sql("""
                            UPDATE team_candidate_score SET note = NULL WHERE note IS NOT NULL AND candidate_id IN
                            (SELECT id FROM team_candidate WHERE anonymised_at IS NOT NULL)""").update();
        }
        return done;
    }
}
