package com.serviceloop.survey;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.platform.OutletScope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Per question: how many answered, the mean of a rating or points question, and how the answers
 * spread over its scale points or choices. Read from the answers of the filter's period.
 */
@Service
class QuestionFigures {
    private final JdbcClient jdbc;
    private final OrgService org;
    private final ZoneId zone;

    public QuestionFigures(JdbcClient jdbc, OrgService org,
                           @Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.org = org;
        this.zone = ZoneId.of(zone);
    }

    /** One scale point or choice: its label, how many gave it, their share of the question's answers in whole per cent. */
    public record Bar(String label, long count, long percent) {
    }

    /** A question's answers; the mean only for ratings and points, bars only for ratings and choices. */
    public record Stat(Question question, long answers, BigDecimal mean, List<Bar> bars) {
    }

    private record Counted(long questionId, BigDecimal number, String text, long n) {
    }

    /** Every question but free text, in the survey's order. */
    public List<Stat> stats(AppUser user, long surveyId, SurveyAnalysis.Filter f, List<Question> questions, boolean zh) {
        OutletScope scope = org.scopeOf(user);
        ResponseWhere w = ResponseWhere.of(surveyId, f, scope, zone);
        Map<Long, Map<String, Long>> counts = new HashMap<>();
        scope.bind(jdbc.sql("""
                        SELECT a.question_id, a.num_value, a.text_value, COUNT(*)
                        FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
                        JOIN survey_question q ON q.id = a.question_id
                        WHERE q.qtype <> 'TEXT' AND""" + w.sql() + " GROUP BY a.question_id, a.num_value, a.text_value"))
                .params(w.params())
                .query((rs, i) -> new Counted(rs.getLong(1), rs.getBigDecimal(2), rs.getString(3), rs.getLong(4)))
                .list().stream().filter(c -> c.number() != null || c.text() != null)
                .forEach(c -> counts.computeIfAbsent(c.questionId(), k -> new HashMap<>())
                        .merge(c.number() != null ? String.valueOf(c.number().intValue()) : c.text(), c.n(), Long::sum));
        List<Stat> stats = new ArrayList<>();
        for (Question q : questions) {
            if (q.qtype() != QuestionType.TEXT) {
                stats.add(stat(q, counts.getOrDefault(q.id(), Map.of()), zh));
            }
        }
        return stats;
    }

    /** The figures of one question from its answers counted by stored value (a number, or "0,2" for several choices). */
    static Stat stat(Question q, Map<String, Long> byValue, boolean zh) {
        long answers = byValue.values().stream().mapToLong(Long::longValue).sum();
        BigDecimal mean = null;
        if (q.qtype().isNumeric() && answers > 0) {
            long sum = byValue.entrySet().stream().mapToLong(e -> Long.parseLong(e.getKey()) * e.getValue()).sum();
            mean = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(answers), 2, RoundingMode.HALF_UP);
        }
        List<Bar> bars = new ArrayList<>();
        if (q.qtype().isScale()) {
            for (int v = q.qtype().min(); v <= q.qtype().max(); v++) {
                bars.add(bar(String.valueOf(v), byValue.getOrDefault(String.valueOf(v), 0L), answers));
            }
        } else if (q.qtype() == QuestionType.SINGLE || q.qtype() == QuestionType.MULTI) {
            long[] chosen = new long[q.options(zh).size()];
            byValue.forEach((value, n) -> {
                for (String c : value.split(",")) {
                    int i = Integer.parseInt(c.strip());
                    if (i >= 0 && i < chosen.length) {
                        chosen[i] += n;
                    }
                }
            });
            for (int i = 0; i < chosen.length; i++) {
                bars.add(bar(q.options(zh).get(i), chosen[i], answers));
            }
        }
        return new Stat(q, answers, mean, bars);
    }

    private static Bar bar(String label, long count, long answers) {
        return new Bar(label, count, answers == 0 ? 0 : Math.round(count * 100.0 / answers));
    }
}
