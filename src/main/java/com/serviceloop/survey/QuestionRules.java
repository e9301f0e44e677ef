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
            throw new BadInputException("kind", "One of " + String.join(", ", SurveyKind.CHOOSABLE)
                    + (SurveyKind.SERVQUAL.is(kind) ? " (a SERVQUAL survey is made by copying the SERVQUAL instrument)" : ""));
        }
        return kind;
    }

    /** The kind after a change: the survey's own unless another is given, which must be choosable. */
    static String kindAfterChange(String sent, Survey s) {
        String kind = sent == null || sent.isBlank() ? s.kind() : sent.strip();
        if (!kind.equals(s.kind()) && (!SurveyKind.CHOOSABLE.contains(kind) || SurveyKind.SERVQUAL.is(s.kind()))) {
            throw new BadInputException("kind", SurveyKind.SERVQUAL.is(s.kind()) ? "A SERVQUAL survey stays SERVQUAL"
                    : "One of " + String.join(", ", SurveyKind.CHOOSABLE));
        }
        return kind;
    }

    static String title(String s, String field) {
        String t = Text.blankToNull(s);
        if (t == null) {
            throw new BadInputException(field, "Give the survey a title");
        }
        if (t.length() > 200) {
            throw new BadInputException(field, "At most 200 characters");
        }
        return t;
    }

    /** A built-in instrument keeps what the library installed; a manager changes a copy. */
    static void changeable(Survey s) {
        if (s.builtin()) {
            throw new ConflictException("Survey " + s.id() + " is a built-in instrument and is not changed; copy it "
                    + "(POST /api/v1/surveys/" + s.id() + "/copy) and change the copy");
        }
    }

    /** Switched on, a survey's links take answers, and an answer needs a question. */
    static void canSwitchOn(List<Question> questions) {
        if (questions.isEmpty()) {
            throw new BadInputException("active", "Add at least one question before switching the survey on");
        }
    }

    static void roomForAnother(List<Question> all) {
        if (all.size() >= MAX_QUESTIONS) {
            throw new BadInputException("questions", "A survey has at most " + MAX_QUESTIONS + " questions");
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
            throw answered(q, "its answer type cannot change");
        }
        if (c.choices() != q.options(false).size()) {
            throw answered(q, "its number of choices cannot change (answers store the choice's number)");
        }
        if (!Objects.equals(c.purpose(), q.purpose())) {
            throw answered(q, "what the indicators read from it (its purpose) cannot change");
        }
    }

    static void deletable(Question q, boolean mayHaveAnswers) {
        if (mayHaveAnswers) {
            throw new ConflictException("Question " + q.position() + " may already have answers, so it cannot be deleted: "
                    + "the stored answers would lose their question. Mark it not required, or copy the survey "
                    + "(POST /api/v1/surveys/" + q.surveyId() + "/copy) and leave it out of the copy.");
        }
    }

    /** Whether a move goes up (towards the first question); anything but up or down is refused. */
    static boolean up(String direction) {
        boolean up = "up".equalsIgnoreCase(direction);
        if (!up && !"down".equalsIgnoreCase(direction)) {
            throw new BadInputException("direction", "Either up or down");
        }
        return up;
    }

    /** The question a move swaps with; the first does not go up, nor the last down. */
    static Question neighbour(List<Question> all, Question q, boolean up) {
        int i = all.indexOf(q);
        int j = up ? i - 1 : i + 1;
        if (j < 0 || j >= all.size()) {
            throw new BadInputException("direction", "Question " + q.position() + " is already the " + (up ? "first" : "last"));
        }
        return all.get(j);
    }

    /** The question as sent, checked against the one it changes (null for a new one) and the survey's others. */
    static Clean clean(QuestionForm f, Question current, List<Question> all) {
        QuestionType type = f.qtype();
        if (type == null) {
            throw new BadInputException("qtype", "Choose the answer type: SCALE_5, SCALE_7, SCALE_10, SINGLE, MULTI or TEXT");
        }
        boolean item = current != null && current.dimension() != null;
        if (item && type != current.qtype()) {
            throw new BadInputException("qtype", "A SERVQUAL question keeps its " + current.qtype()
                    + " answers, so that expectations, perceptions and importance compare");
        }
        if (type == QuestionType.POINTS && !item) {
            throw new BadInputException("qtype", "Importance points belong to the SERVQUAL instrument; copy it to use them");
        }
        String sectionEn = Text.blankToNull(f.sectionEn());
        String sectionZh = Text.blankToNull(f.sectionZh());
        if (sectionEn == null && sectionZh != null) {
            throw new BadInputException("sectionEn", "Give the section in both languages, or in neither");
        }
        if (sectionZh == null && sectionEn != null) {
            throw new BadInputException("sectionZh", "Give the section in both languages, or in neither");
        }
        String optionsEn = null;
        String optionsZh = null;
        int choices = 0;
        if (type == QuestionType.SINGLE || type == QuestionType.MULTI) {
            List<String> en = choices(f.optionsEn(), "optionsEn");
            List<String> zh = choices(f.optionsZh(), "optionsZh");
            if (en.size() != zh.size()) {
                throw new BadInputException("optionsZh", "Give as many Chinese choices as English ones (" + en.size()
                        + "), in the same order");
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
            throw new BadInputException("purpose", "One of " + String.join(", ", PURPOSES) + ", or none");
        }
        if (item) {
            throw new BadInputException("purpose", "A SERVQUAL question is read by the gap analysis; it has no purpose");
        }
        if (purpose.equals("OVERALL") && !type.isScale()) {
            throw new BadInputException("purpose", "The overall satisfaction question is a rating scale");
        }
        if (purpose.equals("RECOMMEND") && type != QuestionType.SCALE_10) {
            throw new BadInputException("purpose", "The would-recommend question is a 0-10 scale (SCALE_10)");
        }
        if (purpose.equals("ASK_BY_NAME") && type != QuestionType.TEXT) {
            throw new BadInputException("purpose", "The ask-by-name question is a free-text question");
        }
        for (Question other : all) {
            if (purpose.equals(other.purpose()) && (current == null || other.id() != current.id())) {
                throw new BadInputException("purpose", "Question " + other.position() + " already has this purpose");
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
                    throw new BadInputException(field, "A choice has at most " + MAX_CHOICE_LENGTH + " characters");
                }
                if (out.contains(c)) {
                    throw new BadInputException(field, "The choice '" + c + "' is there twice");
                }
                out.add(c);
            }
        }
        if (out.size() < 2) {
            throw new BadInputException(field, "Give at least 2 choices, one per line");
        }
        if (out.size() > MAX_CHOICES) {
            throw new BadInputException(field, "Give at most " + MAX_CHOICES + " choices");
        }
        if (String.join("\n", out).length() > 2000) {
            throw new BadInputException(field, "The choices have at most 2,000 characters together");
        }
        return out;
    }

    private static String text(String s, String field) {
        String t = Text.blankToNull(s);
        if (t == null) {
            throw new BadInputException(field, "Give the question's text");
        }
        if (t.length() > 500) {
            throw new BadInputException(field, "At most 500 characters");
        }
        return t;
    }

    private static ConflictException answered(Question q, String what) {
        return new ConflictException("Question " + q.position() + " may already have answers, so " + what
                + ". Its texts, section, choice labels and required flag can still be corrected. To ask it differently, "
                + "copy the survey (POST /api/v1/surveys/" + q.surveyId() + "/copy) and change the copy.");
    }
}
