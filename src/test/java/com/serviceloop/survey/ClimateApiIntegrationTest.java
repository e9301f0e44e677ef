package com.serviceloop.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.LowLimits;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import com.serviceloop.survey.ClimateHistoryImport.PastAnswer;
import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * The climate survey answered through outlets' staff links like a public survey (so with its limits),
 * then read back per outlet: README's worked example, the 3-answer rule, quarters, scope, bad input,
 * and the answer-by-answer survey views refusing it.
 */
// the public answers' limits of LowLimits: 5 a minute per device
@LowLimits
class ClimateApiIntegrationTest extends ApiTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    @Autowired SurveyRepository surveys;
    @Autowired ClimateHistoryImport history;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    private Fixtures.Chain chain;
    private AppUser admin;
    private String adminToken;
    private String regionManager;

    @BeforeEach
    void setUp() {
        admin = fixtures.admin();
        adminToken = token(admin);
        chain = fixtures.chain();
        regionManager = token(fixtures.person(Role.MANAGER, chain.region().id()));
    }

    private long climate() {
        return surveys.byCode("climate").orElseThrow().id();
    }

    private List<Question> statements() {
        return surveys.questions(climate()).stream().sorted(Comparator.comparing(Question::itemNo)).toList();
    }

    private String staffLink(long outletId) throws Exception {
        return body(postJson("/api/v1/climate/links", regionManager, Map.of("outletId", outletId, "channel", "QR"))
                .andExpect(status().isCreated())).get("token").asText();
    }

    /** One colleague's answer through the public API, from an address of its own (the limits' table is shared). */
    private MockHttpServletResponse answer(String token, int[] ratings, Cookie device) throws Exception {
        List<Question> q = statements();
        Map<String, Object> answers = new HashMap<>();
        for (int i = 0; i < ratings.length; i++) {
            answers.put(String.valueOf(q.get(i).id()), ratings[i]);
        }
        String address = "10." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(256)
                + "." + (1 + ThreadLocalRandom.current().nextInt(254));
        var request = post("/api/v1/public/surveys/" + token + "/responses").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("answers", answers, "submissionKey", Fixtures.unique("climate"))))
                .with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                });
        if (device != null) {
            request.cookie(device);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    /** README's worked example at outlet A (three colleagues) and two answers at outlet B. */
    private void answerTheWorkedExample() throws Exception {
        String a = staffLink(chain.outletA().id());
        for (int[] respondent : ClimateIndexTest.WORKED_EXAMPLE) {
            MockHttpServletResponse r = answer(a, respondent, null);
            assertThat(r.getStatus()).isEqualTo(201);
            assertThat(json.readTree(r.getContentAsString()).get("satisfaction").isNull())
                    .as("staff ratings are not customer satisfaction").isTrue();
        }
        String b = staffLink(chain.outletB().id());
        for (int i = 0; i < 2; i++) {
            assertThat(answer(b, new int[] {7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7}, null).getStatus()).isEqualTo(201);
        }
    }

    private JsonNode results(String query, String token) throws Exception {
        return body(getJson("/api/v1/climate/results?" + query, token).andExpect(status().isOk()));
    }

    private static List<Double> indexes(JsonNode dimensions) {
        return StreamSupport.stream(dimensions.spliterator(), false)
                .map(d -> d.get("index").isNull() ? null : d.get("index").asDouble()).toList();
    }

    private JsonNode row(JsonNode result, long outletId) {
        return StreamSupport.stream(result.get("outlets").spliterator(), false)
                .filter(o -> o.get("outletId").asLong() == outletId).findFirst().orElseThrow();
    }

    @Test
    void theWorkedExampleGivesTheHandComputedIndexAndTwoAnswersStayHidden() throws Exception {
        answerTheWorkedExample();
        JsonNode r = results("unit=" + chain.region().id(), regionManager);
        assertThat(r.get("quarter").asText()).isEqualTo(Quarter.of(LocalDate.now(clock.withZone(ZONE))).toString());
        assertThat(r.get("minAnswers").asInt()).isEqualTo(3);
        assertThat(r.get("rule").asText()).contains("at least 3 colleagues");
        JsonNode a = row(r, chain.outletA().id());
        assertThat(a.get("answers").asLong()).isEqualTo(3);
        assertThat(a.get("shown").asBoolean()).isTrue();
        assertThat(a.get("index").asDouble()).isEqualTo(50.0);
        assertThat(a.at("/dimensions/0/dimension").asText()).isEqualTo("AWAY");
        assertThat(indexes(a.get("dimensions"))).containsExactly(25.0, 50.0, 75.0, 50.0, 75.0, 50.0, 25.0);
        // outlet B: two answers of all sevens, neither shown nor in the total
        JsonNode b = row(r, chain.outletB().id());
        assertThat(b.get("answers").asLong()).isEqualTo(2);
        assertThat(b.get("shown").asBoolean()).isFalse();
        assertThat(b.get("index").isNull()).isTrue();
        assertThat(indexes(b.get("dimensions"))).containsOnlyNulls();
        assertThat(r.at("/overall/answers").asLong()).isEqualTo(3);
        assertThat(r.at("/overall/outletsShown").asInt()).isEqualTo(1);
        assertThat(r.at("/overall/outletsHidden").asInt()).isEqualTo(1);
        assertThat(r.at("/overall/index").asDouble()).isEqualTo(50.0);
        assertThat(r.get("items")).hasSize(14);
        assertThat(r.at("/items/0/mean").asDouble()).isEqualTo(2.67);
        assertThat(r.at("/items/0/index").asDouble()).isEqualTo(27.8);
        assertThat(r.at("/items/8/index").asDouble()).isEqualTo(88.9);
        assertThat(r.at("/items/0/text").asText()).startsWith("When the manager is not in");

        // outlet B alone: nothing to show, and the API says so
        JsonNode onlyB = results("unit=" + chain.outletB().id(), regionManager);
        assertThat(onlyB.at("/overall/index").isNull()).isTrue();
        assertThat(onlyB.at("/overall/outletsHidden").asInt()).isEqualTo(1);
        assertThat(onlyB.get("items")).isEmpty();

        // anonymous: the responses carry no person and no customer
        assertThat(jdbc.sql("SELECT COUNT(*) FROM survey_response WHERE survey_id = :s AND outlet_id IN (:o) "
                        + "AND staff_id IS NULL AND customer_id IS NULL")
                .param("s", climate()).param("o", List.of(chain.outletA().id(), chain.outletB().id())).query(Long.class)
                .single()).isEqualTo(5);

        // an outlet's manager sees their own outlet, and nothing of the other
        String managerA = token(fixtures.person(Role.MANAGER, chain.outletA().id()));
        JsonNode own = results("", managerA);
        assertThat(own.get("outlets")).hasSize(1);
        assertThat(own.at("/overall/index").asDouble()).isEqualTo(50.0);
        getJson("/api/v1/climate/results?unit=" + chain.outletB().id(), managerA).andExpect(status().isNotFound());
        getJson("/api/v1/climate/results?unit=" + chain.region().id(), managerA).andExpect(status().isNotFound());
        String auditor = token(fixtures.person(Role.AUDITOR, chain.region().id()));
        assertThat(results("unit=" + chain.region().id(), auditor).at("/overall/index").asDouble()).isEqualTo(50.0);
        getJson("/api/v1/climate/results?unit=" + chain.chain().id(), auditor).andExpect(status().isNotFound());
        getJson("/api/v1/climate/results", token(fixtures.person(Role.STAFF, chain.outletA().id())))
                .andExpect(status().isForbidden());
        // in Chinese: the rule and the statements
        JsonNode zh = body(call(get("/api/v1/climate/results?unit=" + chain.region().id()).header("Accept-Language", "zh-CN"),
                regionManager).andExpect(status().isOk()));
        assertThat(zh.get("rule").asText()).contains("至少有 3 位同事作答");
        assertThat(zh.at("/items/0/text").asText()).startsWith("店长不在店里时");
    }

    @Test
    void anEarlierQuarterMakesATrendAndCanBeChosen() throws Exception {
        Quarter now = Quarter.of(LocalDate.now(clock.withZone(ZONE)));
        Quarter before = now.plus(-1);
        List<PastAnswer> past = new ArrayList<>();
        List<Integer> fives = Collections.nCopies(14, 5);
        for (int i = 0; i < 3; i++) {
            past.add(new PastAnswer(chain.outletA().id(), before.start(ZONE).plusDays(10 + i), fives));
        }
        past.add(new PastAnswer(chain.outletB().id(), before.start(ZONE).plusDays(12), fives));
        assertThat(history.load(admin, past)).isEqualTo(4);
        answerTheWorkedExample();

        JsonNode r = results("unit=" + chain.region().id(), regionManager);
        assertThat(r.get("quarters").toString()).isEqualTo("[\"" + now + "\",\"" + before + "\"]");
        assertThat(r.get("trend")).hasSize(2);
        // all fives: (5 − 1) / 6 × 100 = 66.7, then the worked example's 50.0
        assertThat(r.at("/trend/0/quarter").asText()).isEqualTo(before.toString());
        assertThat(r.at("/trend/0/index").asDouble()).isEqualTo(66.7);
        assertThat(r.at("/trend/0/outletsHidden").asInt()).isEqualTo(1);
        assertThat(r.at("/trend/1/index").asDouble()).isEqualTo(50.0);
        JsonNode a = row(r, chain.outletA().id());
        assertThat(a.at("/trend/0/index").asDouble()).isEqualTo(66.7);
        assertThat(a.at("/trend/1/index").asDouble()).isEqualTo(50.0);
        JsonNode b = row(r, chain.outletB().id());
        assertThat(b.at("/trend/0/answers").asLong()).isEqualTo(1);
        assertThat(b.at("/trend/0/index").isNull()).isTrue();

        JsonNode earlier = results("unit=" + chain.region().id() + "&quarter=" + before, regionManager);
        assertThat(earlier.get("quarter").asText()).isEqualTo(before.toString());
        assertThat(earlier.at("/overall/index").asDouble()).isEqualTo(66.7);
        assertThat(row(earlier, chain.outletB().id()).get("shown").asBoolean()).isFalse();
        // a quarter without answers is a quarter of nothing, not an error
        JsonNode empty = results("unit=" + chain.region().id() + "&quarter=2001-Q1", regionManager);
        assertThat(empty.at("/overall/index").isNull()).isTrue();
        assertThat(empty.get("trend")).hasSize(1);
    }

    @Test
    void badInputAnswers400NamingTheField() throws Exception {
        String url = "/api/v1/climate/results?";
        for (String quarter : new String[] {"2026-Q5", "2026", "Q1-2026", "1999-Q4", "99999-Q1", "2026-Q1%00"}) {
            getJson(url + "quarter=" + quarter, regionManager).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("quarter"));
        }
        getJson(url + "unit=A", regionManager).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unit"));
        getJson(url + "unit=1.5", regionManager).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unit"));
        getJson(url + "unit=" + chain.teamA().id(), regionManager).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unit"));
        getJson(url + "unit=999999999999", adminToken).andExpect(status().isNotFound());

        String links = "/api/v1/climate/links";
        postJson(links, regionManager, Map.of()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outletId"));
        postJson(links, regionManager, "{\"outletId\": 1.5}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outletId"));
        postJson(links, regionManager, Map.of("outletId", chain.outletA().id(), "channel", "EMAIL"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("channel"));
        postJson(links, regionManager, Map.of("outletId", chain.outletA().id(), "channel", "Q\u0000R"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("channel"));
        Fixtures.Chain other = fixtures.chain();
        postJson(links, regionManager, Map.of("outletId", other.outletA().id())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outletId"));
        postJson(links, token(fixtures.person(Role.AUDITOR, chain.region().id())), Map.of("outletId", chain.outletA().id()))
                .andExpect(status().isForbidden());
        // the general link endpoint keeps a climate link a shared staff link too
        String general = "/api/v1/surveys/" + climate() + "/links";
        postJson(general, adminToken, Map.of()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outletId"));
        postJson(general, adminToken, Map.of("outletId", chain.outletA().id(), "singleUse", true))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("singleUse"));
        long customer = fixtures.customer(admin, chain.outletA().id(), "王小明");
        postJson(general, adminToken, Map.of("outletId", chain.outletA().id(), "customerId", customer))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("customerId"));
        postJson("/api/v1/surveys/" + climate() + "/invitations", adminToken, Map.of("outletId", chain.outletA().id()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("surveyId"));
        assertThat(body(getJson(links, regionManager).andExpect(status().isOk()))).isEmpty();
    }

    @Test
    void theAnswerByAnswerViewsOfASurveyRefuseTheClimateSurvey() throws Exception {
        answerTheWorkedExample();
        String base = "/api/v1/surveys/" + climate();
        for (String view : List.of("/summary", "/questions/figures", "/trend", "/ranking", "/rates", "/responses/export",
                "/report.pdf")) {
            // outlet B's two answers would be shown one by one; the caller's Accept does not matter
            MockHttpServletResponse r = mvc.perform(get(base + view + "?outletId=" + chain.outletB().id())
                    .header("Authorization", "Bearer " + regionManager).header("Accept", "*/*")).andReturn().getResponse();
            assertThat(r.getStatus()).as(view).isEqualTo(400);
            assertThat(json.readTree(r.getContentAsString()).at("/errors/0/field").asText()).as(view).isEqualTo("surveyId");
        }
        // a copy stays a climate survey: another kind would open those views
        JsonNode copy = body(postJson("/api/v1/surveys/" + climate() + "/copy", adminToken, "").andExpect(status().isCreated()));
        assertThat(copy.at("/survey/kind").asText()).isEqualTo("CLIMATE");
        putJson("/api/v1/surveys/" + copy.at("/survey/id").asLong(), adminToken, whole(SurveyForm.class, Map.of(
                "titleEn", "x", "titleZh", "x", "kind", "CUSTOM", "version", copy.at("/survey/version").asInt())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind"));
        // the survey itself, its questions and its links stay readable
        getJson(base, regionManager).andExpect(status().isOk());
        assertThat(body(getJson("/api/v1/climate/links", regionManager).andExpect(status().isOk()))).hasSize(2);
    }

    @Test
    void aStaffLinkTakesAnswersWithTheLimitsOfAnyPublicSurvey() throws Exception {
        String link = staffLink(chain.outletA().id());
        MockHttpServletResponse page = mvc.perform(get("/api/v1/public/surveys/" + link + "?lang=en")).andReturn().getResponse();
        assertThat(page.getContentAsString()).contains("Anonymous", "14 statements");
        Cookie device = page.getCookie(AnswerLimits.DEVICE_COOKIE);
        int[] fours = {4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4};
        for (int i = 0; i < 5; i++) {
            assertThat(answer(link, fours, device).getStatus()).isEqualTo(201);
        }
        MockHttpServletResponse refused = answer(link, fours, device);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isNotBlank();
        // every statement is required: a complete answer without one is refused, naming it
        long first = statements().getFirst().id();
        Map<String, Object> partial = new HashMap<>();
        statements().stream().skip(1).forEach(q -> partial.put(String.valueOf(q.id()), 4));
        mvc.perform(post("/api/v1/public/surveys/" + link + "/responses").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("answers", partial, "submissionKey", Fixtures.unique("part"))))
                        .with(r -> {
                            r.setRemoteAddr("10.250.1." + (1 + ThreadLocalRandom.current().nextInt(254)));
                            return r;
                        }))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("answers." + first));
        assertThat(results("unit=" + chain.outletA().id(), regionManager).at("/overall/index").asDouble()).isEqualTo(50.0);
    }
}
