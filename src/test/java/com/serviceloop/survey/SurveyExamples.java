package com.serviceloop.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What several survey tests share: the README's SERVQUAL worked example, and folding everything into the daily aggregates. */
final class SurveyExamples {
    private SurveyExamples() {
    }

    /**
     * The two customers' answers of the README's worked example (see ServqualTest): expectation and
     * perception on statements 1, 2, 5, 10, 14, 18 and 19, and the importance points.
     */
    static List<Map<Long, Object>> servqualWorkedExample(List<Question> q) {
        int[] items = {1, 2, 5, 10, 14, 18, 19};
        int[][] e = {{6, 6}, {5, 7}, {7, 7}, {6, 6}, {6, 5}, {5, 5}, {6, 6}};
        int[][] p = {{5, 6}, {6, 6}, {5, 4}, {6, 5}, {6, 6}, {4, 5}, {5, 4}};
        int[][] points = {{10, 40, 20, 15, 15}, {10, 30, 20, 25, 15}};
        List<Map<Long, Object>> customers = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            Map<Long, Object> answers = new HashMap<>();
            for (int i = 0; i < items.length; i++) {
                answers.put(item(q, "EXPECTATION", items[i]).id(), e[i][c]);
                answers.put(item(q, "PERCEPTION", items[i]).id(), p[i][c]);
            }
            for (Dimension d : Dimension.values()) {
                answers.put(q.stream().filter(x -> "IMPORTANCE".equals(x.side()) && x.dimension() == d).findFirst()
                        .orElseThrow().id(), points[c][d.ordinal()]);
            }
            customers.add(answers);
        }
        return customers;
    }

    static Question item(List<Question> q, String side, int item) {
        return q.stream().filter(x -> side.equals(x.side()) && x.itemNo() != null && x.itemNo() == item).findFirst()
                .orElseThrow();
    }

    /** Folds every response into the daily aggregates (the job folds only responses a minute old). */
    static void rollUpEverything(TestClock clock, SurveyRollup rollup, JdbcClient jdbc) {
        clock.advance(Duration.ofMinutes(2));
        try {
            while (rollup.step() > 0) {
                // fold until nothing settled is left
            }
        } finally {
            clock.reset();
        }
        assertThat(rollup.mark()).isEqualTo(jdbc.sql("SELECT MAX(id) FROM survey_response").query(Long.class).single());
    }
}
