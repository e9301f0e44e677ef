package com.serviceloop.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.organisation.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** The customer module's profile reads the SERVQUAL perceptions and question means through the survey's SPI. */
class ServiceProfileSurveyIntegrationTest extends ApiTest {
    @Autowired SurveyRepository surveys;
    private Fixtures.Chain chain;
    private String manager;

    @BeforeEach
    void setUp() {
        fixtures.admin();
        chain = fixtures.chain();
        manager = token(fixtures.person(Role.MANAGER, chain.outletA().id()));
    }

    private long perception(Dimension d) {
        long id = surveys.byCode("servqual").orElseThrow().id();
        return surveys.questions(id).stream().filter(q -> "PERCEPTION".equals(q.side()) && q.dimension() == d)
                .findFirst().orElseThrow().id();
    }

    private void answer(String token, Map<Long, Integer> answers) throws Exception {
        Map<String, Object> a = new HashMap<>();
        answers.forEach((k, v) -> a.put(String.valueOf(k), v));
        mvc.perform(post("/api/v1/public/surveys/" + token + "/responses").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("answers", a, "submissionKey", UUID.randomUUID().toString()))))
                .andExpect(status().isCreated());
    }

    @Test
    void theTeamsRatingIsComparedWithTheCustomersOwnScore() throws Exception {
        long servqual = surveys.byCode("servqual").orElseThrow().id();
        String link = body(postJson("/api/v1/surveys/" + servqual + "/links", manager,
                Map.of("outletId", chain.outletA().id())).andExpect(status().isCreated())).get("token").asText();
        long responsiveness = perception(Dimension.RESPONSIVENESS);
        long empathy = perception(Dimension.EMPATHY);
        // two customers: responsiveness 5 and 4 (mean 4.5), empathy 7 and 7
        answer(link, Map.of(responsiveness, 5, empathy, 7));
        answer(link, Map.of(responsiveness, 4, empathy, 7));

        Map<String, Object> p = new HashMap<>();
        p.put("statement", null);
        p.put("tradeArea", null);
        p.put("targetAgeBands", List.of());
        p.put("targetIncomeBands", List.of());
        p.put("targetEducations", List.of());
        p.put("targetSocialClasses", List.of());
        p.put("characteristics", List.of());
        p.put("silhouette", List.of());
        p.put("needs", List.of(Map.of("need", "TIME", "teamScore", 5, "dimension", "RESPONSIVENESS"),
                Map.of("need", "WELCOME", "teamScore", 5, "dimension", "EMPATHY"),
                Map.of("need", "HELP", "teamScore", 3, "questionId", responsiveness),
                Map.of("need", "COMFORT", "teamScore", 2, "dimension", "TANGIBLES")));
        p.put("version", 0);
        String url = "/api/v1/outlets/" + chain.outletA().id() + "/service-profile";
        putJson(url, manager, p).andExpect(status().isOk());

        JsonNode seen = body(getJson(url + "/silhouette", manager).andExpect(status().isOk())).get("perceptions");
        assertThat(seen.get("RESPONSIVENESS").decimalValue()).isEqualByComparingTo("4.50");
        assertThat(seen.get("EMPATHY").decimalValue()).isEqualByComparingTo("7.00");
        assertThat(seen.has("TANGIBLES")).isFalse();

        JsonNode needs = body(getJson(url + "/needs", manager).andExpect(status().isOk())).get("needs");
        // TIME: 4.5 on 1-7 -> 1 + 3.5 x 4 / 6 = 3.33; team 5 is 1.67 above -> disagree
        assertThat(needs.get(0).get("customerScore").decimalValue()).isEqualByComparingTo("3.33");
        assertThat(needs.get(0).get("disagree").asBoolean()).isTrue();
        // WELCOME: 7 -> 5.00; team 5 -> agree
        assertThat(needs.get(1).get("customerScore").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(needs.get(1).get("disagree").asBoolean()).isFalse();
        // HELP on the question itself (SCALE_7, two answers, mean 4.5) -> 3.33; team 3 -> 0.33 apart, agree
        assertThat(needs.get(2).get("customerScore").decimalValue()).isEqualByComparingTo("3.33");
        assertThat(needs.get(2).get("answers").asLong()).isEqualTo(2);
        assertThat(needs.get(2).get("disagree").asBoolean()).isFalse();
        // COMFORT: no tangibles answered -> no customers' score, no flag
        assertThat(needs.get(3).get("customerScore").isNull()).isTrue();
        assertThat(needs.get(3).get("disagree").asBoolean()).isFalse();
    }
}
