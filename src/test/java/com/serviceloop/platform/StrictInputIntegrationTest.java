package com.serviceloop.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Values are refused naming the field rather than bent: fractions are not truncated into whole
 * numbers, nulls inside lists and far-off dates are not passed on, and the refusal says what the
 * field expects in words, never a Java type name.
 */
class StrictInputIntegrationTest extends ApiTest {
    @Autowired JdbcClient jdbc;
    private String admin;
    private Fixtures.Chain chain;

    @BeforeEach
    void setUp() {
        admin = token(fixtures.admin());
        chain = fixtures.chain();
    }

    private ResultActions send(String method, String url, String body, String language) throws Exception {
        var request = (method.equals("PUT") ? put(url) : post(url)).contentType(MediaType.APPLICATION_JSON).content(body)
                .header("Accept-Language", language);
        return call(request, admin);
    }

    @Test
    void aFractionForAWholeNumberIsRefusedNamingTheFieldAndNothingIsTruncated() throws Exception {
        int before = jdbc.sql("SELECT COUNT(*) FROM sla_target WHERE minutes = 1").query(Integer.class).single();
        send("PUT", "/api/v1/sla-targets", "{\"caseType\": \"COMPLAINT\", \"severity\": \"HIGH\", \"clockKind\": "
                + "\"FIRST_RESPONSE\", \"minutes\": 1.5}", "en").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("minutes"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a whole number"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sla_target WHERE minutes = 1").query(Integer.class).single()).isEqualTo(before);
        send("PUT", "/api/v1/settings/insight", "{\"heavyMinVisits\": 24, \"mediumMinVisits\": 6, \"lightMinVisits\": 1, "
                + "\"expectedYears\": 5, \"wordOfMouthMultiplier\": 1.5, \"promoterMinScore\": 1.5}", "zh-CN")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("promoterMinScore"))
                .andExpect(jsonPath("$.errors[0].message").value("应为整数"));
        call(get("/api/v1/customers").param("page", "1.5"), admin).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a whole number"));
    }

    @Test
    void tooLargeNumbersAndIdsBelowOneAreRefusedNamingTheField() throws Exception {
        send("POST", "/api/v1/cases/bulk", "{\"ids\": [99999999999999999999], \"action\": \"MOVE\"}", "en")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("ids[0]"));
        send("POST", "/api/v1/cases/bulk", "{\"ids\": [-1], \"action\": \"MOVE\"}", "en")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("ids[0]"))
                .andExpect(jsonPath("$.errors[0].message").value("must be the id of an existing record (a whole number from 1)"));
        send("POST", "/api/v1/customers", "{\"memberNo\": \"" + Fixtures.unique("S") + "\", \"name\": \"Li\", "
                + "\"homeOutletId\": 1e308}", "en").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("homeOutletId"));
        getJson("/api/v1/customers/-1", admin).andExpect(status().isNotFound());
        getJson("/api/v1/customers/99999999999999999999", admin).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a whole number"));
    }

    @Test
    void nullInsideAListIsRefusedNamingTheEntry() throws Exception {
        send("POST", "/api/v1/cases/bulk", "{\"ids\": [null], \"action\": \"MOVE\"}", "en")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("ids[0]"))
                .andExpect(jsonPath("$.errors[0].message").value("may not contain an empty (null) entry"));
        send("PUT", "/api/v1/outlets/" + chain.outletA().id() + "/calendar",
                "{\"timeZone\": null, \"hours\": [null], \"holidays\": []}", "zh-CN")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("hours[0]"))
                .andExpect(jsonPath("$.errors[0].message").value("列表中不能有空项（null）"));
    }

    @Test
    void datesOutside1900To2200AreRefusedInBodiesAndParameters() throws Exception {
        for (String day : new String[] {"0001-01-01", "9999-12-31", "1899-12-31", "2201-01-01"}) {
            send("PUT", "/api/v1/outlets/" + chain.outletA().id() + "/calendar",
                    "{\"timeZone\": null, \"hours\": [], \"holidays\": [\"" + day + "\"]}", "en")
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("holidays[0]"))
                    .andExpect(jsonPath("$.errors[0].message").value("must be a date between 1900 and 2200"));
            call(get("/api/v1/cases").param("from", day), admin).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("from"));
        }
        send("PUT", "/api/v1/outlets/" + chain.outletA().id() + "/calendar",
                "{\"timeZone\": null, \"hours\": [], \"holidays\": [\"1900-01-01\", \"2200-12-31\"]}", "en")
                .andExpect(status().isOk());
        send("PUT", "/api/v1/outlets/" + chain.outletA().id() + "/calendar",
                "{\"timeZone\": null, \"hours\": [], \"holidays\": [\"not-a-date\"]}", "en")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("holidays[0]"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a date like 2026-11-29"));
    }

    @Test
    void aRefusalNamesWhatTheFieldExpectsNeverAJavaType() throws Exception {
        String enumRefusal = send("POST", "/api/v1/cases", "{\"outletId\": " + chain.outletA().id()
                + ", \"channel\": \"COUNTER\", \"caseType\": \"COMPLAINT\", \"severity\": \"HUGE\", \"description\": \"x\"}", "en")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("severity"))
                .andReturn().getResponse().getContentAsString();
        assertThat(enumRefusal).contains("must be one of: HIGH, MEDIUM, LOW").doesNotContain("com.serviceloop", "java.");
        String pathRefusal = call(get("/api/v1/cases").param("status", "NOPE"), admin).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(pathRefusal).contains("status").contains("one of:").doesNotContain("com.serviceloop", "java.", "CaseStatus");
        String wrongType = send("PUT", "/api/v1/outlets/" + chain.outletA().id() + "/calendar",
                "{\"timeZone\": {\"a\": 1}, \"hours\": [], \"holidays\": []}", "zh-CN")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("timeZone"))
                .andReturn().getResponse().getContentAsString();
        assertThat(wrongType).contains("应为文本").doesNotContain("java.", "String");
    }
}
