package com.serviceloop.survey;

import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.Text;
import jakarta.validation.constraints.Size;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Managers' own surveys: made from scratch or copied from any survey (a built-in instrument
 * included), their questions added, worded, moved and removed, and the survey switched on and off.
 * <p>
 * Three rules keep stored answers meaningful and edits from getting lost:
 * <ul>
 * <li>Built-in instruments are not changed (only switched on or off); a manager copies one.</li>
 * <li>Every change names the survey version it was made on and raises it; a change made on an older
 * version is refused (409), so two managers editing at once never overwrite each other.</li>
 * <li>A question that may have answers — a response to its survey came in after the question was
 * added — takes wording fixes only: its texts, section, choice labels (the same number of choices)
 * and the required flag. Its answer type, number of choices and purpose stay, and it cannot be
 * deleted (409): answers store a rating or a choice's number, which would mean something else
 * afterwards. To ask differently, copy the survey. Moving questions is always allowed: answers are
 * kept per question, not per position.</li>
 * </ul>
 * A new survey, and a copy, start switched off, so nobody answers a draft; its links work once it
 * is switched on.
 */
@Service
public class SurveyDesigner {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;
    private final SurveyRepository surveys;
    private final Clock clock;

    public SurveyDesigner(JdbcClient jdbc, SurveyRepository surveys, Clock clock) {
        this.jdbc = jdbc;
        this.surveys = surveys;
        this.clock = clock;
    }

    /** A survey as the designer shows it: its questions, and which of them may have answers already. */
    public record Design(Survey survey, List<Question> questions, Set<Long> answeredQuestionIds, boolean editable) {
    }

    public Design design(long id) {
        Survey s = surveys.get(id);
        return new Design(s, surveys.questions(id), answered(id), !s.builtin());
    }

    @Transactional
    public Survey create(SurveyForm f) {
        String kind = QuestionRules.kindOfNew(f.kind());
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO survey (code, kind, title_en, title_zh, intro_en, intro_zh, active, builtin)
                VALUES (:code, :kind, :ten, :tzh, :ien, :izh, FALSE, FALSE)""")
                .param("code", newCode()).param("kind", kind).param("ten", QuestionRules.title(f.titleEn(), "titleEn"))
                .param("tzh", QuestionRules.title(f.titleZh(), "titleZh")).param("ien", Text.blankToNull(f.introEn()))
                .param("izh", Text.blankToNull(f.introZh())).update(keys, "id");
        return surveys.get(keys.getKey().longValue());
    }

    /** Titles of the copy; both optional ("Copy of …" otherwise). */
    public record CopyForm(@Size(max = 200) String titleEn,
                           @Size(max = 200) String titleZh) {
    }

    /** A new, switched-off survey with the same texts and questions (SERVQUAL items and purposes included). */
    @Transactional
    public Survey copy(long id, CopyForm f) {
        Survey from = surveys.get(id);
        String en = f == null || f.titleEn() == null || f.titleEn().isBlank() ? cut("Copy of " + from.titleEn()) : f.titleEn().strip();
        String zh = f == null || f.titleZh() == null || f.titleZh().isBlank() ? cut(from.titleZh() + "（副本）") : f.titleZh().strip();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO survey (code, kind, title_en, title_zh, intro_en, intro_zh, case_threshold, active, builtin)
                VALUES (:code, :kind, :ten, :tzh, :ien, :izh, :threshold, FALSE, FALSE)""")
                .param("code", newCode()).param("kind", from.kind()).param("ten", en).param("tzh", zh)
                .param("ien", from.introEn()).param("izh", from.introZh()).param("threshold", from.caseThreshold())
                .update(keys, "id");
        long copy = keys.getKey().longValue();
        jdbc.sql("""
                INSERT INTO survey_question (survey_id, position, section_en, section_zh, qtype, text_en, text_zh, options_en,
                    options_zh, required, dimension, side, item_no, purpose, added_at)
                SELECT :copy, position, section_en, section_zh, qtype, text_en, text_zh, options_en, options_zh, required,
                       dimension, side, item_no, purpose, :now
                FROM survey_question WHERE survey_id = :from""")
                .param("copy", copy).param("now", OffsetDateTime.now(clock)).param("from", id).update();
        return surveys.get(copy);
    }

    @Transactional
    public Survey update(long id, SurveyForm f) {
        Survey s = editable(id, f.version());
        String kind = QuestionRules.kindAfterChange(f.kind(), s);
        jdbc.sql("""
                UPDATE survey SET kind = :kind, title_en = :ten, title_zh = :tzh, intro_en = :ien, intro_zh = :izh
                WHERE id = :id""")
                .param("kind", kind).param("ten", QuestionRules.title(f.titleEn(), "titleEn"))
                .param("tzh", QuestionRules.title(f.titleZh(), "titleZh"))
                .param("ien", Text.blankToNull(f.introEn())).param("izh", Text.blankToNull(f.introZh()))
                .param("id", id).update();
        return surveys.get(id);
    }

    /**
     * Switches a survey on (its links take answers) or off (its links answer 404 as if switched off).
     * Built-in instruments too. The version is checked when given.
     */
    @Transactional
    public Survey setActive(long id, boolean active, Integer version) {
        Survey s = surveys.get(id);
        if (version != null) {
            bump(s, version);
        } else {
            jdbc.sql("UPDATE survey SET version = version + 1 WHERE id = :id").param("id", id).update();
        }
        if (active) {
            QuestionRules.canSwitchOn(surveys.questions(id));
        }
        jdbc.sql("UPDATE survey SET active = :a WHERE id = :id").param("a", active).param("id", id).update();
        return surveys.get(id);
    }

    @Transactional
    public Question addQuestion(long id, QuestionForm f) {
        Survey s = editable(id, f.version());
        List<Question> all = surveys.questions(id);
        QuestionRules.roomForAnother(all);
        QuestionRules.Clean c = QuestionRules.clean(f, null, all);
        var keys = new GeneratedKeyHolder();
        bind(jdbc.sql("""
                INSERT INTO survey_question (survey_id, position, section_en, section_zh, qtype, text_en, text_zh, options_en,
                    options_zh, required, purpose, added_at)
                VALUES (:s, :p, :sen, :szh, :t, :en, :zh, :oen, :ozh, :req, :purpose, :now)"""), c)
                .param("s", s.id()).param("p", all.isEmpty() ? 1 : all.getLast().position() + 1)
                .param("now", OffsetDateTime.now(clock)).update(keys, "id");
        return question(id, keys.getKey().longValue());
    }

    @Transactional
    public Question updateQuestion(long id, long questionId, QuestionForm f) {
        surveys.get(id);
        Question q = question(id, questionId);
        editable(id, f.version());
        QuestionRules.Clean c = QuestionRules.clean(f, q, surveys.questions(id));
        QuestionRules.changeAllowed(q, c, answered(id).contains(questionId));
        bind(jdbc.sql("""
                UPDATE survey_question SET section_en = :sen, section_zh = :szh, qtype = :t, text_en = :en, text_zh = :zh,
                    options_en = :oen, options_zh = :ozh, required = :req, purpose = :purpose
                WHERE id = :q"""), c).param("q", questionId).update();
        return question(id, questionId);
    }

    @Transactional
    public void deleteQuestion(long id, long questionId, Integer version) {
        surveys.get(id);
        Question q = question(id, questionId);
        editable(id, version);
        QuestionRules.deletable(q, answered(id).contains(questionId));
        jdbc.sql("DELETE FROM survey_question WHERE id = :q").param("q", questionId).update();
        // close the gap; through negative numbers, as (survey, position) is unique at every row
        jdbc.sql("UPDATE survey_question SET position = -(position - 1) WHERE survey_id = :s AND position > :p")
                .param("s", id).param("p", q.position()).update();
        jdbc.sql("UPDATE survey_question SET position = -position WHERE survey_id = :s AND position < 0")
                .param("s", id).update();
    }

    /** Swaps a question with the one before (up) or after (down) it. */
    @Transactional
    public void move(long id, long questionId, String direction, Integer version) {
        surveys.get(id);
        Question q = question(id, questionId);
        boolean up = QuestionRules.up(direction);
        editable(id, version);
        Question other = QuestionRules.neighbour(surveys.questions(id), q, up);
        jdbc.sql("UPDATE survey_question SET position = 0 WHERE id = :q").param("q", q.id()).update();
        jdbc.sql("UPDATE survey_question SET position = :p WHERE id = :q").param("p", q.position()).param("q", other.id()).update();
        jdbc.sql("UPDATE survey_question SET position = :p WHERE id = :q").param("p", other.position()).param("q", q.id()).update();
    }

    public Question question(long surveyId, long questionId) {
        return surveys.questions(surveyId).stream().filter(q -> q.id() == questionId).findFirst()
                .orElseThrow(() -> new NotFoundException("Question", questionId));
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

    /** The survey, if a manager may change it and the change is made on its current version (which it raises). */
    private Survey editable(long id, Integer version) {
        Survey s = surveys.get(id);
        QuestionRules.changeable(s);
        bump(s, version);
        return s;
    }

    /**
     * Raises the version if it is still the one the change was made on. The update also locks the
     * survey's row until the change commits, so concurrent changes to one survey go one at a time.
     */
    private void bump(Survey s, Integer version) {
        if (version == null) {
            throw new BadInputException("version", "Send the survey's version as you last read it");
        }
        if (jdbc.sql("UPDATE survey SET version = version + 1 WHERE id = :id AND version = :v")
                .param("id", s.id()).param("v", version).update() == 0) {
            throw new ConflictException("Survey " + s.id() + " was changed by someone else since version " + version
                    + "; reload it and make your change again");
        }
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, QuestionRules.Clean c) {
        return spec.param("sen", c.sectionEn()).param("szh", c.sectionZh()).param("t", c.type().name())
                .param("en", c.textEn()).param("zh", c.textZh()).param("oen", c.optionsEn()).param("ozh", c.optionsZh())
                .param("req", c.required()).param("purpose", c.purpose());
    }

    private static String cut(String title) {
        return title.length() <= 200 ? title : title.substring(0, 200);
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
