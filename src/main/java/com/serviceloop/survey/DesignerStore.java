package com.serviceloop.survey;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The designer's writes to surveys and their questions, and the one read it needs beyond
 * {@link SurveyRepository}: which questions may have answers. The designer checks what it writes
 * and holds the transaction.
 */
@Repository
class DesignerStore {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;
    private final Clock clock;

    DesignerStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new own survey, switched off; its id. */
    long insert(String kind, String titleEn, String titleZh, String introEn, String introZh) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO survey (code, kind, title_en, title_zh, intro_en, intro_zh, active, builtin)
                VALUES (:code, :kind, :ten, :tzh, :ien, :izh, FALSE, FALSE)""")
                .param("code", newCode()).param("kind", kind).param("ten", titleEn).param("tzh", titleZh)
                .param("ien", introEn).param("izh", introZh).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** A switched-off copy of a survey with all its questions, SERVQUAL items and purposes included; its id. */
    long insertCopy(Survey from, String titleEn, String titleZh) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO survey (code, kind, title_en, title_zh, intro_en, intro_zh, case_threshold, active, builtin)
                VALUES (:code, :kind, :ten, :tzh, :ien, :izh, :threshold, FALSE, FALSE)""")
                .param("code", newCode()).param("kind", from.kind()).param("ten", titleEn).param("tzh", titleZh)
                .param("ien", from.introEn()).param("izh", from.introZh()).param("threshold", from.caseThreshold())
                .update(keys, "id");
        long copy = keys.getKey().longValue();
        jdbc.sql("""
                INSERT INTO survey_question (survey_id, position, section_en, section_zh, qtype, text_en, text_zh, options_en,
                    options_zh, required, dimension, side, item_no, purpose, added_at)
                SELECT :copy, position, section_en, section_zh, qtype, text_en, text_zh, options_en, options_zh, required,
                       dimension, side, item_no, purpose, :now
                FROM survey_question WHERE survey_id = :from""")
                .param("copy", copy).param("now", OffsetDateTime.now(clock)).param("from", from.id()).update();
        return copy;
    }

    void update(long id, String kind, String titleEn, String titleZh, String introEn, String introZh) {
        jdbc.sql("""
                UPDATE survey SET kind = :kind, title_en = :ten, title_zh = :tzh, intro_en = :ien, intro_zh = :izh
                WHERE id = :id""")
                .param("kind", kind).param("ten", titleEn).param("tzh", titleZh).param("ien", introEn).param("izh", introZh)
                .param("id", id).update();
    }

    /**
     * Raises the version if it is still the one given; false if someone changed the survey since.
     * The update also locks the survey's row until the change commits, so concurrent changes to one
     * survey go one at a time.
     */
    boolean raiseVersion(long id, int version) {
        return jdbc.sql("UPDATE survey SET version = version + 1 WHERE id = :id AND version = :v")
                .param("id", id).param("v", version).update() == 1;
    }

    void raiseVersion(long id) {
        jdbc.sql("UPDATE survey SET version = version + 1 WHERE id = :id").param("id", id).update();
    }

    void setActive(long id, boolean active) {
        jdbc.sql("UPDATE survey SET active = :a WHERE id = :id").param("a", active).param("id", id).update();
    }

    /** A question at the given position; its id. */
    long insertQuestion(long surveyId, int position, QuestionRules.Clean c) {
        var keys = new GeneratedKeyHolder();
        bind(jdbc.sql("""
                INSERT INTO survey_question (survey_id, position, section_en, section_zh, qtype, text_en, text_zh, options_en,
                    options_zh, required, purpose, added_at)
                VALUES (:s, :p, :sen, :szh, :t, :en, :zh, :oen, :ozh, :req, :purpose, :now)"""), c)
                .param("s", surveyId).param("p", position).param("now", OffsetDateTime.now(clock)).update(keys, "id");
        return keys.getKey().longValue();
    }

    void updateQuestion(long questionId, QuestionRules.Clean c) {
        bind(jdbc.sql("""
                UPDATE survey_question SET section_en = :sen, section_zh = :szh, qtype = :t, text_en = :en, text_zh = :zh,
                    options_en = :oen, options_zh = :ozh, required = :req, purpose = :purpose
                WHERE id = :q"""), c).param("q", questionId).update();
    }

    /** Deletes a question and moves the ones after it up by one. */
    void deleteQuestion(Question q) {
        jdbc.sql("DELETE FROM survey_question WHERE id = :q").param("q", q.id()).update();
        // through negative numbers, as (survey, position) is unique at every row
        jdbc.sql("UPDATE survey_question SET position = -(position - 1) WHERE survey_id = :s AND position > :p")
                .param("s", q.surveyId()).param("p", q.position()).update();
        jdbc.sql("UPDATE survey_question SET position = -position WHERE survey_id = :s AND position < 0")
                .param("s", q.surveyId()).update();
    }

    /** Swaps two questions' positions, through 0, as (survey, position) is unique at every row. */
    void swap(Question q, Question other) {
        jdbc.sql("UPDATE survey_question SET position = 0 WHERE id = :q").param("q", q.id()).update();
        jdbc.sql("UPDATE survey_question SET position = :p WHERE id = :q").param("p", q.position()).param("q", other.id()).update();
        jdbc.sql("UPDATE survey_question SET position = :p WHERE id = :q").param("p", other.position()).param("q", q.id()).update();
    }

    /**
     * The questions that may have answers: those added before the survey's latest response. (Answers
     * carry no index by question; responses have one by survey, and this is the safe side.)
     */
    Set<Long> answered(long surveyId) {
        // the latest per outlet, each read from the end of the (survey, outlet, time) index: a plain
        // MAX over the survey reads all of its responses (0.5 s for 10 million)
        OffsetDateTime latest = jdbc.sql("""
                SELECT MAX(latest) FROM (
                    SELECT (SELECT MAX(r.submitted_at) FROM survey_response r
                            WHERE r.survey_id = :s AND r.outlet_id = o.id) AS latest
                    FROM org_unit o WHERE o.kind = 'OUTLET'
                    UNION ALL
                    SELECT MAX(r.submitted_at) FROM survey_response r WHERE r.survey_id = :s AND r.outlet_id IS NULL) t""")
                .param("s", surveyId).query((rs, i) -> rs.getObject(1, OffsetDateTime.class)).list().getFirst();
        if (latest == null) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                SELECT id FROM survey_question WHERE survey_id = :s AND (added_at IS NULL OR added_at <= :latest)""")
                .param("s", surveyId).param("latest", latest).query(Long.class).list());
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, QuestionRules.Clean c) {
        return spec.param("sen", c.sectionEn()).param("szh", c.sectionZh()).param("t", c.type().name())
                .param("en", c.textEn()).param("zh", c.textZh()).param("oen", c.optionsEn()).param("ozh", c.optionsZh())
                .param("req", c.required()).param("purpose", c.purpose());
    }

    /** Own surveys get a random code; built-in instruments keep their library names. */
    private static String newCode() {
        String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        StringBuilder b = new StringBuilder("own-");
        for (int i = 0; i < 12; i++) {
            b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
