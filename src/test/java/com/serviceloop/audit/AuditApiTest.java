package com.serviceloop.audit;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.OrgUnitForm;
import com.serviceloop.organisation.UnitKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Audit tests on an outlet type of their own (the test database is shared): three standards, a region
 * with two outlets of the type and one of another type.
 */
abstract class AuditApiTest extends ApiTest {
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    @Autowired OrgService org;
    String admin;
    String type;
    OrgUnit region;
    OrgUnit outletA;
    OrgUnit outletB;
    OrgUnit otherType;
    long greet;
    long callBack;
    long smile;

    @BeforeEach
    void audits() throws Exception {
        admin = token(fixtures.admin());
        type = "a" + Fixtures.unique("x").substring(2).toLowerCase();
        OrgUnit chain = fixtures.unit(null, UnitKind.CHAIN, "Chain");
        region = fixtures.unit(chain.id(), UnitKind.REGION, "Region");
        outletA = outlet(type, "Outlet A");
        outletB = outlet(type, "Outlet B");
        otherType = outlet("pharmacy", "Outlet C");
        greet = standard("TIMELINESS", "Greet every customer within 30 seconds", 30, "SECONDS");
        callBack = standard("TIMELINESS", "Return a customer's call within 4 hours", 4, "HOURS");
        smile = standard("ATTITUDE", "Smile and make eye contact when greeting", null, null);
    }

    private OrgUnit outlet(String outletType, String name) {
        return org.create(new OrgUnitForm(region.id(), UnitKind.OUTLET, name, Fixtures.unique("O"), outletType, null, null));
    }

    Map<String, Object> standardBody(String area, String behaviour, Integer target, String unit) {
        Map<String, Object> m = new HashMap<>();
        m.put("outletType", type);
        m.put("areaCode", area);
        m.put("behaviour", behaviour);
        m.put("kind", target == null ? "SOFT" : "HARD");
        m.put("targetValue", target);
        m.put("targetUnit", unit);
        return m;
    }

    private long standard(String area, String behaviour, Integer target, String unit) throws Exception {
        return body(postJson("/api/v1/standards", admin, standardBody(area, behaviour, target, unit))
                .andExpect(status().isCreated())).at("/standard/id").asLong();
    }

    static Map<String, Object> item(Long standardId, String text, String answerType, double weight, boolean critical,
                                    boolean naAllowed, boolean required) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("standardId", standardId);
        m.put("text", text);
        m.put("answerType", answerType);
        m.put("weight", weight);
        m.put("critical", critical);
        m.put("naAllowed", naAllowed);
        m.put("required", required);
        return m;
    }

    static Map<String, Object> section(String area, double weight, List<Map<String, Object>> items) {
        return Map.of("areaCode", area, "weight", weight, "items", items);
    }

    static Map<String, Object> draft(String name, List<Map<String, Object>> sections) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("sections", new ArrayList<>(sections));
        return m;
    }

    /**
     * The form of the worked example: attitude (weight 1: the smile standard, N/A allowed, and a counter
     * scale), timeliness (weight 2: the greeting, measured and critical; the call-back dropped), appearance
     * (a photo, and an optional signature).
     */
    List<Map<String, Object>> walkAround() {
        return List.of(
                section("ATTITUDE", 1, List.of(item(smile, null, "MET", 1, false, true, true),
                        item(null, "Counter tidy and stocked", "SCALE", 1, false, false, true))),
                section("TIMELINESS", 2, List.of(item(greet, null, "MEASURED", 2, true, false, true))),
                section("APPEARANCE", 1, List.of(item(null, "Photo of the shop front", "PHOTO", 1, false, false, true),
                        item(null, "Outlet manager's signature", "SIGNATURE", 1, false, false, false))));
    }

    /** A published walk-around form; its id. */
    long publishedForm() throws Exception {
        long form = body(postJson("/api/v1/audit-forms", admin, Map.of("outletType", type, "name", "Walk-around"))
                .andExpect(status().isCreated())).get("formId").asLong();
        putJson("/api/v1/audit-forms/" + form + "/draft", admin, draft("Monthly walk-around", walkAround()))
                .andExpect(status().isOk());
        postJson("/api/v1/audit-forms/" + form + "/publish", admin, "").andExpect(status().isOk());
        return form;
    }

    /** The item ids of a view or a version, by text. */
    static Map<String, Long> items(JsonNode version) {
        Map<String, Long> ids = new HashMap<>();
        version.get("sections").forEach(s -> s.get("items").forEach(i -> ids.put(i.get("text").asText(), i.get("id").asLong())));
        return ids;
    }

    static Map<String, Object> answer(long itemId, String key, Map<String, Object> value) {
        Map<String, Object> m = new HashMap<>(value);
        m.put("itemId", itemId);
        m.put("key", key);
        return m;
    }
}
