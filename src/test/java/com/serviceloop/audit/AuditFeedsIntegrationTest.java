package com.serviceloop.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.Fixtures;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Audit results feed the standards' compliance, the blueprint step's satisfaction and the SQI. Worked example:
 * one step (Greeting, 90 % entered by hand) with two standards on it, audited three times at outlet A —
 *
 * <pre>
 * audit  greet within 30 s (MEASURED)  offer a seat (SCALE 0-4)
 *   1    25 s → 1 (met)                4 → 1    (met)
 *   2    31 s → 0 (missed)             2 → 0.5  (met: not below half)
 *   3    20 s → 1 (met)                1 → 0.25 (missed)
 * </pre>
 *
 * greet v1: 2 of 3 met = 66.67 %, mean score 2 / 3 = 0.6667; seat v1: 2 of 3 met = 66.67 %, mean score
 * (1 + 0.5 + 0.25) / 3 = 0.5833; the step: (1 + 1 + 0 + 0.5 + 1 + 0.25) / 6 items = 0.625, which replaces the
 * 0.9 entered by hand. Both standards linked to a failure type of weight 3: two misses, SQI 2 × 3 = 6.
 */
@Tag("db")
class AuditFeedsIntegrationTest extends AuditApiTest {
    @Autowired JdbcClient jdbc;
    @Autowired AuditHistoryImport history;
    @Autowired Clock clock;

    private long standardOnStep(String area, String behaviour, Integer target, String unit, long step) throws Exception {
        Map<String, Object> body = new HashMap<>(standardBody(area, behaviour, target, unit));
        body.put("blueprintStepId", step);
        return body(postJson("/api/v1/standards", admin, body).andExpect(status().isCreated())).at("/standard/id").asLong();
    }

    private String page(AppUser who, String url, String language) throws Exception {
        return mvc.perform(get(url).with(user(who)).header("Accept-Language", language).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private Map<String, Object> answerOf(long item, Map<String, Object> value) {
        return answer(item, "k-" + Fixtures.unique("a").toLowerCase().replaceAll("[^a-z0-9]", ""), value);
    }

    @Test
    void auditsFeedComplianceStepSatisfactionAndTheSqi() throws Exception {
        long blueprint = body(postJson("/api/v1/blueprints", admin, Map.of("outletType", type, "name", "Counter service"))
                .andExpect(status().isCreated())).get("id").asLong();
        long step = body(postJson("/api/v1/blueprints/" + blueprint + "/steps", admin,
                Map.of("name", "Greeting", "satisfaction", 0.9)).andExpect(status().isCreated())).get("id").asLong();
        long greetStd = standardOnStep("TIMELINESS", "Greet a customer at the counter within 30 seconds", 30, "SECONDS", step);
        long seatStd = standardOnStep("ATTENTIVENESS", "Offer a seat to older customers who wait", null, null, step);
        String failure = "AUDIT_" + Fixtures.unique("F").replaceAll("[^A-Z0-9]", "");
        putJson("/api/v1/sqi/failure-types", admin, Map.of("code", failure, "nameEn", "Counter standard missed",
                "nameZh", "柜台标准未达成", "weight", 3, "industry", "", "active", true)).andExpect(status().isOk());
        putJson("/api/v1/sqi/standard-links/" + greetStd, admin, Map.of("failureCode", failure)).andExpect(status().isOk())
                .andExpect(jsonPath("$.behaviour").value("Greet a customer at the counter within 30 seconds"))
                .andExpect(jsonPath("$.weight").value(3));
        putJson("/api/v1/sqi/standard-links/" + seatStd, admin, Map.of("failureCode", failure)).andExpect(status().isOk());

        long form = body(postJson("/api/v1/audit-forms", admin, Map.of("outletType", type, "name", "Counter"))
                .andExpect(status().isCreated())).get("formId").asLong();
        putJson("/api/v1/audit-forms/" + form + "/draft", admin, draft("Counter check", List.of(
                section("TIMELINESS", 1, List.of(item(greetStd, null, "MEASURED", 1, false, false, true))),
                section("ATTENTIVENESS", 1, List.of(item(seatStd, null, "SCALE", 1, false, false, true))))))
                .andExpect(status().isOk());
        postJson("/api/v1/audit-forms/" + form + "/publish", admin, "").andExpect(status().isOk());

        long[] audits = new long[2];
        Object[][] answers = {{25, 4}, {31, 2}};
        Map<String, Long> item = Map.of();
        for (int n = 0; n < 2; n++) {
            audits[n] = body(postJson("/api/v1/audits", admin, Map.of("outletId", outletA.id(), "formId", form)))
                    .get("id").asLong();
            String url = "/api/v1/audits/" + audits[n];
            item = items(body(getJson(url, admin)).get("form"));
            postJson(url + "/answers", admin, answerOf(item.get("Greet a customer at the counter within 30 seconds"),
                    Map.of("measured", answers[n][0]))).andExpect(status().isOk());
            postJson(url + "/answers", admin, answerOf(item.get("Offer a seat to older customers who wait"),
                    Map.of("scale", answers[n][1]))).andExpect(status().isOk());
            postJson(url + "/submit", admin, "").andExpect(status().isOk());
        }
        long greetItem = item.get("Greet a customer at the counter within 30 seconds");
        long seatItem = item.get("Offer a seat to older customers who wait");
        // the third audit comes through the set-based history import, as the demo's do
        OffsetDateTime yesterday = OffsetDateTime.now(clock).minusDays(1);
        long auditor = fixtures.person(Role.AUDITOR, region.id()).id();
        history.load(form, List.of(new AuditHistoryImport.PastAudit(outletA.id(), auditor, null, yesterday.minusHours(1),
                yesterday, null, List.of(new AuditHistoryImport.PastAnswer(greetItem, null, null, BigDecimal.valueOf(20), null,
                        false), new AuditHistoryImport.PastAnswer(seatItem, null, 1, null, null, false)), List.of())));

        JsonNode greet = body(getJson("/api/v1/standards/" + greetStd + "/compliance", admin)).get(0);
        assertThat(greet.get("events").asInt()).isEqualTo(3);
        assertThat(greet.get("met").asInt()).isEqualTo(2);
        assertThat(greet.get("rate").decimalValue()).isEqualByComparingTo("66.67");
        assertThat(greet.get("meanScore").decimalValue()).isEqualByComparingTo("0.6667");
        JsonNode seat = body(getJson("/api/v1/standards/" + seatStd + "/compliance", admin)).get(0);
        assertThat(seat.get("met").asInt()).isEqualTo(2);
        assertThat(seat.get("meanScore").decimalValue()).isEqualByComparingTo("0.5833");
        JsonNode measured = body(getJson("/api/v1/standards/" + greetStd + "/measurements", admin));
        assertThat(measured.findValuesAsString("source")).containsOnly("AUDIT");
        assertThat(measured.findValues("observedValue").stream().map(JsonNode::decimalValue).map(BigDecimal::intValue))
                .containsExactlyInAnyOrder(25, 31, 20);

        JsonNode greeting = body(getJson("/api/v1/blueprints/" + blueprint, admin)).at("/steps/0");
        assertThat(greeting.get("satisfaction").decimalValue()).isEqualByComparingTo("0.625");
        assertThat(greeting.get("enteredSatisfaction").decimalValue()).isEqualByComparingTo("0.9");
        assertThat(greeting.get("auditItems").asInt()).isEqualTo(6);
        assertThat(greeting.get("source").asText()).isEqualTo("AUDIT");
        assertThat(body(getJson("/api/v1/blueprints/" + blueprint + "/satisfaction", admin)).get("endToEnd").decimalValue())
                .isEqualByComparingTo("0.625");

        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        JsonNode events = body(getJson("/api/v1/sqi/events?outletId=" + outletA.id() + "&from=" + today.minusDays(3)
                + "&to=" + today.plusDays(1), admin)).get("items");
        List<JsonNode> ours = new ArrayList<>();
        events.forEach(e -> {
            if (e.get("failureCode").asText().equals(failure)) {
                ours.add(e);
            }
        });
        assertThat(ours).hasSize(2);
        assertThat(ours.stream().map(e -> e.get("note").asText()))
                .containsExactlyInAnyOrder("Greet a customer at the counter within 30 seconds",
                        "Offer a seat to older customers who wait");
        assertThat(ours.stream().mapToInt(e -> e.get("quantity").asInt() * e.get("weight").asInt()).sum()).isEqualTo(6);

        // the blueprint page names where the figure comes from; the settings page lists the links
        AppUser reader = fixtures.admin();
        assertThat(page(reader, "/blueprints/" + blueprint, "en")).contains("from 6 audited items in the last 90 days");
        assertThat(page(reader, "/blueprints/" + blueprint, "zh-CN")).contains("来自近90天审核的6个检查项");
        assertThat(page(reader, "/settings/cases", "en")).contains("Standards counted in the SQI",
                "Offer a seat to older customers who wait");
        assertThat(page(reader, "/settings/cases", "zh-CN")).contains("计入服务质量指数的标准", "柜台标准未达成");

        // an audit older than the step's window (90 days) counts in compliance, not in the step's satisfaction
        OffsetDateTime old = OffsetDateTime.now(clock).minusDays(200);
        history.load(form, List.of(new AuditHistoryImport.PastAudit(outletA.id(), auditor, null, old.minusHours(1), old,
                null, List.of(new AuditHistoryImport.PastAnswer(greetItem, null, null, BigDecimal.valueOf(45), null, false),
                new AuditHistoryImport.PastAnswer(seatItem, null, 0, null, null, false)), List.of())));
        assertThat(body(getJson("/api/v1/standards/" + greetStd + "/compliance", admin)).at("/0/events").asInt()).isEqualTo(4);
        assertThat(body(getJson("/api/v1/blueprints/" + blueprint, admin)).at("/steps/0/satisfaction").decimalValue())
                .isEqualByComparingTo("0.625");
    }

    @Test
    void linkingAStandardToTheSqiRefusesBadInput() throws Exception {
        String url = "/api/v1/sqi/standard-links/" + greet;
        putJson(url, admin, Map.of("failureCode", "NO_SUCH_TYPE")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("failureCode"));
        // a courier's failure type does not count in this (general) outlet type's industry
        putJson(url, admin, Map.of("failureCode", "LOST_ITEM")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("failureCode"));
        putJson(url, admin, Map.of("failureCode", "")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("failureCode"));
        putJson("/api/v1/sqi/standard-links/999999999", admin, Map.of("failureCode", "UNANSWERED_QUERY"))
                .andExpect(status().isNotFound());
        putJson(url, token(fixtures.person(Role.MANAGER, outletA.id())), Map.of("failureCode", "UNANSWERED_QUERY"))
                .andExpect(status().isForbidden());
        putJson(url, admin, Map.of("failureCode", "UNANSWERED_QUERY")).andExpect(status().isOk());
        // a miss measured by hand counts as well: greeted after 45 s against 30 s, one unanswered-query event
        postJson("/api/v1/standards/" + greet + "/measurements", admin, Map.of("outletId", outletA.id(), "observedValue", 45))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.met").value(false));
        postJson("/api/v1/standards/" + greet + "/measurements", admin, Map.of("outletId", outletA.id(), "observedValue", 20))
                .andExpect(status().isCreated());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sqi_event WHERE outlet_id = :o AND failure_code = 'UNANSWERED_QUERY' "
                + "AND note = 'Greet every customer within 30 seconds'").param("o", outletA.id()).query(Long.class).single())
                .isEqualTo(1L);
        assertThat(body(getJson("/api/v1/sqi/standard-links", admin)).findValuesAsString("failureCode"))
                .contains("UNANSWERED_QUERY");
        deleteJson(url, admin).andExpect(status().isNoContent());
        deleteJson(url, admin).andExpect(status().isNotFound());
    }
}
