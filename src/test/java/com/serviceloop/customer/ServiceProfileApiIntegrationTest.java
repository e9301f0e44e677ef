package com.serviceloop.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Templates and outlet profiles through the API: versions, 409, scope and roles, bad input, measured mix. */
class ServiceProfileApiIntegrationTest extends ApiTest {
    @Autowired CustomerService customers;
    private Fixtures.Chain chain;
    private AppUser adminUser;
    private String admin;
    private String chainManager;
    private String managerA;
    private String managerB;
    private String staffA;

    @BeforeEach
    void setUp() {
        adminUser = fixtures.admin();
        admin = token(adminUser);
        chain = fixtures.chain();
        chainManager = token(fixtures.person(Role.MANAGER, chain.chain().id()));
        managerA = token(fixtures.person(Role.MANAGER, chain.outletA().id()));
        managerB = token(fixtures.person(Role.MANAGER, chain.outletB().id()));
        staffA = token(fixtures.person(Role.STAFF, chain.outletA().id()));
    }

    static Map<String, Object> profile(String statement, Integer version) {
        Map<String, Object> m = new HashMap<>();
        m.put("statement", statement);
        m.put("tradeArea", "两个居民小区和一所小学，步行十分钟内");
        m.put("targetAgeBands", List.of("AGE_25_34", "AGE_35_44"));
        m.put("targetIncomeBands", List.of("MIDDLE"));
        m.put("targetEducations", List.of());
        m.put("targetSocialClasses", List.of());
        m.put("characteristics", List.of(Map.of("code", "ORIENTATION", "score", 4, "note", "药师面对面讲解"),
                Map.of("code", "TRAINING", "score", 5, "note", "执业药师上岗")));
        m.put("silhouette", List.of(Map.of("tier", "HEAVY", "purpose", 5, "cost", 2, "necessity", 5, "risk", 4,
                "result", 4)));
        m.put("needs", List.of(Map.of("need", "TIME", "teamScore", 4, "dimension", "RESPONSIVENESS")));
        m.put("version", version);
        return m;
    }

    private int templateVersion() throws Exception {
        return body(getJson("/api/v1/service-profiles/templates/pharmacy", admin).andExpect(status().isOk()))
                .get("version").asInt();
    }

    @Test
    void anOutletShowsTheTemplateUntilItsManagerAdjustsItAndEverySaveIsAVersion() throws Exception {
        int t = templateVersion();
        putJson("/api/v1/service-profiles/templates/pharmacy", chainManager, profile("连锁模板", t))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(t + 1))
                .andExpect(jsonPath("$.source").value("TEMPLATE"));
        String a = "/api/v1/outlets/" + chain.outletA().id() + "/service-profile";
        getJson(a, managerA).andExpect(status().isOk()).andExpect(jsonPath("$.source").value("TEMPLATE"))
                .andExpect(jsonPath("$.version").value(0)).andExpect(jsonPath("$.content.statement").value("连锁模板"));

        putJson(a, managerA, profile("人民路店：慢病顾客优先", 0)).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1)).andExpect(jsonPath("$.source").value("OUTLET"));
        // a second editor who also read version 0 is refused, and nothing is written
        putJson(a, managerA, profile("过时的修改", 0)).andExpect(status().isConflict());
        putJson(a, managerA, profile("人民路店：第二版", 1)).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2));

        JsonNode versions = body(getJson(a + "/versions", managerA).andExpect(status().isOk()));
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(2);
        assertThat(versions.get(0).get("authorName").asText()).isEqualTo("MANAGER person");
        getJson(a + "?version=1", managerA).andExpect(jsonPath("$.content.statement").value("人民路店：慢病顾客优先"));
        getJson(a + "?version=9", managerA).andExpect(status().isNotFound());
        getJson(a + "?version=0", managerA).andExpect(status().isBadRequest());
        // the template did not move
        assertThat(templateVersion()).isEqualTo(t + 1);
        // the handbook of the type carries the template
        getJson("/api/v1/handbook/pharmacy", admin).andExpect(jsonPath("$.profile.version").value(t + 1));
        mvc.perform(get("/api/v1/handbook/pharmacy/pdf").header("Authorization", "Bearer " + admin)
                .accept(MediaType.APPLICATION_PDF)).andExpect(status().isOk());
    }

    @Test
    void onlyTheChainEditsTemplatesAndOnlyAnOutletsOwnManagersItsProfile() throws Exception {
        int t = templateVersion();
        putJson("/api/v1/service-profiles/templates/pharmacy", managerA, profile("不行", t)).andExpect(status().isForbidden());
        String a = "/api/v1/outlets/" + chain.outletA().id() + "/service-profile";
        getJson(a, managerB).andExpect(status().isNotFound());
        putJson(a, managerB, profile("不行", 0)).andExpect(status().isNotFound());
        getJson(a + "/actual-mix", managerB).andExpect(status().isNotFound());
        getJson(a + ".pdf?lang=en", managerB).andExpect(status().isNotFound());
        putJson(a, staffA, profile("不行", 0)).andExpect(status().isForbidden());
        getJson(a, staffA).andExpect(status().isOk());
        assertThat(templateVersion()).isEqualTo(t);
    }

    @Test
    void badInputIsRefusedNamingTheField() throws Exception {
        String a = "/api/v1/outlets/" + chain.outletA().id() + "/service-profile";
        Map<String, Object> p = profile("x", 0);
        p.put("characteristics", List.of(Map.of("code", "ORIENTATION", "score", 6)));
        putJson(a, managerA, p).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("characteristics[0].score"));
        p = profile("x", 0);
        p.put("silhouette", List.of(Map.of("tier", "HEAVY", "purpose", -1, "cost", 2, "necessity", 5, "risk", 4,
                "result", 4)));
        putJson(a, managerA, p).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("silhouette[0].purpose"));
        p = profile("x", 0);
        p.put("needs", List.of(Map.of("need", "HAPPINESS", "teamScore", 4)));
        assertThat(body(putJson(a, managerA, p).andExpect(status().isBadRequest())).toString()).contains("need");
        p = profile("x", 0);
        p.put("needs", List.of(Map.of("need", "TIME", "teamScore", 4, "questionId", 5, "dimension", "EMPATHY")));
        putJson(a, managerA, p).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("needs[0].questionId"));
        p = profile("x", 0);
        p.put("characteristics", List.of(Map.of("code", "HOURS", "score", 3), Map.of("code", "HOURS", "score", 4)));
        putJson(a, managerA, p).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("characteristics"));
        putJson(a, managerA, profile("x".repeat(2001), 0)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("statement"));
        putJson(a, managerA, profile("a\u0000b", 0)).andExpect(status().isBadRequest());
        putJson("/api/v1/service-profiles/templates/no-such-type", admin, profile("x", 0))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("outletType"));
        getJson(a + ".pdf?lang=fr", managerA).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lang"));
        getJson(a + "/versions", managerA).andExpect(jsonPath("$.length()").value(0));
    }

    private void customer(Customer.AgeBand age, String values) {
        customers.create(adminUser, new CustomerForm(Fixtures.unique("M"), "顾客", null, null, chain.outletA().id(), null,
                age, null, null, null, values, null, null, null, null, null, false, false, false, null));
    }

    @Test
    void theActualMixIsComparedWithTheTargetAndTheTextsAreSummarisedPerTier() throws Exception {
        // 11 customers with an age: 7 aged 35-44, 3 aged 65+, 1 aged 25-34; 2 without an age
        List<Runnable> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            made.add(() -> customer(Customer.AgeBand.AGE_35_44, null));
        }
        made.add(() -> customer(Customer.AgeBand.AGE_65_PLUS, "重视用药安全，价格实惠"));
        made.add(() -> customer(Customer.AgeBand.AGE_65_PLUS, "重视用药安全; Price matters"));
        made.add(() -> customer(Customer.AgeBand.AGE_65_PLUS, "price matters、重视用药安全"));
        made.add(() -> customer(Customer.AgeBand.AGE_25_34, null));
        made.add(() -> customer(null, null));
        made.add(() -> customer(null, null));
        made.forEach(Runnable::run);
        String a = "/api/v1/outlets/" + chain.outletA().id() + "/service-profile";
        putJson(a, managerA, profile("目标：25-44 岁", 0)).andExpect(status().isOk());

        JsonNode mix = body(getJson(a + "/actual-mix", managerA).andExpect(status().isOk()));
        assertThat(mix.get("customers").asLong()).isEqualTo(13);
        JsonNode age = mix.get("parts").get(0);
        assertThat(age.get("field").asText()).isEqualTo("ageBand");
        assertThat(age.get("known").asLong()).isEqualTo(11);
        assertThat(age.get("unknown").asLong()).isEqualTo(2);
        // 7/11 = 63.6 %, 3/11 = 27.3 %, 1/11 = 9.1 %
        Map<String, Double> shares = new HashMap<>();
        age.get("bands").forEach(b -> shares.put(b.get("band").asText(), b.get("share").asDouble()));
        assertThat(shares).containsEntry("AGE_35_44", 63.6).containsEntry("AGE_65_PLUS", 27.3)
                .containsEntry("AGE_25_34", 9.1).containsEntry("UNDER_18", 0.0);
        // targeted 25-34 below 10 %, untargeted 65+ above 25 %
        assertThat(age.get("findings").toString()).contains("\"kind\":\"TARGET_FEW\",\"band\":\"AGE_25_34\"")
                .contains("\"kind\":\"UNTARGETED_MANY\",\"band\":\"AGE_65_PLUS\"");
        // no education targeted: nothing pointed out there although everyone's education is unknown
        assertThat(mix.get("parts").get(2).get("findings")).isEmpty();

        // nobody visited: all 13 are lapsed; 重视用药安全 written by 3, Price matters by 2 (case-blind), 价格实惠 by 1
        JsonNode concepts = body(getJson(a + "/concepts", managerA).andExpect(status().isOk()));
        JsonNode lapsed = concepts.get("tiers").get(3);
        assertThat(lapsed.get("tier").asText()).isEqualTo("LAPSED");
        assertThat(lapsed.get("customers").asLong()).isEqualTo(13);
        JsonNode values = lapsed.get("fields").get("valuesNote");
        assertThat(values.get(0).get("text").asText()).isEqualTo("重视用药安全");
        assertThat(values.get(0).get("count").asLong()).isEqualTo(3);
        assertThat(values.get(1).get("text").asText()).isEqualTo("Price matters");
        assertThat(values.get(1).get("count").asLong()).isEqualTo(2);
        assertThat(values.get(2).get("count").asLong()).isEqualTo(1);

        // no SERVQUAL answers for this outlet: silhouette without perceptions, needs without a customers' score
        JsonNode silhouette = body(getJson(a + "/silhouette", managerA).andExpect(status().isOk()));
        assertThat(silhouette.get("rows").get(0).get("tier").asText()).isEqualTo("HEAVY");
        assertThat(silhouette.get("perceptions").isNull()).isTrue();
        JsonNode needs = body(getJson(a + "/needs", managerA).andExpect(status().isOk()));
        assertThat(needs.get("needs").get(0).get("customerScore").isNull()).isTrue();
        assertThat(needs.get("needs").get(0).get("disagree").asBoolean()).isFalse();
    }
}
