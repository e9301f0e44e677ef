package com.serviceloop.survey;

import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the designer accepts: a survey's own fields, a question, and the changes a survey and its
 * questions still take. A refusal of input names the form field it is about, so the designer's
 * pages show it next to that field; a refusal because of what is stored already is a conflict.
 */
final class QuestionRules {
    static final List<String> PURPOSES = List.of("OVERALL", "RECOMMEND", "ASK_BY_NAME");
    static final int MAX_QUESTIONS = 200;
    static final int MAX_CHOICES = 30;
    static final int MAX_CHOICE_LENGTH = 200;

    private QuestionRules() {
    }

    /** A checked question, ready to store. */
    record Clean(QuestionType type, String sectionEn, String sectionZh, String textEn, String textZh,
                 String optionsEn, String optionsZh, int choices, boolean required, String purpose) {
    }

    /** The kind of a new survey: CUSTOM unless a choosable one is given. */
    static String kindOfNew(String sent) {
        String kind = sent == null || sent.isBlank() ? SurveyKind.CUSTOM.name() : sent.strip();
        if (!SurveyKind.CHOOSABLE.contains(kind)) {
            throw BadInputException.of("kind", SurveyKind.SERVQUAL.is(kind) ? "error.survey.kindServqualByCopy"
                    : "error.survey.kindOneOf", String.join(", ", SurveyKind.CHOOSABLE));
        }
        return kind;
    }

    /** The kind after a change: the survey's own unless another is given, which must be choosable. */
    static String kindAfterChange(String sent, Survey s) {
        String kind = sent == null || sent.isBlank() ? s.kind() : sent.strip();
        if (!kind.equals(s.kind()) && SurveyKind.CLIMATE.is(s.kind())) {
            // a staff climate survey's answers are read only per outlet with enough of them; another kind would show them one by one
            throw BadInputException.of("kind", "error.climate.staysClimate");
        }
        if (!kind.equals(s.kind()) && (!SurveyKind.CHOOSABLE.contains(kind) || SurveyKind.SERVQUAL.is(s.kind()))) {
            throw SurveyKind.SERVQUAL.is(s.kind()) ? BadInputException.of("kind", "error.survey.staysServqual")
                    : BadInputException.of("kind", "error.survey.kindOneOf", String.join(", ", SurveyKind.CHOOSABLE));
        }
        return kind;
    }

    static String title(String s, String field) {
        String t = Text.blankToNull(s);
        if (t == null) {
            throw BadInputException.of(field, "error.survey.titleMissing");
        }
        if (t.length() > 200) {
            throw BadInputException.of(field, "error.survey.titleTooLong");
        }
        return t;
    }

    /** A built-in instrument keeps what the library installed; a manager changes a copy. */
    static void changeable(Survey s) {
        if (s.builtin()) {
            throw ConflictException.of("error.survey.builtin", String.valueOf(s.id()));
        }
    }

    /** Switched on, a survey's links take answers, and an answer needs a question. */
    static void canSwitchOn(List<Question> questions) {
        if (questions.isEmpty()) {
            throw BadInputException.of("active", "error.survey.noQuestions");
        }
    }

    static void roomForAnother(List<Question> all) {
        if (all.size() >= MAX_QUESTIONS) {
            throw BadInputException.of("questions", "error.survey.tooManyQuestions", String.valueOf(MAX_QUESTIONS));
        }
    }

    /**
     * A question that may have answers takes wording fixes only: answers store a rating or a
     * choice's number, which would mean something else after any other change.
     */
    static void changeAllowed(Question q, Clean c, boolean mayHaveAnswers) {
        if (!mayHaveAnswers) {
            return;
        }
        if (c.type() != q.qtype()) {
            throw answered(q, "error.survey.answeredType");
        }
        if (c.choices() != q.options(false).size()) {
            throw answered(q, "error.survey.answeredChoices");
        }
        if (!Objects.equals(c.purpose(), q.purpose())) {
            throw answered(q, "error.survey.answeredPurpose");
        }
    }

    static void deletable(Question q, boolean mayHaveAnswers) {
        if (mayHaveAnswers) {
            throw ConflictException.of("error.survey.questionNotDeletable", String.valueOf(q.position()),
                    String.valueOf(q.surveyId()));
        }
    }

    /** Whether a move goes up (towards the first question); anything but up or down is refused. */
    static boolean up(String direction) {
        boolean up = "up".equalsIgnoreCase(direction);
        if (!up && !"down".equalsIgnoreCase(direction)) {
            throw BadInputException.of("direction", "error.survey.direction");
        }
        return up;
    }

    /** The question a move swaps with; the first does not go up, nor the last down. */
    static Question neighbour(List<Question> all, Question q, boolean up) {
        int i = all.indexOf(q);
        int j = up ? i - 1 : i + 1;
        if (j < 0 || j >= all.size()) {
            throw BadInputException.of("direction", up ? "error.survey.alreadyFirst" : "error.survey.alreadyLast",
                    String.valueOf(q.position()));
        }
        return all.get(j);
    }

    /** The question as sent, checked against the one it changes (null for a new one) and the survey's others. */
    static Clean clean(QuestionForm f, Question current, List<Question> all) {
        QuestionType type = f.qtype();
        if (type == null) {
            throw BadInputException.of("qtype", "error.survey.qtypeMissing");
        }
        boolean item = current != null && current.dimension() != null;
        if (item && type != current.qtype()) {
            throw BadInputException.of("qtype", "error.survey.itemKeepsType", current.qtype().name());
        }
        if (type == QuestionType.POINTS && !item) {
            throw BadInputException.of("qtype", "error.survey.pointsServqualOnly");
        }
        String sectionEn = Text.blankToNull(f.sectionEn());
        String sectionZh = Text.blankToNull(f.sectionZh());
        if (sectionEn == null && sectionZh != null) {
            throw BadInputException.of("sectionEn", "error.survey.sectionBoth");
        }
        if (sectionZh == null && sectionEn != null) {
            throw BadInputException.of("sectionZh", "error.survey.sectionBoth");
        }
        String optionsEn = null;
        String optionsZh = null;
        int choices = 0;
        if (type == QuestionType.SINGLE || type == QuestionType.MULTI) {
            List<String> en = choices(f.optionsEn(), "optionsEn");
            List<String> zh = choices(f.optionsZh(), "optionsZh");
            if (en.size() != zh.size()) {
                throw BadInputException.of("optionsZh", "error.survey.choicesZhCount", String.valueOf(en.size()));
            }
            optionsEn = String.join("\n", en);
            optionsZh = String.join("\n", zh);
            choices = en.size();
        }
        String purpose = purpose(f.purpose(), type, item, current, all);
        return new Clean(type, sectionEn, sectionZh, text(f.textEn(), "textEn"), text(f.textZh(), "textZh"), optionsEn,
                optionsZh, choices, Boolean.TRUE.equals(f.required()), purpose);
    }

    /** The indicators read a purpose from one question each, so each purpose fits its question's type. */
    private static String purpose(String sent, QuestionType type, boolean item, Question current, List<Question> all) {
        String purpose = Text.blankToNull(sent);
        if (purpose == null) {
            return null;
        }
        if (!PURPOSES.contains(purpose)) {
            throw BadInputException.of("purpose", "error.survey.purposeOneOf", String.join(", ", PURPOSES));
        }
        if (item) {
            throw BadInputException.of("purpose", "error.survey.itemNoPurpose");
        }
        if (purpose.equals("OVERALL") && !type.isScale()) {
            throw BadInputException.of("purpose", "error.survey.overallScale");
        }
        if (purpose.equals("RECOMMEND") && type != QuestionType.SCALE_10) {
            throw BadInputException.of("purpose", "error.survey.recommendScale10");
        }
        if (purpose.equals("ASK_BY_NAME") && type != QuestionType.TEXT) {
            throw BadInputException.of("purpose", "error.survey.askByNameText");
        }
        for (Question other : all) {
            if (purpose.equals(other.purpose()) && (current == null || other.id() != current.id())) {
                throw BadInputException.of("purpose", "error.survey.purposeTaken", String.valueOf(other.position()));
            }
        }
        return purpose;
    }

    private static List<String> choices(String lines, String field) {
        List<String> out = new ArrayList<>();
        if (lines != null) {
            for (String line : lines.split("\r?\n|\r")) {
                String c = line.strip();
                if (c.isEmpty()) {
                    continue;
                }
                if (c.length() > MAX_CHOICE_LENGTH) {
                    throw BadInputException.of(field, "error.survey.choiceTooLong", String.valueOf(MAX_CHOICE_LENGTH));
                }
                if (out.contains(c)) {
                    throw BadInputException.of(field, "error.survey.choiceTwice", c);
                }
                out.add(c);
            }
        }
        if (out.size() < 2) {
            throw BadInputException.of(field, "error.survey.choicesTooFew");
        }
        if (out.size() > MAX_CHOICES) {
            throw BadInputException.of(field, "error.survey.choicesTooMany", String.valueOf(MAX_CHOICES));
        }
        if (String.join("\n", out).length() > 2000) {
            throw BadInputException.of(field, "error.survey.choicesTooLong");
        }
        return out;
    }

    private static String text(String s, String field) {
        String t = Text.blankToNull(s);
        if (t == null) {
            throw BadInputException.of(field, "error.survey.questionTextMissing");
        }
        if (t.length() > 500) {
            throw BadInputException.of(field, "error.survey.questionTextTooLong");
        }
        return t;
    }

    /** The message key says what cannot change; every such refusal names the question and how to copy its survey. */
    private static ConflictException answered(Question q, String messageKey) {
        return ConflictException.of(messageKey, String.valueOf(q.position()), String.valueOf(q.surveyId()));
    }
}
