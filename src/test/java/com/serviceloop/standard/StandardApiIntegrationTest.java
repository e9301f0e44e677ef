package com.serviceloop.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.organisation.Role;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

class StandardApiIntegrationTest extends ApiTest {
    private String admin;
    private String type;
    private Fixtures.Chain chain;

    @BeforeEach
    void setUp() {
        admin = token(fixtures.admin());
        chain = fixtures.chain();
        type = "t" + Fixtures.unique("x").substring(2).toLowerCase();
    }

    private Map<String, Object> callBack(String behaviour, int hours) {
        var m = new HashMap<String, Object>();
        m.put("outletType", type);
        m.put("areaCode", "TIMELINESS");
        m.put("behaviour", behaviour);
        m.put("kind", "HARD");
        m.put("measure", "call log");
        m.put("targetValue", hours);
        m.put("targetUnit", "HOURS");
        m.put("targetRate", 97);
        m.put("owner", "Outlet manager");
        return m;
    }

    @Test
    void theFourteenAreasAreBuiltIn() throws Exception {
        JsonNode areas = body(getJson("/api/v1/standard-areas", admin).andExpect(status().isOk()));
        assertThat(areas).hasSize(14);
        assertThat(areas.findValuesAsString("side").stream().filter("PROCEDURAL"::equals)).hasSize(7);
        assertThat(areas.get(0).get("nameZh").asText()).isEqualTo("时限");
        assertThat(areas.get(13).get("code").asText()).isEqualTo("PROBLEM_SOLVING");
    }

    @Test
    void adviceIsGivenButSavingIsAllowed() throws Exception {
        var vague = callBack("Return customers' calls promptly", 0);
        vague.remove("targetValue");
        vague.remove("targetUnit");
        JsonNode advice = body(postJson("/api/v1/standards/check", admin, vague).andExpect(status().isOk()));
        assertThat(advice.findValuesAsString("code")).contains("VAGUE_WORD", "HARD_WITHOUT_NUMBER", "TIMELINESS_WITHOUT_TIME");
        JsonNode saved = body(postJson("/api/v1/standards", admin, vague).andExpect(status().isCreated()));
        assertThat(saved.get("standard").get("versionNo").asInt()).isEqualTo(1);
        assertThat(saved.get("findings").findValuesAsString("code")).contains("VAGUE_WORD");

        JsonNode zh = body(call(MockMvcRequestBuilders.post("/api/v1/standards/check")
                .header("Accept-Language", "zh-CN").contentType("application/json")
                .content(json.writeValueAsString(vague)), admin));
        assertThat(zh.get(0).get("message").asText()).contains("“promptly”");

        JsonNode dup = body(postJson("/api/v1/standards/check", admin, callBack("Return customers' calls promptly", 4)));
        assertThat(dup.findValuesAsString("code")).contains("DUPLICATE");
    }

    @Test
    void badInputNamesTheField() throws Exception {
        var bad = callBack("Return calls within 4 hours", 4);
        bad.put("areaCode", "NOPE");
        postJson("/api/v1/standards", admin, bad).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("areaCode"))
                .andExpect(jsonPath("$.errors[0].message").value("Unknown standard area 'NOPE'"));
        // the same refusal in the caller's language, and ApiErrors' own wording too
        call(MockMvcRequestBuilders.post("/api/v1/standards").header("Accept-Language", "zh-CN")
                .contentType("application/json").content(json.writeValueAsString(bad)), admin)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("areaCode"))
                .andExpect(jsonPath("$.errors[0].message").value("未知的标准领域“NOPE”"));
        call(MockMvcRequestBuilders.get("/api/v1/standards/abc").header("Accept-Language", "zh-CN"), admin)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message").value("应为整数"));
        getJson("/api/v1/standards/abc", admin).andExpect(jsonPath("$.errors[0].message").value("must be a whole number"));
        bad = callBack("Return calls within 4 hours", 4);
        bad.put("targetRate", 120);
        postJson("/api/v1/standards", admin, bad).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("targetRate"));
        bad = callBack("Return calls within 4 hours", 4);
        bad.put("outletType", "Has Spaces");
        postJson("/api/v1/standards", admin, bad).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outletType"));
        bad = callBack("Return calls within 4 hours", 4);
        bad.put("blueprintStepId", 999999999);
        postJson("/api/v1/standards", admin, bad).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("blueprintStepId"));
        getJson("/api/v1/standards/999999999", admin).andExpect(status().isNotFound());
    }

    @Test
    void aMeasurementKeepsPointingAtTheVersionInForceWhenItWasTaken() throws Exception {
        long id = body(postJson("/api/v1/standards", admin, callBack("Return a customer's call within 4 hours", 4)))
                .get("standard").get("id").asLong();
        String url = "/api/v1/standards/" + id;
        JsonNode first = body(postJson(url + "/measurements", admin, Map.of("outletId", chain.outletA().id(),
                "observedValue", 3)).andExpect(status().isCreated()));
        assertThat(first.get("versionNo").asInt()).isEqualTo(1);
        assertThat(first.get("met").asBoolean()).isTrue();

        var tighter = callBack("Return a customer's call within 2 hours", 2);
        tighter.put("changeNote", "Customers asked for faster call-backs");
        tighter.put("version", 0);
        JsonNode revised = body(putJson(url, admin, whole(StandardForm.class, tighter)).andExpect(status().isOk()));
        assertThat(revised.get("standard").get("versionNo").asInt()).isEqualTo(2);
        putJson(url, admin, whole(StandardForm.class, tighter)).andExpect(status().isConflict()) // stale version
                .andExpect(jsonPath("$.detail").value("Standard " + id + " was changed by someone else; reload and try again"));
        call(MockMvcRequestBuilders.put(url).header("Accept-Language", "zh-CN").contentType("application/json")
                .content(json.writeValueAsString(whole(StandardForm.class, tighter))), admin).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("标准 " + id + " 已被他人修改，请重新加载后再试"));

        JsonNode second = body(postJson(url + "/measurements", admin, Map.of("outletId", chain.outletA().id(),
                "observedValue", 3)).andExpect(status().isCreated()));
        assertThat(second.get("versionNo").asInt()).isEqualTo(2);
        assertThat(second.get("met").asBoolean()).as("3 hours misses the 2-hour version").isFalse();

        JsonNode versions = body(getJson(url + "/versions", admin));
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("changeNote").asText()).isEqualTo("Customers asked for faster call-backs");
        OffsetDateTime v1End = OffsetDateTime.parse(versions.get(1).get("validTo").asText());
        JsonNode late = body(postJson(url + "/measurements", admin, Map.of("outletId", chain.outletA().id(),
                "measuredAt", v1End.minusNanos(1000).toString(), "observedValue", 3)).andExpect(status().isCreated()));
        assertThat(late.get("versionNo").asInt()).as("recorded later, taken under version 1").isEqualTo(1);

        JsonNode measured = body(getJson(url + "/measurements", admin));
        assertThat(measured.findValuesAsString("versionNo")).containsExactlyInAnyOrder("1", "1", "2");
        JsonNode compliance = body(getJson(url + "/compliance", admin));
        assertThat(compliance.get(0).get("versionNo").asInt()).isEqualTo(1);
        assertThat(compliance.get(0).get("events").asLong()).isEqualTo(2);
        assertThat(compliance.get(0).get("rate").asDouble()).isEqualTo(100.0);
        assertThat(compliance.get(1).get("rate").asDouble()).isEqualTo(0.0);
        assertThat(compliance.get(1).get("onTarget").asBoolean()).isFalse();

        postJson(url + "/measurements", admin, Map.of("outletId", chain.outletA().id(),
                "measuredAt", "2001-01-01T00:00:00Z", "met", true)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("measuredAt"));

        JsonNode retired = body(deleteJson(url, admin).andExpect(status().isOk()));
        assertThat(retired.get("status").asText()).isEqualTo("RETIRED");
        assertThat(body(getJson("/api/v1/standards?outletType=" + type, admin)).findValuesAsString("id"))
                .doesNotContain(String.valueOf(id));
        assertThat(body(getJson("/api/v1/standards?includeRetired=true&outletType=" + type, admin))
                .findValuesAsString("id")).contains(String.valueOf(id));
        assertThat(body(getJson(url + "/measurements", admin))).hasSize(3);
        putJson(url, admin, whole(StandardForm.class, tighter)).andExpect(status().isConflict());
    }

    @Test
    void measurementsStayInTheRecordersScope() throws Exception {
        long id = body(postJson("/api/v1/standards", admin, callBack("Return a customer's call within 4 hours", 4)))
                .get("standard").get("id").asLong();
        String managerA = token(fixtures.person(Role.MANAGER, chain.outletA().id()));
        postJson("/api/v1/standards/" + id + "/measurements", managerA, Map.of("outletId", chain.outletB().id(),
                "met", true)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("outletId"));
        postJson("/api/v1/standards/" + id + "/measurements", admin, Map.of("outletId", chain.outletB().id(),
                "met", false)).andExpect(status().isCreated());
        postJson("/api/v1/standards/" + id + "/measurements", managerA, Map.of("outletId", chain.outletA().id(),
                "met", true)).andExpect(status().isCreated());
        JsonNode mine = body(getJson("/api/v1/standards/" + id + "/compliance", managerA));
        assertThat(mine.get(0).get("events").asLong()).isEqualTo(1);
        assertThat(mine.get(0).get("rate").asDouble()).isEqualTo(100.0);
        postJson("/api/v1/standards/" + id + "/measurements", admin, Map.of("outletId", chain.outletA().id(),
                "observedValue", 2, "met", "perhaps")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("met"));
    }

    @Test
    void prioritiesSplitTheSidesAndRankWithinThem() throws Exception {
        long a = body(postJson("/api/v1/standards", admin, callBack("Return a customer's call within 4 hours", 4)))
                .get("standard").get("id").asLong();
        long b = body(postJson("/api/v1/standards", admin, callBack("Serve each waiting customer within 5 minutes", 5)))
                .get("standard").get("id").asLong();
        var greet = callBack("Greet each customer within 30 seconds", 30);
        greet.put("areaCode", "ATTITUDE");
        greet.put("targetUnit", "SECONDS");
        long c = body(postJson("/api/v1/standards", admin, greet)).get("standard").get("id").asLong();

        JsonNode p = body(getJson("/api/v1/priorities/" + type, admin));
        assertThat(p.get("proceduralWeight").asInt()).isEqualTo(50);
        assertThat(p.get("procedural").findValuesAsString("standardId")).containsExactly(String.valueOf(a), String.valueOf(b));

        JsonNode saved = body(putJson("/api/v1/priorities/" + type, admin, Map.of("proceduralWeight", 20,
                "proceduralOrder", List.of(b, a), "personalOrder", List.of(c))).andExpect(status().isOk()));
        assertThat(saved.get("personalWeight").asInt()).isEqualTo(80);
        assertThat(saved.get("procedural").findValuesAsString("standardId")).containsExactly(String.valueOf(b), String.valueOf(a));
        assertThat(saved.get("procedural").get(0).get("weight").asDouble()).isEqualTo(13.33);
        assertThat(saved.get("personal").get(0).get("weight").asDouble()).isEqualTo(80.0);

        putJson("/api/v1/priorities/" + type, admin, whole(PriorityForm.class, Map.of("proceduralWeight", 30,
                "proceduralOrder", List.of(a), "version", saved.get("version").asInt()))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("proceduralOrder"));
        putJson("/api/v1/priorities/" + type, admin, whole(PriorityForm.class, Map.of("proceduralWeight", 130))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("proceduralWeight"));
        putJson("/api/v1/priorities/" + type, admin, whole(PriorityForm.class, Map.of("proceduralWeight", 30, "version", 99)))
                .andExpect(status().isConflict());
        String staff = token(fixtures.person(Role.STAFF, chain.outletA().id()));
        putJson("/api/v1/priorities/" + type, staff, Map.of("proceduralWeight", 30)).andExpect(status().isForbidden());
    }
}
