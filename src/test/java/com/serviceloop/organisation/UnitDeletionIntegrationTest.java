package com.serviceloop.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Each module that keeps records of an outlet vetoes its deletion; organisation itself knows none of their tables. */
class UnitDeletionIntegrationTest extends ApiTest {
    @Autowired JdbcClient jdbc;
    private String admin;
    private Fixtures.Chain chain;

    @BeforeEach
    void setUp() {
        AppUser a = fixtures.admin();
        admin = token(a);
        chain = fixtures.chain();
    }

    private long outlet() throws Exception {
        return body(postJson("/api/v1/units", admin, Map.of("kind", "OUTLET", "name", "Pop-up", "code", Fixtures.unique("O"),
                "parentId", chain.region().id())).andExpect(status().isCreated())).get("id").asLong();
    }

    private void refused(long outlet, String what) throws Exception {
        deleteJson("/api/v1/units/" + outlet, admin).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Unit " + outlet + " still has " + what));
    }

    @Test
    void anOutletWithCustomersCasesSurveysOrMeasurementsStaysAndAnEmptyOneGoesWithItsCalendar() throws Exception {
        long withCustomer = outlet();
        fixtures.customer(fixtures.admin(), withCustomer, "Home here");
        refused(withCustomer, "customers or visits");
        // the same refusal in the caller's language
        mvc.perform(delete("/api/v1/units/" + withCustomer).header("Authorization", "Bearer " + admin)
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value("单位 " + withCustomer + " 仍有顾客或到店记录"));

        long withCase = outlet();
        postJson("/api/v1/cases", admin, Map.of("outletId", withCase, "channel", "COUNTER", "caseType", "COMPLAINT",
                "severity", "LOW", "description", "Queue too long")).andExpect(status().isCreated());
        refused(withCase, "cases or SQI failures");

        long withLink = outlet();
        long survey = jdbc.sql("SELECT id FROM survey WHERE code = 'recommend'").query(Long.class).single();
        postJson("/api/v1/surveys/" + survey + "/links", admin, Map.of("outletId", withLink)).andExpect(status().isCreated());
        refused(withLink, "survey links or answers");

        long measured = outlet();
        long standard = body(postJson("/api/v1/standards", admin, Map.of("outletType", "pharmacy", "areaCode", "TIMELINESS",
                "behaviour", "Call a customer back within 4 hours", "kind", "HARD", "measure", "call log",
                "targetValue", 4, "targetUnit", "HOURS", "targetRate", 95))).get("standard").get("id").asLong();
        postJson("/api/v1/standards/" + standard + "/measurements", admin, Map.of("outletId", measured, "observedValue", 3))
                .andExpect(status().isCreated());
        refused(measured, "standard measurements");

        long empty = outlet();
        putJson("/api/v1/outlets/" + empty + "/calendar", admin, Map.of("timeZone", "Asia/Shanghai",
                "hours", List.of(Map.of("dayOfWeek", 1, "opens", "09:00", "closes", "18:00")), "holidays", List.of()))
                .andExpect(status().isOk());
        deleteJson("/api/v1/units/" + empty, admin).andExpect(status().isNoContent());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outlet_hours WHERE outlet_id = :o").param("o", empty).query(Long.class)
                .single()).isZero();
        getJson("/api/v1/units/" + empty, admin).andExpect(status().isNotFound());
    }
}
