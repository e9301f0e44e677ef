package com.serviceloop.survey;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The keyed refusals read in English exactly as before they had keys: MessageFormat must not eat a
 * quote, a brace or a typed value, nor group an id's digits.
 */
class SurveyRefusalWordingTest {
    private static final long SURVEY = 12_345;

    private static Question question(long id, QuestionType type) {
        return new Question(id, SURVEY, 3, null, null, type, "Rate us", "请评分", null, null, true, null, null, null, null);
    }

    private static QuestionForm form(QuestionType type, String textEn, String optionsEn) {
        return new QuestionForm(type, null, null, textEn, "中文", optionsEn, optionsEn, false, null, 1);
    }

    @Test
    void designerRefusalsKeepTheirWording() {
        Question q = question(7, QuestionType.SCALE_5);
        var twoChoices = new QuestionRules.Clean(QuestionType.SCALE_5, null, null, "t", "t", null, null, 2, true, null);
        assertThatThrownBy(() -> QuestionRules.changeAllowed(q, twoChoices, true)).hasMessage("Question 3 may already have "
                + "answers, so its number of choices cannot change (answers store the choice's number). Its texts, section, "
                + "choice labels and required flag can still be corrected. To ask it differently, copy the survey "
                + "(POST /api/v1/surveys/12345/copy) and change the copy.");
        assertThatThrownBy(() -> QuestionRules.deletable(q, true)).hasMessage("Question 3 may already have answers, so it "
                + "cannot be deleted: the stored answers would lose their question. Mark it not required, or copy the survey "
                + "(POST /api/v1/surveys/12345/copy) and leave it out of the copy.");
        Survey builtin = new Survey(SURVEY, "servqual", "SERVQUAL", "t", "t", null, null, true, BigDecimal.ONE, 1, true);
        assertThatThrownBy(() -> QuestionRules.changeable(builtin)).hasMessage("Survey 12345 is a built-in instrument and "
                + "is not changed; copy it (POST /api/v1/surveys/12345/copy) and change the copy");
        assertThatThrownBy(() -> QuestionRules.clean(form(QuestionType.SINGLE, "Which?", "It's {fine}\nIt's {fine}"), null,
                List.of())).hasMessage("The choice 'It's {fine}' is there twice");
        assertThatThrownBy(() -> QuestionRules.clean(form(QuestionType.SCALE_5, " ", null), null, List.of()))
                .hasMessage("Give the question's text");
        assertThatThrownBy(() -> QuestionRules.roomForAnother(Collections.nCopies(200, q)))
                .hasMessage("A survey has at most 200 questions");
        assertThatThrownBy(() -> QuestionRules.up("sideways")).hasMessage("Either up or down");
        assertThatThrownBy(() -> QuestionRules.neighbour(List.of(q), q, true)).hasMessage("Question 3 is already the first");
        assertThatThrownBy(() -> QuestionRules.kindOfNew("SERVQUAL")).hasMessageEndingWith(
                " (a SERVQUAL survey is made by copying the SERVQUAL instrument)");
    }

    @Test
    void answerRefusalsKeepTheirWording() {
        Question text = question(8, QuestionType.TEXT);
        Question scale = question(9, QuestionType.SCALE_5);
        assertThatThrownBy(() -> AnswerCheck.check(null, List.of(text), true))
                .hasMessage("Send the answers as an object: {\"<question id>\": value}");
        ObjectNode tooLong = JsonNodeFactory.instance.objectNode().put("8", "x".repeat(AnswerCheck.MAX_TEXT + 1));
        assertThatThrownBy(() -> AnswerCheck.check(tooLong, List.of(text), true))
                .hasMessage("Give text of at most 2000 characters");
        ObjectNode outOfRange = JsonNodeFactory.instance.objectNode().put("9", 6);
        assertThatThrownBy(() -> AnswerCheck.check(outOfRange, List.of(scale), true))
                .hasMessage("Give a whole number from 1 to 5");
        assertThatThrownBy(() -> AnswerCheck.check(JsonNodeFactory.instance.objectNode(), List.of(scale), true))
                .hasMessage("This question needs an answer");
    }
}
