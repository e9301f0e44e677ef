package com.serviceloop.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.TestClock;
import com.serviceloop.organisation.Role;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The five-gap worked example of the README (see FiveGapsTest), answered by customers, managers
 * and staff through public links made with the API, then read back per outlet, per region and
 * within a manager's scope, before and after the daily roll-up.
 */
class FiveGapsIntegrationTest extends ApiTest {
    private static final int[] ITEMS = {1, 5, 10, 14, 18};
    @Autowired SurveyRepository surveys;
    @Autowired SurveyRollup rollup;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;
    private Fixtures.Chain chain;
    private String adminToken;
    private String managerToken;

    @BeforeEach
    void setUp() {
        adminToken = token(fixtures.admin());
        chain = fixtures.chain();
        managerToken = token(fixtures.person(Role.MANAGER, chain.outletA().id()));
    }

    private long survey(String code) {
        return surveys.byCode(code).orElseThrow().id();
    }

    private String link(String code, long outletId) throws Exception {
        return body(postJson("/api/v1/surveys/" + survey(code) + "/links", managerToken, Map.of("outletId", outletId))
                .andExpect(status().isCreated())).get("token").asText();
    }

    private long question(String code, String side, int item) {
        return surveys.questions(survey(code)).stream()
                .filter(q -> side.equals(q.side()) && q.itemNo() != null && q.itemNo() == item).findFirst().orElseThrow().id();
    }

    private long question(String code, String side, Dimension d) {
        return surveys.questions(survey(code)).stream().filter(q -> side.equals(q.side()) && q.dimension() == d)
                .findFirst().orElseThrow().id();
    }

    private JsonNode answer(String token, Map<Long, Integer> answers) throws Exception {
        Map<String, Object> a = new HashMap<>();
        answers.forEach((k, v) -> a.put(String.valueOf(k), v));
        return body(mvc.perform(post("/api/v1/public/surveys/" + token + "/responses").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("answers", a, "submissionKey", UUID.randomUUID().toString()))))
                .andExpect(status().isCreated()));
    }

    /** The worked example, respondent by respondent: [respondent][dimension]. */
    private void answerTheWorkedExample() throws Exception {
        String customers = link("servqual", chain.outletA().id());
        int[][] e = {{6, 7, 6, 6, 5}, {6, 7, 6, 5, 6}};
        int[][] p = {{5, 5, 6, 6, 4}, {6, 4, 5, 6, 4}};
        for (int c = 0; c < 2; c++) {
            Map<Long, Integer> a = new HashMap<>();
            for (Dimension d : Dimension.values()) {
                a.put(question("servqual", "EXPECTATION", ITEMS[d.ordinal()]), e[c][d.ordinal()]);
                a.put(question("servqual", "PERCEPTION", ITEMS[d.ordinal()]), p[c][d.ordinal()]);
            }
            answer(customers, a);
        }
        String managers = link("gaps-management", chain.outletA().id());
        int[][] m = {{6, 5, 6, 6, 4}, {5, 6, 6, 7, 5}};
        int[][] s = {{6, 4, 5, 7, 3}, {6, 3, 6, 6, 4}};
        for (int r = 0; r < 2; r++) {
            Map<Long, Integer> a = new HashMap<>();
            for (Dimension d : Dimension.values()) {
                a.put(question("gaps-management", "PREDICTED", ITEMS[d.ordinal()]), m[r][d.ordinal()]);
                a.put(question("gaps-management", "STANDARD", d), s[r][d.ordinal()]);
            }
            JsonNode accepted = answer(managers, a);
            assertThat(accepted.get("satisfaction").isNull()).as("managers' ratings are not customer satisfaction").isTrue();
        }
        String staff = link("gaps-staff", chain.outletA().id());
        int[][] del = {{6, 4, 3, 6, 5}, {7, 5, 4, 6, 4}};
        int[] secondReliability = {6, 6};
        int[][] pro = {{7, 4, 5, 5, 6}, {7, 4, 4, 6, 6}};
        for (int r = 0; r < 2; r++) {
            Map<Long, Integer> a = new HashMap<>();
            for (Dimension d : Dimension.values()) {
                a.put(question("gaps-staff", "DELIVERY", d), del[r][d.ordinal()]);
                a.put(question("gaps-staff", "PROMISE", d), pro[r][d.ordinal()]);
            }
            a.put(question("gaps-staff", "DELIVERY", 4), secondReliability[r]);
            assertThat(answer(staff, a).get("satisfaction").isNull()).isTrue();
        }
    }

    private static List<Double> column(JsonNode result, String field) {
        return StreamSupport.stream(result.get("dimensions").spliterator(), false)
                .map(row -> row.get(field).isNull() ? null : row.get(field).asDouble()).toList();
    }

    private static void assertTheWorkedExample(JsonNode r) {
        assertThat(r.get("dimensions").size()).isEqualTo(5);
        assertThat(r.at("/dimensions/0/dimension").asText()).isEqualTo("TANGIBLES");
        assertThat(column(r, "gap1")).containsExactly(-0.5, -1.5, 0.0, 1.0, -1.0);
        assertThat(column(r, "gap2")).containsExactly(-1.0, -3.5, -1.5, -0.5, -3.5);
        assertThat(column(r, "gap3")).containsExactly(-0.5, -1.75, -3.5, -1.0, -2.5);
        assertThat(column(r, "gap4")).containsExactly(0.0, -3.0, -2.5, -1.5, -1.0);
        assertThat(column(r, "gap5")).containsExactly(-0.5, -2.5, -0.5, 0.5, -1.5);
        assertThat(r.at("/overall/gap1").asDouble()).isCloseTo(-0.4, within(1e-9));
        assertThat(r.at("/overall/gap2").asDouble()).isCloseTo(-2.0, within(1e-9));
        assertThat(r.at("/overall/gap3").asDouble()).isCloseTo(-1.85, within(1e-9));
        assertThat(r.at("/overall/gap4").asDouble()).isCloseTo(-1.6, within(1e-9));
        assertThat(r.at("/overall/gap5").asDouble()).isCloseTo(-0.9, within(1e-9));
        assertThat(r.at("/responses/customers").asLong()).isEqualTo(2);
        assertThat(r.at("/responses/management").asLong()).isEqualTo(2);
        assertThat(r.at("/responses/staff").asLong()).isEqualTo(2);
        assertThat(r.get("noData")).isEmpty();
    }

    private JsonNode fiveGaps(String query, String token) throws Exception {
        return body(getJson("/api/v1/surveys/five-gaps?" + query, token).andExpect(status().isOk()));
    }

    @Test
    void theWorkedExampleAnsweredThroughPublicLinksGivesTheHandComputedGaps() throws Exception {
        answerTheWorkedExample();
        assertTheWorkedExample(fiveGaps("outletId=" + chain.outletA().id(), managerToken));
        // the manager's whole scope is outlet A
        assertTheWorkedExample(fiveGaps("", managerToken));

        // the same figures once the responses are folded into the daily aggregates
        rollUpEverything();
        assertTheWorkedExample(fiveGaps("outletId=" + chain.outletA().id(), managerToken));

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertTheWorkedExample(fiveGaps("outletId=" + chain.outletA().id() + "&from=" + today + "&to=" + today, managerToken));
        JsonNode later = fiveGaps("outletId=" + chain.outletA().id() + "&from=" + today.plusDays(1), managerToken);
        assertThat(later.at("/responses/customers").asLong()).isZero();
        assertThat(later.get("noData").toString()).isEqualTo("[1,2,3,4,5]");
        assertThat(later.at("/overall/gap5").isNull()).isTrue();
    }

    @Test
    void aRegionAddsUpItsOutletsAndAManagerSeesOnlyTheirOwn() throws Exception {
        answerTheWorkedExample();
        // one more manager, at outlet B, rates every standard 7 and predicts 7 everywhere; no staff answer at B
        String managersB = body(postJson("/api/v1/surveys/" + survey("gaps-management") + "/links", adminToken,
                Map.of("outletId", chain.outletB().id())).andExpect(status().isCreated())).get("token").asText();
        Map<Long, Integer> sevens = new HashMap<>();
        for (Dimension d : Dimension.values()) {
            sevens.put(question("gaps-management", "PREDICTED", ITEMS[d.ordinal()]), 7);
            sevens.put(question("gaps-management", "STANDARD", d), 7);
        }
        answer(managersB, sevens);

        JsonNode b = fiveGaps("outletId=" + chain.outletB().id(), adminToken);
        assertThat(b.at("/responses/management").asLong()).isEqualTo(1);
        assertThat(b.get("noData").toString()).isEqualTo("[1,3,4,5]");
        assertThat(column(b, "gap2")).containsOnly(0.0);
        assertThat(column(b, "managementExpectation")).containsOnly(7.0);
        assertThat(column(b, "gap1")).containsOnlyNulls();

        JsonNode region = fiveGaps("regionId=" + chain.region().id(), adminToken);
        assertThat(region.at("/responses/management").asLong()).isEqualTo(3);
        assertThat(region.at("/responses/customers").asLong()).isEqualTo(2);
        // tangibles standard (6 + 6 + 7) / 3 − 7; tangibles estimate (6 + 5 + 7) / 3 = 6.0 against customers' 6.0
        assertThat(region.at("/dimensions/0/gap2").asDouble()).isCloseTo(19.0 / 3 - 7, within(1e-9));
        assertThat(region.at("/dimensions/0/gap1").asDouble()).isCloseTo(0.0, within(1e-9));
        assertThat(column(region, "gap5")).containsExactly(-0.5, -2.5, -0.5, 0.5, -1.5);

        // the manager of outlet A sees only outlet A: B's answer is not in their figures
        assertTheWorkedExample(fiveGaps("", managerToken));
        getJson("/api/v1/surveys/five-gaps?outletId=" + chain.outletB().id(), managerToken).andExpect(status().isNotFound());
        getJson("/api/v1/surveys/five-gaps?regionId=" + chain.region().id(), managerToken).andExpect(status().isNotFound());
        getJson("/api/v1/surveys/five-gaps?outletId=999999999", adminToken).andExpect(status().isNotFound());
        String staffToken = token(fixtures.person(Role.STAFF, chain.outletA().id()));
        getJson("/api/v1/surveys/five-gaps?outletId=" + chain.outletA().id(), staffToken).andExpect(status().isForbidden());
        String auditor = token(fixtures.person(Role.AUDITOR, chain.outletA().id()));
        assertTheWorkedExample(fiveGaps("outletId=" + chain.outletA().id(), auditor));
    }

    @Test
    void badFiltersAnswer400NamingTheField() throws Exception {
        String url = "/api/v1/surveys/five-gaps?";
        getJson(url + "from=2026-02-30", managerToken).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        getJson(url + "to=yesterday", managerToken).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        getJson(url + "from=2026-05-02&to=2026-05-01", managerToken).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        getJson(url + "outletId=A", managerToken).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outletId"));
        getJson(url + "outletId=" + chain.outletA().id() + "&regionId=" + chain.region().id(), adminToken)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("regionId"));
        getJson(url + "outletId=" + chain.region().id(), adminToken).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outletId"));
        getJson(url + "regionId=" + chain.outletA().id(), adminToken).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("regionId"));
    }

    @Test
    void theManagementItemsLineUpWithTheCustomersItems() {
        List<Question> customers = surveys.questions(survey("servqual")).stream()
                .filter(q -> "EXPECTATION".equals(q.side())).toList();
        List<Question> managers = surveys.questions(survey("gaps-management")).stream()
                .filter(q -> "PREDICTED".equals(q.side())).toList();
        assertThat(managers).hasSize(22);
        assertThat(managers).extracting(Question::itemNo).isEqualTo(customers.stream().map(Question::itemNo).toList());
        assertThat(managers).extracting(Question::dimension).isEqualTo(customers.stream().map(Question::dimension).toList());
        List<Question> staff = surveys.questions(survey("gaps-staff"));
        for (Dimension d : Dimension.values()) {
            assertThat(staff.stream().filter(q -> q.dimension() == d && "DELIVERY".equals(q.side()))).isNotEmpty();
            assertThat(staff.stream().filter(q -> q.dimension() == d && "PROMISE".equals(q.side()))).isNotEmpty();
            assertThat(surveys.questions(survey("gaps-management")).stream()
                    .filter(q -> q.dimension() == d && "STANDARD".equals(q.side()))).isNotEmpty();
        }
        assertThat(staff).allMatch(q -> q.qtype() == QuestionType.SCALE_7 && q.textZh() != null && !q.textZh().isBlank());
    }

    private void rollUpEverything() {
        SurveyExamples.rollUpEverything(clock, rollup, jdbc);
    }
}
