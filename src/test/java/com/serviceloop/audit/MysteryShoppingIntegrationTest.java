package com.serviceloop.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.Fixtures;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/**
 * Mystery shopping on the worked example's form: the shopper leaves out the photo and signature items and is
 * scored by the audit rules; a shopper sees only their own visits; the revisit, quota and proof rules refuse by field.
 */
@Tag("db")
class MysteryShoppingIntegrationTest extends AuditApiTest {
    private static final String API = "/api/v1/mystery";
    private long form;
    private AppUser blue;
    private String blueToken;
    private String nickname;

    @BeforeEach
    void shoppers() throws Exception {
        form = publishedForm();
        blue = fixtures.person(Role.SHOPPER, region.id());
        blueToken = token(blue);
        nickname = "小蓝" + Fixtures.unique("").substring(0, 6);
        putJson(API + "/shoppers/" + blue.id(), admin, Map.of("nickname", nickname)).andExpect(status().isOk());
    }

    private Map<String, Object> programme(LocalDate from, LocalDate to, int quota) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "Counter advice");
        m.put("objectives", "Does the counter advise a first-time customer well?");
        m.put("formId", form);
        m.put("windowFrom", from.toString());
        m.put("windowTo", to.toString());
        m.put("quotaPerMonth", quota);
        m.put("revisitMonths", null);
        m.put("outletIds", List.of(outletA.id(), outletB.id()));
        m.put("scenarios", List.of(Map.of("asksFor", "Something for a dry cough", "says", "It is for my mother, 70",
                "objection", "That is too expensive")));
        m.put("version", null);
        return m;
    }

    private JsonNode createProgramme(int quota) throws Exception {
        return body(postJson(API + "/programmes", admin, programme(LocalDate.now().minusDays(60), LocalDate.now().plusDays(60),
                quota)).andExpect(status().isCreated()));
    }

    private ResultActions assign(long programme, long outlet, long shopper, LocalDate on) throws Exception {
        return postJson(API + "/visits", admin, Map.of("programmeId", programme, "outletId", outlet, "shopperId", shopper,
                "plannedOn", on.toString()));
    }

    private ResultActions receipt(long visit, String token) throws Exception {
        return mvc.perform(multipart(API + "/my-visits/" + visit + "/receipt")
                .file(new MockMultipartFile("file", "receipt.png", "image/png", PNG)).header("Authorization", "Bearer " + token));
    }

    private Map<String, Object> visitTime() {
        Map<String, Object> m = new HashMap<>();
        m.put("visitedAt", OffsetDateTime.now().minusHours(1).withNano(0).toString());
        m.put("latitude", 31.2304);
        m.put("longitude", 121.4737);
        return m;
    }

    @Test
    void aShopperReportIsReturnedCorrectedAcceptedScoredLikeAnAuditAndDebriefed() throws Exception {
        JsonNode programme = createProgramme(2);
        long p = programme.get("id").asLong();
        long scenario = programme.at("/scenarios/0/id").asLong();
        long visit = body(postJson(API + "/visits", admin, Map.of("programmeId", p, "outletId", outletA.id(),
                "shopperId", blue.id(), "plannedOn", LocalDate.now().toString(), "scenarioId", scenario))
                .andExpect(status().isCreated())).get("id").asLong();
        String mine = API + "/my-visits/" + visit;

        // the shopper's view: scenario and the observable items only, no score anywhere
        JsonNode view = body(getJson(mine, blueToken).andExpect(status().isOk()));
        assertThat(view.at("/scenario/objection").asText()).isEqualTo("That is too expensive");
        assertThat(view.get("required").asInt()).isEqualTo(3);
        assertThat(view.toString()).doesNotContain("score").doesNotContain("Photo of the shop front");
        Map<String, Long> item = items(view);
        postJson(mine + "/answers", blueToken, answer(item.get("Greet every customer within 30 seconds"), "m-greet-001",
                Map.of("measured", 25))).andExpect(status().isOk());
        postJson(mine + "/answers", blueToken, answer(item.get("Smile and make eye contact when greeting"), "m-smile-001",
                Map.of("choice", "MET"))).andExpect(status().isOk());
        postJson(mine + "/answers", blueToken, answer(item.get("Counter tidy and stocked"), "m-tidy-0001",
                Map.of("scale", 2))).andExpect(status().isOk());

        // proof of visit comes first: the receipt, then the visit time
        postJson(mine + "/submit", blueToken, "").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("receipt"));
        receipt(visit, blueToken).andExpect(status().isOk());
        postJson(mine + "/submit", blueToken, "").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("visitedAt"));
        Map<String, Object> half = visitTime();
        half.put("longitude", null);
        putJson(mine + "/visit-time", blueToken, half).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("longitude"));
        putJson(mine + "/visit-time", blueToken, visitTime()).andExpect(status().isOk());
        // a review before submission is refused
        postJson(API + "/visits/" + visit + "/review", admin, Map.of("decision", "ACCEPT", "rating", 4))
                .andExpect(status().isConflict());
        postJson(mine + "/submit", blueToken, "").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED"));
        postJson(mine + "/answers", blueToken, answer(item.get("Counter tidy and stocked"), "m-tidy-0002",
                Map.of("scale", 4))).andExpect(status().isConflict());

        // the reviewer reads the audit rules' score: attitude (1 + 0.5) / 2 = 0.75, timeliness 1,
        // overall (1 x 0.75 + 2 x 1) / 3 = 0.9167; the shopper appears by nickname only
        String auditor = token(fixtures.person(Role.AUDITOR, region.id()));
        JsonNode report = body(getJson(API + "/visits/" + visit, auditor).andExpect(status().isOk()));
        assertThat(report.at("/scorecard/overall").asDouble()).isEqualTo(0.9167, offset(1e-4));
        assertThat(report.at("/visit/nickname").asText()).isEqualTo(nickname);
        assertThat(report.toString()).doesNotContain(blue.displayName());
        byte[] stored = mvc.perform(get(API + "/visits/" + visit + "/receipt").header("Authorization", "Bearer " + auditor))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(stored).isEqualTo(PNG);

        // returned for correction (a comment is needed), corrected (counter at 4) and resubmitted
        postJson(API + "/visits/" + visit + "/review", auditor, Map.of("decision", "RETURN", "rating", 3))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("comment"));
        postJson(API + "/visits/" + visit + "/review", auditor, Map.of("decision", "RETURN", "rating", 3,
                "comment", "Was the counter really half tidy? Check your notes")).andExpect(status().isOk());
        assertThat(body(getJson(mine, blueToken)).get("reviewComment").asText()).startsWith("Was the counter");
        postJson(mine + "/answers", blueToken, answer(item.get("Counter tidy and stocked"), "m-tidy-0003",
                Map.of("scale", 4))).andExpect(status().isOk());
        postJson(mine + "/submit", blueToken, "").andExpect(status().isOk());
        // attitude (1 + 1) / 2 = 1, timeliness 1: overall 1
        JsonNode accepted = body(postJson(API + "/visits/" + visit + "/review", auditor, Map.of("decision", "ACCEPT",
                "rating", 4)).andExpect(status().isOk()));
        assertThat(accepted.at("/visit/status").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.at("/visit/score").asDouble()).isEqualTo(1.0);
        assertThat(accepted.at("/visit/result").asText()).isEqualTo("PASSED");
        assertThat(accepted.at("/visit/qualityRating").asInt()).isEqualTo(4);
        postJson(API + "/visits/" + visit + "/review", auditor, Map.of("decision", "REJECT", "rating", 1, "comment", "x"))
                .andExpect(status().isConflict());

        // the debrief with the outlet team
        Map<String, Object> debrief = Map.of("heldOn", LocalDate.now().toString(), "wentWell", "Warm greeting",
                "toImprove", "Explain the dose twice", "actions", "Dose card at the counter", "attendees", "Manager, 2 staff");
        putJson(API + "/visits/" + visit + "/debrief", auditor, debrief).andExpect(status().isOk());
        assertThat(body(getJson(API + "/visits/" + visit, auditor)).at("/debrief/actions").asText())
                .isEqualTo("Dose card at the counter");
        Map<String, Object> future = new HashMap<>(debrief);
        future.put("heldOn", LocalDate.now().plusDays(3).toString());
        putJson(API + "/visits/" + visit + "/debrief", auditor, future).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("heldOn"));

        // the mystery-shop line of the dashboard, apart from the audits; quota progress; the CSV by nickname
        JsonNode line = body(getJson(API + "/dashboard?unitId=" + outletA.id() + "&months=1", auditor));
        assertThat(line).hasSize(1);
        assertThat(line.at("/0/visits").asInt()).isEqualTo(1);
        assertThat(line.at("/0/meanScore").asDouble()).isEqualTo(1.0);
        assertThat(body(getJson("/api/v1/audit-dashboard?unitId=" + outletA.id(), auditor)).get("months")).isEmpty();
        JsonNode progress = body(getJson(API + "/programmes/" + p, auditor)).get("progress");
        String month = YearMonth.now().toString();
        for (JsonNode o : progress) {
            for (JsonNode c : o.get("months")) {
                if (o.get("outletId").asLong() == outletA.id() && c.get("month").asText().equals(month)) {
                    assertThat(c.get("planned").asInt()).isEqualTo(1);
                    assertThat(c.get("accepted").asInt()).isEqualTo(1);
                    assertThat(c.get("quota").asInt()).isEqualTo(2);
                }
            }
        }
        String csv = mvc.perform(get(API + "/export?programmeId=" + p).header("Authorization", "Bearer " + auditor))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv).contains(nickname).contains(",1.0000,PASSED,4,").doesNotContain(blue.displayName());
    }

    @Test
    void aShopperSeesOnlyTheirOwnVisitsAndNoOtherPageOrOperation() throws Exception {
        long p = createProgramme(2).get("id").asLong();
        long visit = body(assign(p, outletA.id(), blue.id(), LocalDate.now()).andExpect(status().isCreated())).get("id").asLong();
        AppUser green = fixtures.person(Role.SHOPPER, region.id());
        String greenToken = token(green);
        getJson(API + "/my-visits", greenToken).andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        getJson(API + "/my-visits/" + visit, greenToken).andExpect(status().isNotFound());
        postJson(API + "/my-visits/" + visit + "/answers", greenToken, answer(1, "g-000001", Map.of("choice", "MET")))
                .andExpect(status().isNotFound());
        postJson(API + "/my-visits/" + visit + "/submit", greenToken, "").andExpect(status().isNotFound());
        receipt(visit, greenToken).andExpect(status().isNotFound());
        getJson(API + "/my-visits", blueToken).andExpect(jsonPath("$[0].id").value(visit));
        for (String url : List.of(API + "/visits/" + visit, API + "/visits", API + "/programmes", API + "/dashboard",
                "/api/v1/audits", "/api/v1/audit-dashboard", "/api/v1/customers", "/api/v1/cases", "/api/v1/standards")) {
            getJson(url, blueToken).andExpect(status().isForbidden());
        }
        // the shopper pages are the shopper's only; a reviewer gets 403 there
        getJson(API + "/my-visits", admin).andExpect(status().isForbidden());
    }

    @Test
    void theRevisitQuotaWindowAndNicknameRulesRefuseByField() throws Exception {
        long p = createProgramme(1).get("id").asLong();
        LocalDate today = LocalDate.now();
        assign(p, outletA.id(), blue.id(), today).andExpect(status().isCreated());
        // the same shopper at the same outlet within 2 months (the default): refused; at outlet B: fine
        assign(p, outletA.id(), blue.id(), today.plusDays(45)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("plannedOn"));
        assign(p, outletB.id(), blue.id(), today.plusDays(45)).andExpect(status().isCreated());
        // quota 1 a month: a second shopper in the same month at A is refused
        AppUser green = fixtures.person(Role.SHOPPER, region.id());
        assign(p, outletA.id(), green.id(), today).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("shopperId"));
        putJson(API + "/shoppers/" + green.id(), admin, Map.of("nickname", nickname)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("nickname"));
        putJson(API + "/shoppers/" + green.id(), admin, Map.of("nickname", "小绿" + nickname.substring(2)))
                .andExpect(status().isOk());
        assign(p, outletA.id(), green.id(), today).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("plannedOn"));
        assign(p, outletA.id(), green.id(), today.plusDays(90)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("plannedOn"));
        assign(p, otherType.id(), green.id(), today).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outletId"));
        assign(999_999_999L, outletA.id(), green.id(), today).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("programmeId"));
        String staff = token(fixtures.person(Role.STAFF, outletA.id()));
        postJson(API + "/visits", staff, Map.of()).andExpect(status().isForbidden());

        // a programme's window backwards, a quota out of range, an outlet of another type
        postJson(API + "/programmes", admin, programme(today, today.minusDays(1), 2)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("windowTo"));
        postJson(API + "/programmes", admin, programme(today, today.plusDays(9), 0)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("quotaPerMonth"));
        postJson(API + "/programmes", admin, programme(today, today.plusDays(9), 32)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("quotaPerMonth"));
        Map<String, Object> wrongType = programme(today, today.plusDays(9), 2);
        wrongType.put("outletIds", List.of(otherType.id()));
        postJson(API + "/programmes", admin, wrongType).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outletIds"));
        getJson(API + "/programmes/999999999", admin).andExpect(status().isNotFound());
        getJson(API + "/visits/999999999", admin).andExpect(status().isNotFound());
        // a PUT keeps what it is given, as a whole: the quota changed, the revisit period set to 0
        Map<String, Object> changed = programme(today.minusDays(60), today.plusDays(60), 3);
        changed.put("revisitMonths", 0);
        putJson(API + "/programmes/" + p, admin, changed).andExpect(status().isOk())
                .andExpect(jsonPath("$.quotaPerMonth").value(3)).andExpect(jsonPath("$.revisitMonths").value(0));
        assign(p, outletA.id(), blue.id(), today.plusDays(1)).andExpect(status().isCreated());
    }
}
