package com.serviceloop.survey;

import com.serviceloop.platform.BadInputException;
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
            throw new BadInputException("answers", "Send the answers as an object: {\"<question id>\": value}");
        }
        if (answers.size() > questions.size()) {
            throw new BadInputException("answers", "More answers than the survey has questions");
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
                throw new BadInputException(field, "No such question in this survey");
            }
            JsonNode v = e.getValue();
            if (v == null || v.isNull()) {
                continue; // a question left unanswered
            }
            Answer a = switch (q.qtype()) {
                case SCALE_5, SCALE_7, SCALE_10, POINTS -> {
                    if (!v.isIntegralNumber() || !v.canConvertToInt()
                            || v.asInt() < q.qtype().min() || v.asInt() > q.qtype().max()) {
                        throw new BadInputException(field, "Give a whole number from " + q.qtype().min() + " to "
                                + q.qtype().max());
                    }
                    yield new Answer(q.id(), BigDecimal.valueOf(v.asInt()), null);
                }
                case SINGLE -> {
                    int n = q.options(false).size();
                    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0 || v.asInt() >= n) {
                        throw new BadInputException(field, "Give the number of one choice, 0 to " + (n - 1));
                    }
                    yield new Answer(q.id(), BigDecimal.valueOf(v.asInt()), null);
                }
                case MULTI -> {
                    int n = q.options(false).size();
                    if (!v.isArray() || v.size() > n) {
                        throw new BadInputException(field, "Give a list of choice numbers, 0 to " + (n - 1));
                    }
                    TreeSet<Integer> chosen = new TreeSet<>();
                    for (JsonNode c : v) {
                        if (!c.isIntegralNumber() || !c.canConvertToInt() || c.asInt() < 0 || c.asInt() >= n) {
                            throw new BadInputException(field, "Give a list of choice numbers, 0 to " + (n - 1));
                        }
                        chosen.add(c.asInt());
                    }
                    yield new Answer(q.id(), null, String.join(",", chosen.stream().map(String::valueOf).toList()));
                }
                case TEXT -> {
                    if (!v.isTextual() || v.asText().length() > MAX_TEXT) {
                        throw new BadInputException(field, "Give text of at most " + MAX_TEXT + " characters");
                    }
                    String t = v.asText().strip();
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
            throw new BadInputException("answers", "The importance points must add up to 100 (they add up to " + points + ")");
        }
        if (complete) {
            for (Question q : questions) {
                if (q.required() && !answered.contains(q.id())) {
                    throw new BadInputException("answers." + q.id(), "This question needs an answer");
                }
            }
        }
        return out;
    }
}
