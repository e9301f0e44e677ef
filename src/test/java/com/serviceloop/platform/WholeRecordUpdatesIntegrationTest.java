package com.serviceloop.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.organisation.AppUser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A PUT replaces the whole record: a field left out is refused by name instead of being read as
 * null (a partial update of a customer used to clear the consent flags).
 */
class WholeRecordUpdatesIntegrationTest extends ApiTest {

    @Test
    void aPartialUpdateOfACustomerIsRefusedNamingEachMissingFieldAndTheConsentFlagsStay() throws Exception {
        AppUser admin = fixtures.admin();
        String token = token(admin);
        Fixtures.Chain chain = fixtures.chain();
        String member = Fixtures.unique("W");
        Map<String, Object> full = new HashMap<>(Map.of("memberNo", member, "name", "Wang Fang",
                "homeOutletId", chain.outletA().id(), "consentContact", true, "consentSurvey", true,
                "consentAnalysis", true));
        long id = body(postJson("/api/v1/customers", token, full).andExpect(status().isCreated())).get("id").asLong();

        JsonNode refused = body(putJson("/api/v1/customers/" + id, token, Map.of("memberNo", member, "name", "Wang F.",
                "homeOutletId", chain.outletA().id())).andExpect(status().isBadRequest()));
        List<String> fields = new ArrayList<>();
        refused.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("consentContact", "consentSurvey", "consentAnalysis", "phone", "email")
                .doesNotContain("memberNo", "name", "homeOutletId", "version");
        JsonNode kept = body(getJson("/api/v1/customers/" + id, token));
        assertThat(kept.get("name").asString()).isEqualTo("Wang Fang");
        assertThat(kept.get("consentContact").asBoolean()).isTrue();
        assertThat(kept.get("consentSurvey").asBoolean()).isTrue();

        // the whole record, with explicit nulls for what is to be empty, is an update
        Map<String, Object> whole = new HashMap<>();
        kept.properties().forEach(p -> whole.put(p.getKey(), p.getValue().isNull() ? null : p.getValue()));
        whole.put("name", "Wang F.");
        whole.put("consentSurvey", false);
        JsonNode updated = body(putJson("/api/v1/customers/" + id, token, whole).andExpect(status().isOk()));
        assertThat(updated.get("name").asString()).isEqualTo("Wang F.");
        assertThat(updated.get("consentContact").asBoolean()).isTrue();
        assertThat(updated.get("consentSurvey").asBoolean()).isFalse();
    }

    @Test
    void theRefusalIsWordedInTheCallersLanguage() throws Exception {
        String token = token(fixtures.admin());
        JsonNode refused = body(call(put("/api/v1/settings/insight").contentType("application/json").content("{}")
                .header("Accept-Language", "zh-CN"), token).andExpect(status().isBadRequest()));
        assertThat(refused.get("errors").get(0).get("message").asString()).contains("完整记录");
    }
}
