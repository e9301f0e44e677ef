package com.serviceloop.survey;

import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.Rows;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SurveyRepository {
    private static final String SURVEY = "SELECT id, code, kind, title_en, title_zh, intro_en, intro_zh, active, "
            + "case_threshold, version, builtin FROM survey";
    private final JdbcClient jdbc;

    public SurveyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Survey> all() {
        return jdbc.sql(SURVEY + " ORDER BY id").query(Rows.of(Survey.class)).list();
    }

    public Survey get(long id) {
        return jdbc.sql(SURVEY + " WHERE id = :id").param("id", id).query(Rows.of(Survey.class)).optional()
                .orElseThrow(() -> new NotFoundException("Survey", id));
    }

    /**
     * The survey as a public submission reads it (for its case threshold), by the version read with
     * the link: like the questions, a change is in force on every instance from the next request on.
     */
    @Cacheable("surveys")
    public Survey get(long id, int version) {
        return get(id);
    }

    public Optional<Survey> byCode(String code) {
        return jdbc.sql(SURVEY + " WHERE code = :c").param("c", code).query(Rows.of(Survey.class)).optional();
    }

    /** The questions as they are now (pages, exports, the designer). */
    public List<Question> questions(long surveyId) {
        return jdbc.sql("""
                SELECT id, survey_id, position, section_en, section_zh, qtype, text_en, text_zh, options_en, options_zh,
                       required, dimension, side, item_no, purpose
                FROM survey_question WHERE survey_id = :s ORDER BY position""")
                .param("s", surveyId).query(Rows.of(Question.class)).list();
    }

    /**
     * The questions for a public page or submission. Every change to a survey raises its version, and
     * the caller passes the version it read with the link, so an edit is in force on every instance
     * from the next request on rather than when a cached copy expires.
     */
    @Cacheable("survey-questions")
    public List<Question> questions(long surveyId, int version) {
        return questions(surveyId);
    }

    public boolean setCaseThreshold(long id, BigDecimal threshold) {
        return jdbc.sql("UPDATE survey SET case_threshold = :t, version = version + 1 WHERE id = :id")
                .param("t", threshold).param("id", id).update() == 1;
    }
}
