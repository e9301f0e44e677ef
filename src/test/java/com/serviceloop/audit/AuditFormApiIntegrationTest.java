package com.serviceloop.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.organisation.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@Tag("db")
class AuditFormApiIntegrationTest extends AuditApiTest {

    @Test
    void aNewFormHoldsASectionPerAreaAndAnItemPerStandardInForce() throws Exception {
        JsonNode draft = body(postJson("/api/v1/audit-forms", admin, Map.of("outletType", type, "name", "Walk-around"))
                .andExpect(status().isCreated()));
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.get("versionNo").asInt()).isEqualTo(1);
        // areas in their built-in order: timeliness (1) before attitude (9)
        assertThat(draft.get("sections").findValuesAsString("areaCode")).containsExactly("TIMELINESS", "ATTITUDE");
        JsonNode timeliness = draft.at("/sections/0/items");
        assertThat(timeliness).hasSize(2);
        // a standard with a target is measured against it; one without is met / not met
        assertThat(timeliness.get(0).get("answerType").asText()).isEqualTo("MEASURED");
        assertThat(timeliness.get(0).get("targetUnit").asText()).isEqualTo("SECONDS");
        assertThat(draft.at("/sections/1/items/0/answerType").asText()).isEqualTo("MET");
        assertThat(draft.at("/sections/1/areaNameZh").asText()).isEqualTo("态度");

        postJson("/api/v1/audit-forms", admin, Map.of("outletType", "none-" + type.substring(1, 9), "name", "Empty"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("outletType"));
    }

    @Test
    void theAuthorDropsReordersAddsAndWeighsThenPublishingFreezesTheStandardVersions() throws Exception {
        long form = body(postJson("/api/v1/audit-forms", admin, Map.of("outletType", type, "name", "Walk-around")))
                .get("formId").asLong();
        JsonNode saved = body(putJson("/api/v1/audit-forms/" + form + "/draft", admin, draft("Monthly walk-around",
                walkAround())).andExpect(status().isOk()));
        assertThat(saved.get("name").asText()).isEqualTo("Monthly walk-around");
        assertThat(saved.get("sections").findValuesAsString("areaCode")).containsExactly("ATTITUDE", "TIMELINESS", "APPEARANCE");
        assertThat(saved.at("/sections/1/weight").asDouble()).isEqualTo(2.0);
        assertThat(saved.at("/sections/1/items/0/critical").asBoolean()).isTrue();
        assertThat(saved.at("/sections/0/items/0/text").asText()).isEqualTo("Smile and make eye contact when greeting");
        assertThat(saved.findValuesAsString("standardId")).doesNotContain(String.valueOf(callBack));

        JsonNode v1 = body(postJson("/api/v1/audit-forms/" + form + "/publish", admin, "").andExpect(status().isOk()));
        assertThat(v1.get("status").asText()).isEqualTo("PUBLISHED");
        long greetV1 = body(getJson("/api/v1/standards/" + greet, admin)).get("versionId").asLong();
        assertThat(v1.at("/sections/1/items/0/standardVersionId").asLong()).isEqualTo(greetV1);
        postJson("/api/v1/audit-forms/" + form + "/publish", admin, "").andExpect(status().isConflict());

        // the standard changes: the published version keeps the old wording, the next one takes the new
        Map<String, Object> revised = standardBody("TIMELINESS", "Greet every customer within 20 seconds", 20, "SECONDS");
        revised.put("measure", null);
        revised.put("targetRate", null);
        revised.put("blueprintStepId", null);
        revised.put("owner", null);
        revised.put("changeNote", "Shorter wait");
        putJson("/api/v1/standards/" + greet, admin, revised).andExpect(status().isOk());
        putJson("/api/v1/audit-forms/" + form + "/draft", admin, draft("Monthly walk-around", walkAround()))
                .andExpect(status().isOk());
        JsonNode v2 = body(postJson("/api/v1/audit-forms/" + form + "/publish", admin, "").andExpect(status().isOk()));
        assertThat(v2.get("versionNo").asInt()).isEqualTo(2);
        assertThat(v2.at("/sections/1/items/0/standardVersionId").asLong()).isNotEqualTo(greetV1);
        assertThat(v2.at("/sections/1/items/0/targetValue").asDouble()).isEqualTo(20.0);
        JsonNode stillV1 = body(getJson("/api/v1/audit-forms/" + form + "/versions/1", admin).andExpect(status().isOk()));
        assertThat(stillV1.at("/sections/1/items/0/standardVersionId").asLong()).isEqualTo(greetV1);
        assertThat(stillV1.at("/sections/1/items/0/targetValue").asDouble()).isEqualTo(30.0);
        assertThat(body(getJson("/api/v1/audit-forms/" + form, admin)).get("publishedVersionNo").asInt()).isEqualTo(2);
    }

    @Test
    void aBadDraftIsRefusedNamingTheFieldAndChangesNothing() throws Exception {
        long form = body(postJson("/api/v1/audit-forms", admin, Map.of("outletType", type, "name", "Walk-around")))
                .get("formId").asLong();
        String url = "/api/v1/audit-forms/" + form + "/draft";
        List<Map<String, Object>> sections = new ArrayList<>(walkAround());
        sections.set(2, section("NOPE", 1, List.of()));
        putJson(url, admin, draft("X", sections)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sections[2].areaCode"));
        // a standard of another area, another outlet type, or none at all with no text
        sections.set(2, section("APPEARANCE", 1, List.of(item(greet, null, "MET", 1, false, false, true))));
        putJson(url, admin, draft("X", sections)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sections[2].items[0].standardId"));
        sections.set(2, section("APPEARANCE", 1, List.of(item(null, " ", "MET", 1, false, false, true))));
        putJson(url, admin, draft("X", sections)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sections[2].items[0].text"));
        sections.set(2, section("APPEARANCE", 1, List.of(item(null, "Shop front", "PHOTO", 1, true, false, true))));
        putJson(url, admin, draft("X", sections)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sections[2].items[0].critical"));
        sections.set(2, section("APPEARANCE", 101, List.of()));
        putJson(url, admin, draft("X", sections)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sections[2].weight"));
        JsonNode unchanged = body(getJson(url, admin));
        assertThat(unchanged.get("name").asText()).isEqualTo("Walk-around");
        assertThat(unchanged.get("sections").findValuesAsString("areaCode")).containsExactly("TIMELINESS", "ATTITUDE");

        Map<String, Object> stale = draft("X", walkAround());
        stale.put("version", 99);
        putJson(url, admin, stale).andExpect(status().isConflict());
    }

    @Test
    void onlyChainWideAuthorsWriteForms() throws Exception {
        String outletManager = token(fixtures.person(Role.MANAGER, outletA.id()));
        postJson("/api/v1/audit-forms", outletManager, Map.of("outletType", type, "name", "Mine"))
                .andExpect(status().isForbidden());
        long form = publishedForm();
        getJson("/api/v1/audit-forms/" + form + "/draft", outletManager).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"));
        putJson("/api/v1/audit-forms/" + form + "/draft", outletManager, draft("X", walkAround()))
                .andExpect(status().isForbidden());
    }
}
