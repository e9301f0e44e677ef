package com.serviceloop.survey;

import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.NoNulCharacters;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Turns a submitted answers object {@code {"<question id>": value}} into checked answers, or
 * refuses it with a 400 naming the offending question. Nothing malformed gets through: unknown
 * questions, values of the wrong kind, out-of-range ratings or choices, text over 2,000
 * characters, importance points that do not add up to 100.
 */
final class AnswerCheck {
    static final int MAX_TEXT = 2000;

    private AnswerCheck() {
    }

    record Answer(long questionId, BigDecimal number, String text) {
    }

    static List<Answer> check(JsonNode answers, List<Question> questions, boolean complete) {
        if (answers == null || !answers.isObject()) {
            throw BadInputException.of("answers", "error.survey.answersNotObject");
        }
        if (answers.size() > questions.size()) {
            throw BadInputException.of("answers", "error.survey.answersTooMany");
        }
        Map<Long, Question> byId = new HashMap<>();
        questions.forEach(q -> byId.put(q.id(), q));
        List<Answer> out = new ArrayList<>();
        int points = 0;
        int pointQuestions = 0;
        Set<Long> answered = new HashSet<>();
        for (var e : answers.properties()) {
            String field = "answers." + e.getKey();
            Question q;
            try {
                q = byId.get(Long.parseLong(e.getKey()));
            } catch (NumberFormatException ex) {
                q = null;
            }
            if (q == null) {
                throw BadInputException.of(field, "error.survey.answerNoQuestion");
            }
            JsonNode v = e.getValue();
            if (v == null || v.isNull()) {
                continue; // a question left unanswered
            }
            Answer a = switch (q.qtype()) {
                case SCALE_5, SCALE_7, SCALE_10, POINTS -> {
                    if (!v.isIntegralNumber() || !v.canConvertToInt()
                            || v.asInt() < q.qtype().min() || v.asInt() > q.qtype().max()) {
                        throw BadInputException.of(field, "error.survey.answerRange", String.valueOf(q.qtype().min()),
                                String.valueOf(q.qtype().max()));
                    }
                    yield new Answer(q.id(), BigDecimal.valueOf(v.asInt()), null);
                }
                case SINGLE -> {
                    int n = q.options(false).size();
                    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0 || v.asInt() >= n) {
                        throw BadInputException.of(field, "error.survey.answerOneChoice", String.valueOf(n - 1));
                    }
                    yield new Answer(q.id(), BigDecimal.valueOf(v.asInt()), null);
                }
                case MULTI -> {
                    int n = q.options(false).size();
                    if (!v.isArray() || v.size() > n) {
                        throw BadInputException.of(field, "error.survey.answerChoiceList", String.valueOf(n - 1));
                    }
                    TreeSet<Integer> chosen = new TreeSet<>();
                    for (JsonNode c : v) {
                        if (!c.isIntegralNumber() || !c.canConvertToInt() || c.asInt() < 0 || c.asInt() >= n) {
                            throw BadInputException.of(field, "error.survey.answerChoiceList", String.valueOf(n - 1));
                        }
                        chosen.add(c.asInt());
                    }
                    yield new Answer(q.id(), null, String.join(",", chosen.stream().map(String::valueOf).toList()));
                }
                case TEXT -> {
                    if (!v.isTextual() || v.asText().length() > MAX_TEXT) {
                        throw BadInputException.of(field, "error.survey.answerTextTooLong", String.valueOf(MAX_TEXT));
                    }
                    String t = v.asText().strip();
                    if (NoNulCharacters.hasNul(t)) {
                        throw BadInputException.of(field, "error.platform.nul");
                    }
                    yield t.isEmpty() ? null : new Answer(q.id(), null, t);
                }
            };
            if (a == null) {
                continue;
            }
            if (q.qtype() == QuestionType.POINTS) {
                points += a.number().intValue();
                pointQuestions++;
            }
            answered.add(q.id());
            out.add(a);
        }
        long allPoints = questions.stream().filter(q -> q.qtype() == QuestionType.POINTS).count();
        if (pointQuestions > 0 && (pointQuestions == allPoints ? points != 100 : points > 100)) {
            throw BadInputException.of("answers", "error.survey.pointsSum", String.valueOf(points));
        }
        if (complete) {
            for (Question q : questions) {
                if (q.required() && !answered.contains(q.id())) {
                    throw BadInputException.of("answers." + q.id(), "error.survey.answerRequired");
                }
            }
        }
        return out;
    }
}
