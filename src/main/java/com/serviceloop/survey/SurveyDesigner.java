package com.serviceloop.survey;

import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.Text;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
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
class SurveyDesigner {
    private final SurveyRepository surveys;
    private final DesignerStore store;

    SurveyDesigner(SurveyRepository surveys, DesignerStore store) {
        this.surveys = surveys;
        this.store = store;
    }

    /** A survey as the designer shows it: its questions, and which of them may have answers already. */
    public record Design(Survey survey, List<Question> questions, Set<Long> answeredQuestionIds, boolean editable) {
    }

    public Design design(long id) {
        Survey s = surveys.get(id);
        return new Design(s, surveys.questions(id), store.answered(id), !s.builtin());
    }

    @Transactional
    public Survey create(SurveyForm f) {
        String kind = QuestionRules.kindOfNew(f.kind());
        long id = store.insert(kind, QuestionRules.title(f.titleEn(), "titleEn"), QuestionRules.title(f.titleZh(), "titleZh"),
                Text.blankToNull(f.introEn()), Text.blankToNull(f.introZh()));
        return surveys.get(id);
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
        return surveys.get(store.insertCopy(from, en, zh));
    }

    @Transactional
    public Survey update(long id, SurveyForm f) {
        Survey s = editable(id, f.version());
        String kind = QuestionRules.kindAfterChange(f.kind(), s);
        store.update(id, kind, QuestionRules.title(f.titleEn(), "titleEn"), QuestionRules.title(f.titleZh(), "titleZh"),
                Text.blankToNull(f.introEn()), Text.blankToNull(f.introZh()));
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
            store.raiseVersion(id);
        }
        if (active) {
            QuestionRules.canSwitchOn(surveys.questions(id));
        }
        store.setActive(id, active);
        return surveys.get(id);
    }

    @Transactional
    public Question addQuestion(long id, QuestionForm f) {
        Survey s = editable(id, f.version());
        List<Question> all = surveys.questions(id);
        QuestionRules.roomForAnother(all);
        QuestionRules.Clean c = QuestionRules.clean(f, null, all);
        return question(id, store.insertQuestion(s.id(), all.isEmpty() ? 1 : all.getLast().position() + 1, c));
    }

    @Transactional
    public Question updateQuestion(long id, long questionId, QuestionForm f) {
        surveys.get(id);
        Question q = question(id, questionId);
        editable(id, f.version());
        QuestionRules.Clean c = QuestionRules.clean(f, q, surveys.questions(id));
        QuestionRules.changeAllowed(q, c, store.answered(id).contains(questionId));
        store.updateQuestion(questionId, c);
        return question(id, questionId);
    }

    @Transactional
    public void deleteQuestion(long id, long questionId, Integer version) {
        surveys.get(id);
        Question q = question(id, questionId);
        editable(id, version);
        QuestionRules.deletable(q, store.answered(id).contains(questionId));
        store.deleteQuestion(q);
    }

    /** Swaps a question with the one before (up) or after (down) it. */
    @Transactional
    public void move(long id, long questionId, String direction, Integer version) {
        surveys.get(id);
        Question q = question(id, questionId);
        boolean up = QuestionRules.up(direction);
        editable(id, version);
        store.swap(q, QuestionRules.neighbour(surveys.questions(id), q, up));
    }

    public Question question(long surveyId, long questionId) {
        return surveys.questions(surveyId).stream().filter(q -> q.id() == questionId).findFirst()
                .orElseThrow(() -> new NotFoundException("Question", questionId));
    }

    /** The survey, if a manager may change it and the change is made on its current version (which it raises). */
    private Survey editable(long id, Integer version) {
        Survey s = surveys.get(id);
        QuestionRules.changeable(s);
        bump(s, version);
        return s;
    }

    /** Raises the version if it is still the one the change was made on. */
    private void bump(Survey s, Integer version) {
        if (version == null) {
            throw BadInputException.of("version", "error.survey.versionMissing");
        }
        if (!store.raiseVersion(s.id(), version)) {
            throw ConflictException.of("error.survey.changedMeanwhile", String.valueOf(s.id()), String.valueOf(version));
        }
    }

    private static String cut(String title) {
        return title.length() <= 200 ? title : title.substring(0, 200);
    }
}
