package com.serviceloop.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class EvaluationApiIntegrationTest extends ApiTest {
    @Autowired Clock clock;
    private String admin;
    private Fixtures.Chain chain;
    private long programme;
    private String url;

    @BeforeEach
    void setUp() throws Exception {
        admin = token(fixtures.admin());
        chain = fixtures.chain();
        programme = body(postJson("/api/v1/training/programmes", admin, Map.of("name", Fixtures.unique("处方药咨询"),
                "standardIds", List.of())).andExpect(status().isCreated())).get("id").asLong();
        url = "/api/v1/training/programmes/" + programme + "/evaluations";
    }

    private static Map<String, Object> form(List<Integer> scores, LocalDate on) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scores", scores);
        m.put("evaluatedOn", on == null ? null : on.toString());
        m.put("comment", "讲师举例很具体");
        return m;
    }

    /** README's worked example: three evaluations over two months, through the API. */
    @Test
    void anEvaluationIsTotalledGradedAndFlaggedAndTheSummaryMeansThemPerMonth() throws Exception {
        YearMonth first = YearMonth.now().minusMonths(2);
        YearMonth second = YearMonth.now().minusMonths(1);
        AppUser staffA = fixtures.person(Role.STAFF, chain.outletA().id());
        JsonNode one = body(postJson(url, token(staffA), form(EvaluationScoringTest.FIRST, first.atDay(10)))
                .andExpect(status().isCreated()));
        assertThat(one.get("total").asInt()).isEqualTo(73);
        assertThat(one.at("/band/labelEn").asString()).isEqualTo("fair");
        assertThat(one.get("improveNow").valueStream().map(JsonNode::asInt).toList()).containsExactly(7, 17, 18);
        assertThat(one.get("byManager").asBoolean()).isFalse();
        String managerA = token(fixtures.person(Role.MANAGER, chain.outletA().id()));
        postJson(url, managerA, form(EvaluationScoringTest.second(), first.atDay(25))).andExpect(status().isCreated())
                .andExpect(jsonPath("$.total").value(80)).andExpect(jsonPath("$.byManager").value(true));
        postJson(url, admin, form(EvaluationScoringTest.third(), second.atDay(3))).andExpect(status().isCreated())
                .andExpect(jsonPath("$.total").value(91)).andExpect(jsonPath("$.band.labelEn").value("excellent"));

        JsonNode s = body(getJson(url + "/summary", managerA).andExpect(status().isOk()));
        assertThat(s.get("evaluations").asInt()).isEqualTo(3);
        assertThat(s.get("meanTotal").decimalValue()).isEqualByComparingTo("81.3");
        assertThat(s.at("/band/labelZh").asString()).isEqualTo("良好");
        assertThat(s.at("/months/0/month").asString()).isEqualTo(first.toString());
        assertThat(s.at("/months/0/meanTotal").decimalValue()).isEqualByComparingTo("76.5");
        assertThat(s.at("/months/1/meanTotal").decimalValue()).isEqualByComparingTo("91.0");
        assertThat(s.at("/items/17/mean").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(s.get("improveNow").valueStream().map(JsonNode::asInt).toList()).containsExactly(18);
        getJson(url, managerA).andExpect(jsonPath("$.length()").value(3)).andExpect(jsonPath("$[0].total").value(91));

        // outlet B's evaluation is B's: A's manager does not see it; the administrator's (above the outlets) everyone sees
        String staffB = token(fixtures.person(Role.STAFF, chain.outletB().id()));
        postJson(url, staffB, form(EvaluationScoringTest.third(), null)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.evaluatedOn").value(LocalDate.now(clock).toString()));
        getJson(url + "/summary", managerA).andExpect(jsonPath("$.evaluations").value(3));
        getJson(url + "/summary", staffB).andExpect(jsonPath("$.evaluations").value(2));
        getJson(url + "/summary", admin).andExpect(jsonPath("$.evaluations").value(4));
        // an auditor may evaluate too
        String auditor = token(fixtures.person(Role.AUDITOR, chain.region().id()));
        postJson(url, auditor, form(EvaluationScoringTest.FIRST, null)).andExpect(status().isCreated());
        getJson("/api/v1/training/programmes/999999999/evaluations/summary", managerA).andExpect(status().isNotFound());
    }

    @Test
    void scoresOutsideOneToFiveFractionsNullsAndAbsurdDaysAreRefusedByField() throws Exception {
        String staff = token(fixtures.person(Role.STAFF, chain.outletA().id()));
        List<Integer> zero = new ArrayList<>(EvaluationScoringTest.FIRST);
        zero.set(4, 0);
        postJson(url, staff, form(zero, null)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("scores[4]"));
        List<Integer> six = new ArrayList<>(EvaluationScoringTest.FIRST);
        six.set(19, 6);
        postJson(url, staff, form(six, null)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("scores[19]"));
        postJson(url, staff, form(EvaluationScoringTest.FIRST.subList(0, 19), null)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("scores"));
        String good = json.writeValueAsString(form(EvaluationScoringTest.FIRST, null));
        postJson(url, staff, good.replace("[5,4,", "[4.5,4,")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("scores[0]"));
        postJson(url, staff, good.replace("[5,4,", "[null,4,")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("scores[0]"));
        postJson(url, staff, good.replace("讲师", "讲\u0000师")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("comment"));
        postJson(url, staff, form(EvaluationScoringTest.FIRST, LocalDate.now().plusDays(2))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("evaluatedOn"));
        postJson(url, staff, good.replace("\"evaluatedOn\":null", "\"evaluatedOn\":\"10000-01-01\""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("evaluatedOn"));
        getJson(url, staff).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void theChainSetsTheBandsAndTheThreshold() throws Exception {
        Map<String, Object> before = json.convertValue(body(getJson("/api/v1/training/grading", admin)), Map.class);
        assertThat(before.get("flagAt")).isEqualTo(2);
        String outletManager = token(fixtures.person(Role.MANAGER, chain.outletA().id()));
        try {
            putJson("/api/v1/training/grading", outletManager, before).andExpect(status().isForbidden());
            Map<String, Object> pass = Map.of("bands", List.of(Map.of("minTotal", 70, "labelEn", "pass", "labelZh", "通过"),
                    Map.of("minTotal", 20, "labelEn", "not yet", "labelZh", "未通过")), "flagAt", 3);
            putJson("/api/v1/training/grading", admin, pass).andExpect(status().isOk())
                    .andExpect(jsonPath("$.bands[0].minTotal").value(70)).andExpect(jsonPath("$.flagAt").value(3));
            postJson(url, token(fixtures.person(Role.STAFF, chain.outletA().id())), form(EvaluationScoringTest.FIRST, null))
                    .andExpect(jsonPath("$.band.labelEn").value("pass"))
                    .andExpect(jsonPath("$.improveNow.length()").value(7));
            putJson("/api/v1/training/grading", admin, Map.of("bands", List.of(Map.of("minTotal", 70, "labelEn", "a",
                    "labelZh", "甲"), Map.of("minTotal", 70, "labelEn", "b", "labelZh", "乙"), Map.of("minTotal", 20,
                    "labelEn", "c", "labelZh", "丙")), "flagAt", 2))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("bands"));
            putJson("/api/v1/training/grading", admin, Map.of("bands", List.of(Map.of("minTotal", 70, "labelEn", "a",
                    "labelZh", "甲"), Map.of("minTotal", 30, "labelEn", "b", "labelZh", "乙")), "flagAt", 2))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("bands"));
            putJson("/api/v1/training/grading", admin, Map.of("bands", List.of(Map.of("minTotal", 101, "labelEn", "a",
                    "labelZh", "甲"), Map.of("minTotal", 20, "labelEn", "b", "labelZh", "乙")), "flagAt", 2))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("bands[0].minTotal"));
            putJson("/api/v1/training/grading", admin, Map.of("bands", pass.get("bands"), "flagAt", 5))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("flagAt"));
        } finally {
            putJson("/api/v1/training/grading", admin, before).andExpect(status().isOk());
        }
        getJson("/api/v1/training/grading", outletManager).andExpect(jsonPath("$.bands.length()").value(4))
                .andExpect(jsonPath("$.bands[0].labelZh").value("优秀"));
    }
}
