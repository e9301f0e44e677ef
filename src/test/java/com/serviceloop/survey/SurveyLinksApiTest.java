package com.serviceloop.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/** Retiring a lost QR code, and the per-question figures, through the API. */
class SurveyLinksApiTest extends ApiTest {
    @Autowired SurveyRepository surveys;
    private Fixtures.Chain chain;
    private String manager;

    @BeforeEach
    void setUp() {
        fixtures.admin();
        chain = fixtures.chain();
        manager = token(fixtures.person(Role.MANAGER, chain.outletA().id()));
    }

    private String link(long survey) throws Exception {
        return body(postJson("/api/v1/surveys/" + survey + "/links", manager,
                Map.of("outletId", chain.outletA().id(), "channel", "QR")).andExpect(status().isCreated())).get("token").asText();
    }

    private ResultActions answer(String token, Map<String, Object> answers) throws Exception {
        return mvc.perform(post("/api/v1/public/surveys/" + token + "/responses").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("answers", answers, "submissionKey", Fixtures.unique("api")))));
    }

    private static List<String> column(JsonNode rows, String field) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            values.add(rows.get(i).get(field).asText());
        }
        return values;
    }

    @Test
    void aRetiredLinkIsRefusedUntilItIsTakenBackIntoUse() throws Exception {
        long survey = surveys.byCode("recommend").orElseThrow().id();
        String token = link(survey);
        String q = String.valueOf(surveys.questions(survey).getFirst().id());
        answer(token, Map.of(q, 9)).andExpect(status().isCreated());

        JsonNode retired = body(putJson("/api/v1/surveys/links/" + token + "/active", manager, Map.of("active", false))
                .andExpect(status().isOk()));
        assertThat(retired.get("active").asBoolean()).isFalse();
        mvc.perform(get("/api/v1/public/surveys/" + token)).andExpect(status().isNotFound());
        answer(token, Map.of(q, 10)).andExpect(status().isNotFound());
        // its answer so far still counts
        assertThat(body(getJson("/api/v1/surveys/" + survey + "/summary?outletId=" + chain.outletA().id(), manager))
                .get("responses").asLong()).isEqualTo(1);

        // staff may not retire links; a manager of another outlet does not see this one
        putJson("/api/v1/surveys/links/" + token + "/active", token(fixtures.person(Role.STAFF, chain.outletA().id())),
                Map.of("active", true)).andExpect(status().isForbidden());
        putJson("/api/v1/surveys/links/" + token + "/active", token(fixtures.person(Role.MANAGER, chain.outletB().id())),
                Map.of("active", true)).andExpect(status().isNotFound());
        putJson("/api/v1/surveys/links/" + token + "/active", manager, Map.of()).andExpect(status().isBadRequest());

        putJson("/api/v1/surveys/links/" + token + "/active", manager, Map.of("active", true)).andExpect(status().isOk());
        answer(token, Map.of(q, 10)).andExpect(status().isCreated());
    }

    @Test
    void eachQuestionHasItsAverageAndTheSpreadOfItsAnswers() throws Exception {
        long survey = surveys.byCode("post-visit").orElseThrow().id();
        String token = link(survey);
        List<Question> q = surveys.questions(survey);
        String overall = String.valueOf(q.get(0).id());
        String comeBack = String.valueOf(q.get(4).id());
        answer(token, Map.of(overall, 5, comeBack, 0)).andExpect(status().isCreated());
        answer(token, Map.of(overall, 4, comeBack, 0)).andExpect(status().isCreated());
        answer(token, Map.of(overall, 4, comeBack, 1)).andExpect(status().isCreated());
        answer(token, Map.of(overall, 2)).andExpect(status().isCreated());

        JsonNode stats = body(getJson("/api/v1/surveys/" + survey + "/questions/figures?outletId=" + chain.outletA().id()
                + "&language=zh", manager).andExpect(status().isOk()));
        // free text is left out: 7 questions, 2 of them text
        assertThat(stats.size()).isEqualTo(5);
        JsonNode first = stats.get(0);
        // 5 + 4 + 4 + 2 = 15 over 4 answers: 3.75; scale points 1 to 5 counted 0, 1, 0, 2, 1
        assertThat(first.get("answers").asLong()).isEqualTo(4);
        assertThat(first.get("mean").decimalValue()).isEqualByComparingTo("3.75");
        assertThat(column(first.get("bars"), "label")).containsExactly("1", "2", "3", "4", "5");
        assertThat(column(first.get("bars"), "count")).containsExactly("0", "1", "0", "2", "1");
        assertThat(column(first.get("bars"), "percent")).containsExactly("0", "25", "0", "50", "25");
        // a choice: 2 of 3 "certainly" (67 %), 1 "probably" (33 %), in the language asked for; no average
        JsonNode choice = stats.get(4);
        assertThat(choice.get("answers").asLong()).isEqualTo(3);
        assertThat(choice.path("mean").isNull() || choice.path("mean").isMissingNode()).isTrue();
        assertThat(column(choice.get("bars"), "label")).containsExactly("一定会", "可能会", "不确定", "可能不会");
        assertThat(column(choice.get("bars"), "percent")).containsExactly("67", "33", "0", "0");
        // nobody rated the waiting time
        assertThat(stats.get(2).get("answers").asLong()).isZero();
        assertThat(stats.get(2).path("mean").isNull() || stats.get(2).path("mean").isMissingNode()).isTrue();

        AppUser other = fixtures.person(Role.MANAGER, chain.outletB().id());
        getJson("/api/v1/surveys/" + survey + "/questions/figures?outletId=" + chain.outletA().id(), token(other))
                .andExpect(status().isNotFound());
    }
}
