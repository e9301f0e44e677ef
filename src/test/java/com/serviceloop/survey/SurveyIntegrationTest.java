package com.serviceloop.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.TestClock;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

class SurveyIntegrationTest extends ApiTest {
    @Autowired SurveyRepository surveys;
    @Autowired SurveyRollup rollup;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;
    private Fixtures.Chain chain;
    private String managerToken;

    @BeforeEach
    void setUp() {
        fixtures.admin();
        chain = fixtures.chain();
        AppUser manager = fixtures.person(Role.MANAGER, chain.outletA().id());
        managerToken = token(manager);
    }

    private long survey(String code) {
        return surveys.byCode(code).orElseThrow().id();
    }

    private String link(String code, Map<String, Object> form) throws Exception {
        return body(postJson("/api/v1/surveys/" + survey(code) + "/links", managerToken, form)
                .andExpect(status().isCreated())).get("token").asText();
    }

    private ResultActions answer(String token, Object body) throws Exception {
        return mvc.perform(post("/api/v1/public/surveys/" + token + "/responses").contentType(MediaType.APPLICATION_JSON)
                .content(body instanceof String s ? s : json.writeValueAsString(body)));
    }

    private static Map<String, Object> submission(Map<Long, Object> answers) {
        Map<String, Object> m = new HashMap<>();
        Map<String, Object> a = new HashMap<>();
        answers.forEach((k, v) -> a.put(String.valueOf(k), v));
        m.put("answers", a);
        m.put("submissionKey", UUID.randomUUID().toString());
        return m;
    }

    private List<Question> questions(String code) {
        return surveys.questions(survey(code));
    }

    @Test
    void theBuiltInInstrumentsAreThere() throws Exception {
        JsonNode list = body(getJson("/api/v1/surveys", managerToken));
        assertThat(list.findValuesAsString("code")).contains("servqual", "post-visit", "recommend", "complaint-resolution",
                "internal", "suggestions");
        List<Question> sq = questions("servqual");
        assertThat(sq).hasSize(22 * 2 + 5);
        assertThat(sq.stream().filter(q -> "EXPECTATION".equals(q.side()) && q.dimension() == Dimension.RELIABILITY)).hasSize(5);
        assertThat(sq.stream().filter(q -> q.qtype() == QuestionType.POINTS)).hasSize(5);
    }

    @Test
    void aCustomerAnswersThroughTheOutletLinkOnceAndBadInputIsRefused() throws Exception {
        String token = link("post-visit", Map.of("outletId", chain.outletA().id(), "channel", "QR"));
        List<Question> q = questions("post-visit");
        mvc.perform(get("/api/v1/public/surveys/" + token + "?lang=en")).andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("How was your visit today?"))
                .andExpect(jsonPath("$.questions[4].options[0]").value("Certainly"));
        mvc.perform(get("/api/v1/public/surveys/" + token)).andExpect(jsonPath("$.title").value("今天的光顾体验如何？"));

        Map<String, Object> good = submission(Map.of(q.get(0).id(), 5, q.get(1).id(), 4, q.get(4).id(), 0,
                q.get(5).id(), "Ms Wang at the counter"));
        JsonNode accepted = body(answer(token, good).andExpect(status().isCreated()));
        // (5-1)/4 = 100 and (4-1)/4 = 75: index 87.5
        assertThat(accepted.get("satisfaction").asDouble()).isEqualTo(87.5);
        answer(token, good).andExpect(status().isConflict());

        answer("A".repeat(43), submission(Map.of(q.get(0).id(), 5))).andExpect(status().isNotFound());
        answer("not-a-token", submission(Map.of(q.get(0).id(), 5))).andExpect(status().isNotFound());
        answer(token, submission(Map.of(q.get(0).id(), 6))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("answers." + q.get(0).id()));
        answer(token, submission(Map.of(q.get(0).id(), "five"))).andExpect(status().isBadRequest());
        answer(token, submission(Map.of(q.get(4).id(), 9))).andExpect(status().isBadRequest());
        answer(token, submission(Map.of(999_999_999L, 1))).andExpect(status().isBadRequest());
        answer(token, submission(Map.of(q.get(6).id(), "x".repeat(2001)))).andExpect(status().isBadRequest());
        answer(token, "{\"answers\": {\"1\": [").andExpect(status().isBadRequest());
        answer(token, Map.of("answers", Map.of(), "submissionKey", "short")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("submissionKey"));
        answer(token, "{\"answers\":{},\"submissionKey\":\"" + "k".repeat(20) + "\",\"pad\":\"" + "x".repeat(70_000) + "\"}")
                .andExpect(status().isBadRequest());
        // the overall question is required on a complete response, not on a partial one
        answer(token, submission(Map.of(q.get(1).id(), 3))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("answers." + q.get(0).id()));
        Map<String, Object> partial = submission(Map.of(q.get(1).id(), 3));
        partial.put("complete", false);
        answer(token, partial).andExpect(status().isCreated()).andExpect(jsonPath("$.complete").value(false));

        JsonNode summary = body(getJson("/api/v1/surveys/" + survey("post-visit") + "/summary?outletId="
                + chain.outletA().id(), managerToken));
        assertThat(summary.get("responses").asLong()).isEqualTo(2);
        assertThat(summary.get("complete").asLong()).isEqualTo(1);
        assertThat(summary.get("askByName").asLong()).isEqualTo(1);
    }

    @Test
    void aRefusedAnswerIsWordedInTheCallersLanguage() throws Exception {
        String token = link("post-visit", Map.of("outletId", chain.outletA().id(), "channel", "QR"));
        long overall = questions("post-visit").getFirst().id();
        String outOfRange = json.writeValueAsString(submission(Map.of(overall, 6)));
        answer(token, outOfRange).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("Give a whole number from 1 to 5"));
        mvc.perform(post("/api/v1/public/surveys/" + token + "/responses").contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "zh-CN").content(outOfRange))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("answers." + overall))
                .andExpect(jsonPath("$.errors[0].message").value("请填写 1 到 5 之间的整数"))
                .andExpect(jsonPath("$.detail").value("answers." + overall + ": 请填写 1 到 5 之间的整数"));
    }

    @Test
    void anInvitationTakesOneResponse() throws Exception {
        long customer = fixtures.customer(fixtures.person(Role.STAFF, chain.outletA().id()), chain.outletA().id(), "Invited");
        JsonNode link = body(postJson("/api/v1/surveys/" + survey("recommend") + "/links", managerToken,
                Map.of("outletId", chain.outletA().id(), "channel", "EMAIL", "customerId", customer))
                .andExpect(status().isCreated()));
        assertThat(link.get("singleUse").asBoolean()).isTrue();
        assertThat(link.get("token").asText()).hasSize(43);
        long q = questions("recommend").getFirst().id();
        answer(link.get("token").asText(), submission(Map.of(q, 9))).andExpect(status().isCreated());
        answer(link.get("token").asText(), submission(Map.of(q, 10))).andExpect(status().isConflict());
        postJson("/api/v1/surveys/" + survey("recommend") + "/links", managerToken,
                Map.of("outletId", chain.outletB().id())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outletId"));
    }

    @Test
    void wouldRecommendIsPromotersMinusDetractors() throws Exception {
        String token = link("recommend", Map.of("outletId", chain.outletA().id()));
        long q = questions("recommend").getFirst().id();
        for (int score : new int[] {10, 9, 9, 8, 7, 6, 5, 10, 3, 9}) {
            answer(token, submission(Map.of(q, score))).andExpect(status().isCreated());
        }
        JsonNode s = body(getJson("/api/v1/surveys/" + survey("recommend") + "/summary?outletId=" + chain.outletA().id(),
                managerToken));
        // 5 promoters (9-10), 2 passives (7-8), 3 detractors (0-6): (5 - 3) / 10 = +20 points
        assertThat(s.get("promoters").asLong()).isEqualTo(5);
        assertThat(s.get("passives").asLong()).isEqualTo(2);
        assertThat(s.get("detractors").asLong()).isEqualTo(3);
        assertThat(s.get("recommendScore").asDouble()).isEqualTo(20.0);

        // folded into the daily aggregates, plus one newer response counted live: 6 promoters of 11
        rollUpEverything();
        assertThat(jdbc.sql("SELECT SUM(responses) FROM survey_daily WHERE survey_id = :s AND outlet_id = :o")
                .param("s", survey("recommend")).param("o", chain.outletA().id()).query(Long.class).single()).isEqualTo(10);
        answer(token, submission(Map.of(q, 10))).andExpect(status().isCreated());
        JsonNode after = body(getJson("/api/v1/surveys/" + survey("recommend") + "/summary?outletId=" + chain.outletA().id(),
                managerToken));
        assertThat(after.get("responses").asLong()).isEqualTo(11);
        assertThat(after.get("promoters").asLong()).isEqualTo(6);
        assertThat(after.get("recommendScore").asDouble()).isEqualTo(27.3); // (6 - 3) / 11
        JsonNode ranking = body(getJson("/api/v1/surveys/" + survey("recommend") + "/ranking", managerToken));
        assertThat(ranking.get(0).get("name").asText()).isEqualTo(chain.outletA().name());
        assertThat(ranking.get(0).get("responses").asLong()).isEqualTo(11);
        JsonNode trend = body(getJson("/api/v1/surveys/" + survey("recommend") + "/trend?period=DAY&outletId="
                + chain.outletA().id(), managerToken));
        assertThat(trend.findValues("responses").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(11);
    }

    @Test
    void anAnswerJustAfterMidnightInTheChainsZoneCountsOnThatDayLiveAndRolledUp() throws Exception {
        // 00:30 in Shanghai is 16:30 the day before in UTC: a figure that takes "today" or a day
        // from the server's zone puts this answer on the wrong day
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        ZonedDateTime now = ZonedDateTime.now(shanghai);
        ZonedDateTime halfPastMidnight = now.toLocalDate().atTime(0, 30).atZone(shanghai);
        if (halfPastMidnight.isAfter(now)) {
            halfPastMidnight = halfPastMidnight.minusDays(1);
        }
        LocalDate day = halfPastMidnight.toLocalDate();
        String token = link("recommend", Map.of("outletId", chain.outletA().id()));
        long q = questions("recommend").getFirst().id();
        String outlet = "outletId=" + chain.outletA().id();
        clock.advance(Duration.between(Instant.now(), halfPastMidnight.toInstant()));
        try {
            answer(token, submission(Map.of(q, 10))).andExpect(status().isCreated());
            JsonNode rates = body(getJson("/api/v1/surveys/" + survey("recommend") + "/rates?" + outlet, managerToken)
                    .andExpect(status().isOk()));
            assertThat(rates.get("to").asText()).isEqualTo(day.toString());
            assertThat(rates.at("/responseRate/part").asLong()).isEqualTo(1);
        } finally {
            clock.reset();
        }
        String thatDay = "&from=" + day + "&to=" + day;
        for (boolean rolledUp : new boolean[] {false, true}) {
            if (rolledUp) {
                rollUpEverything();
                assertThat(jdbc.sql("SELECT stat_day FROM survey_daily WHERE survey_id = :s AND outlet_id = :o")
                        .param("s", survey("recommend")).param("o", chain.outletA().id()).query(LocalDate.class).single())
                        .isEqualTo(day);
            }
            assertThat(body(getJson("/api/v1/surveys/" + survey("recommend") + "/summary?" + outlet + thatDay, managerToken))
                    .get("responses").asLong()).as("rolled up: " + rolledUp).isEqualTo(1);
            JsonNode trend = body(getJson("/api/v1/surveys/" + survey("recommend") + "/trend?period=DAY&" + outlet,
                    managerToken));
            assertThat(trend.findValues("period").stream().map(JsonNode::asText).toList())
                    .as("rolled up: " + rolledUp).containsExactly(day.toString());
        }
    }

    @Test
    void figuresComeForAnOutletOrARegionAndAWrongUnitIsRefused() throws Exception {
        String regionToken = token(fixtures.person(Role.MANAGER, chain.region().id()));
        long q = questions("recommend").getFirst().id();
        String a = body(postJson("/api/v1/surveys/" + survey("recommend") + "/links", regionToken,
                Map.of("outletId", chain.outletA().id())).andExpect(status().isCreated())).get("token").asText();
        String b = body(postJson("/api/v1/surveys/" + survey("recommend") + "/links", regionToken,
                Map.of("outletId", chain.outletB().id())).andExpect(status().isCreated())).get("token").asText();
        for (int score : new int[] {10, 9, 2}) {
            answer(a, submission(Map.of(q, score))).andExpect(status().isCreated());
        }
        answer(b, submission(Map.of(q, 10))).andExpect(status().isCreated());
        rollUpEverything();
        answer(b, submission(Map.of(q, 0))).andExpect(status().isCreated()); // counted live

        String base = "/api/v1/surveys/" + survey("recommend");
        JsonNode region = body(getJson(base + "/summary?regionId=" + chain.region().id(), regionToken));
        // A: 10, 9, 2 and B: 10, 0 -> 3 promoters, 2 detractors of 5: +20 points
        assertThat(region.get("responses").asLong()).isEqualTo(5);
        assertThat(region.get("recommendScore").asDouble()).isEqualTo(20.0);
        assertThat(body(getJson(base + "/summary?outletId=" + chain.outletB().id(), regionToken)).get("responses")
                .asLong()).isEqualTo(2);
        assertThat(body(getJson(base + "/trend?period=DAY&regionId=" + chain.region().id(), regionToken))
                .findValues("responses").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(5);
        assertThat(body(getJson(base + "/rates?regionId=" + chain.region().id(), regionToken)).toString()).contains("praise");

        getJson(base + "/summary?regionId=" + chain.region().id() + "&outletId=" + chain.outletA().id(), regionToken)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("regionId"));
        getJson(base + "/summary?regionId=" + chain.outletA().id(), regionToken)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("regionId"));
        getJson(base + "/rates?outletId=" + chain.region().id(), regionToken)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("outletId"));
        getJson(base + "/summary?from=2026-05-02&to=2026-05-01", regionToken)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
        // a manager of outlet A does not see the region, nor the other outlet
        getJson(base + "/summary?regionId=" + chain.region().id(), managerToken).andExpect(status().isNotFound());
        getJson(base + "/trend?outletId=" + chain.outletB().id(), managerToken).andExpect(status().isNotFound());
    }

    private void rollUpEverything() {
        SurveyExamples.rollUpEverything(clock, rollup, jdbc);
    }

    /** The README's worked example (see ServqualTest), answered through the public endpoint. */
    @Test
    void servqualFromStoredResponsesMatchesTheWorkedExample() throws Exception {
        String token = link("servqual", Map.of("outletId", chain.outletA().id(), "channel", "KIOSK"));
        List<Question> q = questions("servqual");
        for (Map<Long, Object> answers : SurveyExamples.servqualWorkedExample(q)) {
            answer(token, submission(answers)).andExpect(status().isCreated());
        }
        JsonNode s = body(getJson("/api/v1/surveys/" + survey("servqual") + "/servqual?outletId=" + chain.outletA().id(),
                managerToken));
        assertThat(s.get("items").findValues("gap").stream().map(JsonNode::asDouble).toList())
                .containsExactly(-0.5, 0.0, -2.5, -0.5, 0.5, -0.5, -1.5);
        assertThat(s.get("dimensions").findValues("gap").stream().map(JsonNode::asDouble).toList())
                .containsExactly(-0.25, -2.5, -0.5, 0.5, -1.0);
        assertThat(s.get("unweighted").asDouble()).isCloseTo(-0.75, within(1e-9));
        assertThat(s.get("weighted").asDouble()).isCloseTo(-1.05, within(1e-9));

        // the same figures once the responses are folded into the daily aggregates
        rollUpEverything();
        JsonNode folded = body(getJson("/api/v1/surveys/" + survey("servqual") + "/servqual?outletId=" + chain.outletA().id(),
                managerToken));
        assertThat(folded.get("dimensions").findValues("gap").stream().map(JsonNode::asDouble).toList())
                .containsExactly(-0.25, -2.5, -0.5, 0.5, -1.0);
        assertThat(folded.get("weighted").asDouble()).isCloseTo(-1.05, within(1e-9));

        Map<Long, Object> badPoints = new HashMap<>();
        q.stream().filter(x -> "IMPORTANCE".equals(x.side())).forEach(x -> badPoints.put(x.id(), 30));
        answer(token, submission(badPoints)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("100")));
    }

    @Test
    void aVeryNegativeResponseRaisesACaseForTheOutletManager() throws Exception {
        String token = link("post-visit", Map.of("outletId", chain.outletA().id()));
        List<Question> q = questions("post-visit");
        JsonNode bad = body(answer(token, submission(Map.of(q.get(0).id(), 1, q.get(1).id(), 1,
                q.get(6).id(), "Nobody at the counter for ten minutes"))).andExpect(status().isCreated()));
        assertThat(bad.get("satisfaction").asDouble()).isZero();
        long caseId = bad.get("caseId").asLong();
        JsonNode c = body(getJson("/api/v1/cases/" + caseId, managerToken).andExpect(status().isOk()));
        assertThat(c.get("channel").asText()).isEqualTo("SURVEY");
        assertThat(c.get("caseType").asText()).isEqualTo("COMPLAINT");
        assertThat(c.get("ownerName").asText()).startsWith("MANAGER");
        assertThat(c.get("description").asText()).contains("Nobody at the counter for ten minutes");
        JsonNode good = body(answer(token, submission(Map.of(q.get(0).id(), 4))).andExpect(status().isCreated()));
        assertThat(good.get("caseId").isNull()).isTrue();

        // the threshold holds for every outlet: the outlet's manager may not move it, the chain's manager may
        putJson("/api/v1/surveys/" + survey("post-visit") + "/case-threshold", managerToken, new HashMap<>())
                .andExpect(status().isForbidden());
        String chainManager = token(fixtures.person(Role.MANAGER, chain.chain().id()));
        putJson("/api/v1/surveys/" + survey("post-visit") + "/case-threshold", chainManager, Map.of("threshold", 101))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("threshold"));
        try {
            putJson("/api/v1/surveys/" + survey("post-visit") + "/case-threshold", chainManager,
                    whole(SurveyApi.ThresholdForm.class, Map.of()))
                    .andExpect(status().isOk());
            assertThat(body(answer(token, submission(Map.of(q.get(0).id(), 1)))).get("caseId").isNull()).isTrue();
        } finally {
            putJson("/api/v1/surveys/" + survey("post-visit") + "/case-threshold", chainManager, Map.of("threshold", 25));
        }
    }

    @Test
    void responsesExportAsCsvAndInvitationsGoOnlyToConsentingCustomersWithAnAddress() throws Exception {
        String token = link("recommend", Map.of("outletId", chain.outletA().id()));
        List<Question> q = questions("recommend");
        answer(token, submission(Map.of(q.get(0).id(), 9, q.get(1).id(), "Friendly, \"quick\", and clear"))).andExpect(status().isCreated());
        answer(token, submission(Map.of(q.get(0).id(), 4))).andExpect(status().isCreated());
        // anyone with the public link can write a comment a spreadsheet would run as a formula
        answer(token, submission(Map.of(q.get(0).id(), 7, q.get(1).id(), "=HYPERLINK(\"http://evil.example\",\"click\")")))
                .andExpect(status().isCreated());
        answer(token, submission(Map.of(q.get(0).id(), 8, q.get(1).id(), "-2+3"))).andExpect(status().isCreated());
        String csv = mvc.perform(get("/api/v1/surveys/" + survey("recommend") + "/responses/export?outletId=" + chain.outletA().id())
                .header("Authorization", "Bearer " + managerToken)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("\uFEFFresponse_id,submitted_at,outlet,channel,customer_id,language,complete,satisfaction,q1,q2");
        assertThat(lines.get(1)).endsWith(",9,\"Friendly, \"\"quick\"\", and clear\"");
        assertThat(lines.get(2)).endsWith(",4,");
        assertThat(lines.get(3)).endsWith(",7,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"");
        assertThat(lines.get(4)).endsWith(",8,'-2+3");
        // the same responses in Excel: scores are numbers, the time a date cell, formulas neutralised as in the CSV
        List<List<Object>> sheet = xlsx("/api/v1/surveys/" + survey("recommend") + "/responses/export.xlsx?outletId="
                + chain.outletA().id(), managerToken);
        assertThat(sheet).hasSize(5);
        assertThat(sheet.get(0)).containsExactly("response_id", "submitted_at", "outlet", "channel", "customer_id",
                "language", "complete", "satisfaction", "q1", "q2");
        assertThat(sheet.get(1).get(1)).isInstanceOf(LocalDateTime.class);
        assertThat(sheet.get(1).get(8)).isEqualTo(9.0);
        assertThat(sheet.get(1).get(9)).isEqualTo("Friendly, \"quick\", and clear");
        assertThat(sheet.get(3).get(9)).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"click\")");
        assertThat(sheet.get(4).get(9)).isEqualTo("'-2+3");

        String staff = token(fixtures.person(Role.STAFF, chain.outletA().id()));
        for (Object[] c : new Object[][] {{"Yes with mail", true, "yes@example.com"}, {"Yes no mail", true, ""},
                {"No consent", false, "no@example.com"}}) {
            Map<String, Object> form = new HashMap<>(Map.of("memberNo", Fixtures.unique("INV"), "name", c[0],
                    "homeOutletId", chain.outletA().id(), "consentSurvey", c[1]));
            if (!((String) c[2]).isEmpty()) {
                form.put("email", c[2]);
            }
            postJson("/api/v1/customers", staff, form).andExpect(status().isCreated());
        }
        JsonNode result = body(postJson("/api/v1/surveys/" + survey("post-visit") + "/invitations", managerToken,
                Map.of("outletId", chain.outletA().id())).andExpect(status().isOk()));
        assertThat(result.get("invited").asInt()).isEqualTo(1);
        assertThat(result.get("withoutConsent").asInt()).isEqualTo(1);
        assertThat(result.get("withoutEmail").asInt()).isEqualTo(1);
        // the invitation waits in the outbox as a plain-text mail with real line breaks and a one-time link
        String mail = jdbc.sql("SELECT payload FROM outbox WHERE channel = 'MAIL' AND target = 'yes@example.com' "
                + "ORDER BY id DESC").query(String.class).list().getFirst();
        assertThat(mail).startsWith("Yes with mail，您好！\n").contains("/s/").doesNotContain("\\n");
        postJson("/api/v1/surveys/" + survey("post-visit") + "/invitations", managerToken,
                Map.of("outletId", chain.outletB().id())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outletId"));
    }

    @Test
    void responsePraiseAndReturnRatesShowTheirParts() throws Exception {
        AppUser clerk = fixtures.person(Role.STAFF, chain.outletA().id());
        long twice = fixtures.customer(clerk, chain.outletA().id(), "Comes twice");
        long once = fixtures.customer(clerk, chain.outletA().id(), "Comes once");
        LocalDateTime today = LocalDate.now(ZoneId.of("Asia/Shanghai")).atTime(10, 0);
        for (Object[] v : new Object[][] {{twice, today}, {twice, today.plusHours(2)}, {once, today.plusHours(1)}}) {
            jdbc.sql("INSERT INTO visit (customer_id, outlet_id, visited_at, amount, items, dedup_key) VALUES (:c, :o, :t, 9, 1, :k)")
                    .param("c", v[0]).param("o", chain.outletA().id()).param("t", v[1]).param("k", UUID.randomUUID()).update();
        }
        String token = link("recommend", Map.of("outletId", chain.outletA().id()));
        long q = questions("recommend").getFirst().id();
        answer(token, submission(Map.of(q, 10))).andExpect(status().isCreated());
        answer(token, submission(Map.of(q, 5))).andExpect(status().isCreated());
        String invitation = link("recommend", Map.of("outletId", chain.outletA().id(), "customerId", twice));
        link("recommend", Map.of("outletId", chain.outletA().id(), "customerId", once)); // sent, not answered
        answer(invitation, submission(Map.of(q, 9))).andExpect(status().isCreated());

        JsonNode r = body(getJson("/api/v1/surveys/" + survey("recommend") + "/rates?outletId=" + chain.outletA().id(),
                managerToken).andExpect(status().isOk()));
        // 3 responses over 3 visits; 1 of 2 invitations answered; 2 promoters of 3; 1 of 2 customers came twice
        assertThat(r.at("/responseRate/part").asLong()).isEqualTo(3);
        assertThat(r.at("/responseRate/whole").asLong()).isEqualTo(3);
        assertThat(r.at("/responseRate/rate").asDouble()).isEqualTo(1.0);
        assertThat(r.at("/invitationResponseRate/rate").asDouble()).isEqualTo(0.5);
        assertThat(r.at("/praiseRate/rate").asDouble()).isEqualTo(0.6667);
        assertThat(r.at("/returnRate/part").asLong()).isEqualTo(1);
        assertThat(r.at("/returnRate/rate").asDouble()).isEqualTo(0.5);
        assertThat(r.at("/askByNameRate/rate").isNull()).isFalse();
        getJson("/api/v1/surveys/" + survey("recommend") + "/rates?from=2026-05-02&to=2026-05-01", managerToken)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
    }
}
