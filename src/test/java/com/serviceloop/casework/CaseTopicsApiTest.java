package com.serviceloop.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.OrgUnitForm;
import com.serviceloop.organisation.Role;
import com.serviceloop.organisation.UnitKind;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Case topics per outlet type through the API, the topic on a case, and SQI failure types per industry. */
class CaseTopicsApiTest extends ApiTest {
    @Autowired OrgService org;
    private Fixtures.Chain chain;
    private String adminToken;
    private String managerToken;
    private String staffToken;

    @BeforeEach
    void setUp() {
        adminToken = token(fixtures.admin());
        chain = fixtures.chain();
        managerToken = token(fixtures.person(Role.MANAGER, chain.region().id()));
        staffToken = token(fixtures.person(Role.STAFF, chain.region().id()));
    }

    private static List<String> codes(JsonNode list) {
        return list.get("topics").findValuesAsString("code");
    }

    private Map<String, Object> caseAt(long outletId, String topic, String product) {
        Map<String, Object> body = new HashMap<>(Map.of("outletId", outletId, "channel", "COUNTER",
                "caseType", "COMPLAINT", "severity", "LOW", "description", "Asked for a medicine we did not have"));
        if (topic != null) {
            body.put("topic", topic);
        }
        if (product != null) {
            body.put("product", product);
        }
        return body;
    }

    @Test
    void aPharmacyStartsWithThePharmacyTopicsAndACaseTakesOneOfThem() throws Exception {
        JsonNode pharmacy = body(getJson("/api/v1/case-topics?outletType=pharmacy", staffToken).andExpect(status().isOk()));
        assertThat(pharmacy.get("industry").asText()).isEqualTo("pharmacy");
        assertThat(codes(pharmacy)).startsWith("OUT_OF_STOCK", "PRESCRIPTION", "MEDICATION_ADVICE", "QUEUEING",
                "CHECKOUT", "ATTITUDE").contains("OTHER");
        assertThat(pharmacy.get("topics").get(0).get("nameZh").asText()).isNotBlank();

        JsonNode c = body(postJson("/api/v1/cases", staffToken, caseAt(chain.outletA().id(), "OUT_OF_STOCK", " Amoxicillin 0.25 g "))
                .andExpect(status().isCreated()));
        assertThat(c.get("topic").asText()).isEqualTo("OUT_OF_STOCK");
        assertThat(c.get("product").asText()).isEqualTo("Amoxicillin 0.25 g");
        JsonNode none = body(postJson("/api/v1/cases", staffToken, caseAt(chain.outletA().id(), null, null))
                .andExpect(status().isCreated()));
        assertThat(none.get("topic").isNull()).isTrue();
        // a courier's topic is not a pharmacy's
        postJson("/api/v1/cases", staffToken, caseAt(chain.outletA().id(), "LATE_DELIVERY", null))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("topic"));

        JsonNode filtered = body(getJson("/api/v1/cases?topic=OUT_OF_STOCK&outletId=" + chain.outletA().id(), staffToken));
        assertThat(filtered.get("items").findValuesAsString("topic")).containsOnly("OUT_OF_STOCK");
        assertThat(filtered.get("items").findValues("id").stream().map(JsonNode::asLong).toList())
                .contains(c.get("id").asLong()).doesNotContain(none.get("id").asLong());
    }

    @Test
    void anOutletTypesListIsEditedByAnAdministratorAndTheIndustryPicksItsDefaults() throws Exception {
        String type = Fixtures.unique("drugstore-").toLowerCase();
        OrgUnit shop = org.create(new OrgUnitForm(chain.region().id(), UnitKind.OUTLET, "Drugstore", Fixtures.unique("DS"),
                type, null, null));
        assertThat(body(getJson("/api/v1/case-topics?outletType=" + type, staffToken)).get("industry").asText())
                .isEqualTo("generic");
        putJson("/api/v1/case-topics/" + type + "/industry", managerToken, Map.of("industry", "pharmacy"))
                .andExpect(status().isForbidden());
        putJson("/api/v1/case-topics/" + type + "/industry", adminToken, Map.of("industry", "bakery"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("industry"));
        JsonNode list = body(putJson("/api/v1/case-topics/" + type + "/industry", adminToken, Map.of("industry", "pharmacy"))
                .andExpect(status().isOk()));
        assertThat(codes(list)).startsWith("OUT_OF_STOCK");

        putJson("/api/v1/case-topics/" + type, adminToken, whole(CaseTopics.TopicForm.class, Map.of("code", "HOME_DELIVERY", "nameEn", "Home delivery",
                "nameZh", "送药上门"))).andExpect(status().isOk()).andExpect(jsonPath("$.active").value(true));
        putJson("/api/v1/case-topics/" + type, adminToken, whole(CaseTopics.TopicForm.class, Map.of("code", "QUEUEING", "nameEn", "Queueing",
                "nameZh", "排队", "active", false))).andExpect(status().isOk());
        putJson("/api/v1/case-topics/" + type, adminToken, whole(CaseTopics.TopicForm.class, Map.of("code", "home delivery", "nameEn", "x", "nameZh", "x")))
                .andExpect(status().isBadRequest());
        list = body(getJson("/api/v1/case-topics?outletType=" + type, staffToken));
        // the defaults were stored first, the new topic goes last
        assertThat(codes(list)).hasSize(8).startsWith("OUT_OF_STOCK").endsWith("HOME_DELIVERY");
        // the pharmacy list itself is untouched
        assertThat(codes(body(getJson("/api/v1/case-topics?outletType=pharmacy", staffToken)))).doesNotContain("HOME_DELIVERY");

        postJson("/api/v1/cases", staffToken, caseAt(shop.id(), "HOME_DELIVERY", null)).andExpect(status().isCreated());
        postJson("/api/v1/cases", staffToken, caseAt(shop.id(), "QUEUEING", null)).andExpect(status().isBadRequest());
        postJson("/api/v1/cases", staffToken, caseAt(chain.outletA().id(), "HOME_DELIVERY", null))
                .andExpect(status().isBadRequest());
    }

    @Test
    void failureTypesFollowTheOutletsIndustryAndTheTargetIsSetByAnAdministrator() throws Exception {
        JsonNode atPharmacy = body(getJson("/api/v1/sqi/failure-types?outletId=" + chain.outletA().id(), staffToken));
        List<String> codes = atPharmacy.findValuesAsString("code");
        // the pharmacy's own types, and those of every industry; no parcel-carrier ones
        assertThat(codes).contains("OUT_OF_STOCK", "DISPENSING_ERROR", "LATE_OVER_1_DAY", "COMPLAINT_REOPENED")
                .doesNotContain("LOST_ITEM", "MISSED_PICKUP", "WRONG_ORDER");
        JsonNode all = body(getJson("/api/v1/sqi/failure-types", staffToken));
        assertThat(all.findValuesAsString("code")).contains("LOST_ITEM", "OUT_OF_STOCK", "WRONG_ORDER");
        String day = LocalDate.now().minusDays(1).toString();
        postJson("/api/v1/sqi/events", staffToken, Map.of("outletId", chain.outletA().id(), "failureCode", "LOST_ITEM",
                "occurredOn", day)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("failureCode"));
        postJson("/api/v1/sqi/events", staffToken, Map.of("outletId", chain.outletA().id(), "failureCode", "OUT_OF_STOCK",
                "occurredOn", day)).andExpect(status().isCreated()).andExpect(jsonPath("$.weight").value(5));

        double before = body(getJson("/api/v1/sqi/target", staffToken)).get("perThousandVisits").asDouble();
        putJson("/api/v1/sqi/target", managerToken, Map.of("perThousandVisits", 4.5)).andExpect(status().isForbidden());
        putJson("/api/v1/sqi/target", adminToken, Map.of("perThousandVisits", -1)).andExpect(status().isBadRequest());
        try {
            putJson("/api/v1/sqi/target", adminToken, Map.of("perThousandVisits", 4.5)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.perThousandVisits").value(4.5));
        } finally {
            putJson("/api/v1/sqi/target", adminToken, Map.of("perThousandVisits", before)).andExpect(status().isOk());
        }
    }
}
