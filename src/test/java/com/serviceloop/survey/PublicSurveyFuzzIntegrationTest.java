package com.serviceloop.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.organisation.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random payloads at the public endpoint: the service never answers 500, every 201 is one stored
 * response, and nothing stored breaks the question's rules. The rate limit is set low here so that
 * it is exercised too.
 */
@TestPropertySource(properties = "serviceloop.surveys.max-per-link-per-minute=40")
class PublicSurveyFuzzIntegrationTest extends ApiTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    @Autowired SurveyRepository surveys;
    @Autowired JdbcClient jdbc;

    @Test
    void randomPayloadsNeverBreakTheServiceOrTheData() throws Exception {
        fixtures.admin();
        Fixtures.Chain chain = fixtures.chain();
        String manager = token(fixtures.person(Role.MANAGER, chain.outletA().id()));
        Random rnd = new Random(20261125L);
        int created = 0;
        String token = null;
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String code = List.of("post-visit", "servqual", "recommend", "internal").get(i % 4);
            long surveyId = surveys.byCode(code).orElseThrow().id();
            if (i % 20 == 0 || token == null) {
                token = body(postJson("/api/v1/surveys/" + surveyId + "/links", manager,
                        Map.of("outletId", chain.outletA().id()))).get("token").asText();
                tokens.add(token);
            }
            String link = token;
            List<Question> questions = surveys.questions(
                    jdbc.sql("SELECT survey_id FROM survey_link WHERE token = :t").param("t", link).query(Long.class).single());
            String payload = rnd.nextInt(10) == 0 ? garbage(rnd) : payload(rnd, questions).toString();
            int status = mvc.perform(post("/api/v1/public/surveys/" + (rnd.nextInt(15) == 0 ? link.substring(1) + "x" : link)
                    + "/responses").contentType(MediaType.APPLICATION_JSON).content(payload)).andReturn().getResponse().getStatus();
            assertThat(status).as("payload %s", payload).isIn(201, 400, 404, 409, 429);
            created += status == 201 ? 1 : 0;
        }
        long stored = jdbc.sql("SELECT COUNT(*) FROM survey_response WHERE link_token IN (:t)").param("t", tokens)
                .query(Long.class).single();
        assertThat(stored).isEqualTo(created);
        assertThat(created).as("some random payloads are valid").isGreaterThan(20);
        // every stored number is within its question's range, every choice exists, every text fits
        long broken = jdbc.sql("""
                SELECT COUNT(*) FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
                JOIN survey_question q ON q.id = a.question_id
                WHERE r.link_token IN (:t) AND (
                   (q.qtype = 'SCALE_5' AND (a.num_value NOT BETWEEN 1 AND 5 OR a.num_value IS NULL))
                OR (q.qtype = 'SCALE_7' AND (a.num_value NOT BETWEEN 1 AND 7 OR a.num_value IS NULL))
                OR (q.qtype = 'SCALE_10' AND (a.num_value NOT BETWEEN 0 AND 10 OR a.num_value IS NULL))
                OR (q.qtype = 'POINTS' AND (a.num_value NOT BETWEEN 0 AND 100 OR a.num_value IS NULL))
                OR (q.qtype = 'TEXT' AND (a.text_value IS NULL OR LENGTH(a.text_value) > 2000))
                OR (q.qtype = 'SINGLE' AND a.num_value IS NULL))""").param("t", tokens).query(Long.class).single();
        assertThat(broken).isZero();
        long pointsOff = jdbc.sql("""
                SELECT COUNT(*) FROM (SELECT a.response_id, SUM(a.num_value) AS total, COUNT(*) AS n
                    FROM survey_answer a JOIN survey_question q ON q.id = a.question_id JOIN survey_response r ON r.id = a.response_id
                    WHERE q.qtype = 'POINTS' AND r.link_token IN (:t) GROUP BY a.response_id) x
                WHERE (x.n = 5 AND x.total <> 100) OR x.total > 100""").param("t", tokens).query(Long.class).single();
        assertThat(pointsOff).isZero();
        // a burst on one link beyond the limit is refused; the link's bucket refills over a minute,
        // so twice the limit plus a few overflows it however long the burst takes
        String busy = tokens.getLast();
        long q = surveys.questions(jdbc.sql("SELECT survey_id FROM survey_link WHERE token = :t").param("t", busy)
                .query(Long.class).single()).getFirst().id();
        int refused = 0;
        for (int i = 0; i < 85; i++) {
            int status = mvc.perform(post("/api/v1/public/surveys/" + busy + "/responses").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"answers\":{\"" + q + "\":1},\"submissionKey\":\"burst-" + i + "-xxxx\"}"))
                    .andReturn().getResponse().getStatus();
            refused += status == 429 ? 1 : 0;
        }
        assertThat(refused).isPositive();
    }

    /** Half of the payloads are well-formed answers (some questions skipped), half anything at all. */
    private static ObjectNode payload(Random rnd, List<Question> questions) {
        ObjectNode root = F.objectNode();
        ObjectNode answers = root.putObject("answers");
        boolean wild = rnd.nextBoolean();
        boolean allPoints = rnd.nextBoolean();
        for (Question q : questions) {
            boolean keep = q.required() || (q.qtype() == QuestionType.POINTS && allPoints) || rnd.nextInt(3) != 0;
            if (!keep) {
                continue;
            }
            String key = wild && rnd.nextInt(25) == 0 ? String.valueOf(rnd.nextLong()) : String.valueOf(q.id());
            answers.set(key, wild ? value(rnd, q) : valid(rnd, q));
        }
        if (rnd.nextInt(6) != 0) {
            root.put("submissionKey", "fuzz-" + Long.toHexString(rnd.nextLong()));
        }
        if (rnd.nextInt(4) == 0) {
            root.put("complete", rnd.nextBoolean());
        }
        if (rnd.nextInt(8) == 0) {
            root.put("language", List.of("zh", "en", "fr", "", "<b>").get(rnd.nextInt(5)));
        }
        return root;
    }

    private static JsonNode valid(Random rnd, Question q) {
        return switch (q.qtype()) {
            case TEXT -> F.textNode("Fine " + rnd.nextInt(100));
            case MULTI -> F.arrayNode().add(0);
            case SINGLE -> F.numberNode(rnd.nextInt(q.options(false).size()));
            case POINTS -> F.numberNode(20);
            default -> F.numberNode(q.qtype().min() + rnd.nextInt(q.qtype().max() - q.qtype().min() + 1));
        };
    }

    private static JsonNode value(Random rnd, Question q) {
        int kind = rnd.nextInt(10);
        return switch (kind) {
            case 0 -> F.textNode("x".repeat(rnd.nextInt(2100)));
            case 1 -> F.numberNode(rnd.nextLong());
            case 2 -> F.numberNode(rnd.nextDouble() * 10);
            case 3 -> F.nullNode();
            case 4 -> {
                ArrayNode a = F.arrayNode();
                for (int i = 0; i < rnd.nextInt(4); i++) {
                    a.add(rnd.nextInt(7) - 1);
                }
                yield a;
            }
            case 5 -> F.objectNode().put("nested", rnd.nextInt());
            case 6 -> F.booleanNode(rnd.nextBoolean());
            default -> valid(rnd, q);
        };
    }

    private static String garbage(Random rnd) {
        String[] bad = {"", "null", "[]", "{", "{\"answers\": 5}", "{\"answers\": {\"1\": 1}}", "\"text\"",
                "{\"answers\": {}, \"submissionKey\": 12345678901}", "{\"answers\": {\"" + "9".repeat(30) + "\": 1}, \"submissionKey\": \"abcdefghij\"}",
                "{\"answers\": [1,2,3], \"submissionKey\": \"abcdefghij\"}", new String(new char[] {0, 1, 2})};
        return bad[rnd.nextInt(bad.length)];
    }
}
