package com.serviceloop.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.customer.CustomerForm;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import tools.jackson.databind.JsonNode;

/** A manager of outlet A sees nothing of outlet B: not in lists, not by id, not in exports or imports. */
class OutletScopeIntegrationTest extends ApiTest {
    private Fixtures.Chain chain;
    private long customerOfA;
    private long customerOfB;
    private String memberOfB;
    private String managerA;
    private String regionManager;
    private String staffOfTeamA;

    @BeforeEach
    void setUp() {
        AppUser admin = fixtures.admin();
        chain = fixtures.chain();
        customerOfA = fixtures.customer(admin, chain.outletA().id(), "Customer of A");
        memberOfB = Fixtures.unique("MB");
        customerOfB = fixtures.customer(admin, chain.outletB().id(), "Customer of B", memberOfB);
        managerA = token(fixtures.person(Role.MANAGER, chain.outletA().id()));
        regionManager = token(fixtures.person(Role.MANAGER, chain.region().id()));
        staffOfTeamA = token(fixtures.person(Role.STAFF, chain.teamA().id()));
    }

    @Test
    void managerOfASeesOnlyA() throws Exception {
        getJson("/api/v1/customers/" + customerOfA, managerA).andExpect(status().isOk());
        getJson("/api/v1/customers/" + customerOfB, managerA).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.name").doesNotExist());
        getJson("/api/v1/customers/" + customerOfB + "/visits", managerA).andExpect(status().isNotFound());
        getJson("/api/v1/customers/" + customerOfB + "/insight", managerA).andExpect(status().isNotFound());

        JsonNode all = body(getJson("/api/v1/customers?size=200", managerA));
        assertThat(all.get("total").asLong()).isEqualTo(1);
        assertThat(all.get("items").get(0).get("id").asLong()).isEqualTo(customerOfA);
        getJson("/api/v1/customers?q=Customer of B", managerA).andExpect(jsonPath("$.total").value(0));

        JsonNode mix = body(getJson("/api/v1/outlets/tier-mix", managerA));
        assertThat(mix).hasSize(1);
        assertThat(mix.get(0).get("outletId").asLong()).isEqualTo(chain.outletA().id());

        JsonNode units = body(getJson("/api/v1/units", managerA));
        assertThat(units.findValuesAsString("code")).containsExactly(chain.outletA().code(), chain.teamA().code());
        getJson("/api/v1/units/" + chain.outletB().id(), managerA).andExpect(status().isNotFound());
    }

    @Test
    void managerOfACannotWriteIntoB() throws Exception {
        postJson("/api/v1/customers", managerA, Map.of("memberNo", Fixtures.unique("M"), "name", "Sneaky",
                "homeOutletId", chain.outletB().id())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("homeOutletId"));
        putJson("/api/v1/customers/" + customerOfB, managerA, whole(CustomerForm.class, Map.of("memberNo", memberOfB,
                "name", "Renamed", "homeOutletId", chain.outletA().id()))).andExpect(status().isNotFound());
        postJson("/api/v1/customers/" + customerOfA + "/visits", managerA, Map.of("outletId", chain.outletB().id(),
                "visitedAt", "2025-01-02T10:00:00", "amount", "10", "items", 1)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outletId"));
    }

    @Test
    void regionManagerSeesBothOutletsAndTeamStaffSeeTheirOutlet() throws Exception {
        getJson("/api/v1/customers/" + customerOfA, regionManager).andExpect(status().isOk());
        getJson("/api/v1/customers/" + customerOfB, regionManager).andExpect(status().isOk());
        getJson("/api/v1/customers/" + customerOfA, staffOfTeamA).andExpect(status().isOk());
        getJson("/api/v1/customers/" + customerOfB, staffOfTeamA).andExpect(status().isNotFound());
    }

    @Test
    void exportAndImportStayInScope() throws Exception {
        String csv = mvc.perform(get("/api/v1/customers/export").header("Authorization", "Bearer " + managerA))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("Customer of A").doesNotContain("Customer of B");
        assertThat(xlsx("/api/v1/customers/export.xlsx", managerA).stream().map(r -> r.get(1)))
                .contains("Customer of A").doesNotContain("Customer of B");

        String rows = "member_no,name,home_outlet_code\n"
                + Fixtures.unique("M") + ",New in B," + chain.outletB().code() + "\n";
        JsonNode report = body(call(multipart("/api/v1/customers/import")
                .file(new MockMultipartFile("file", "c.csv", "text/csv", rows.getBytes(StandardCharsets.UTF_8))), managerA)
                .andExpect(status().isOk()));
        assertThat(report.get("inserted").asLong()).isZero();
        assertThat(report.get("errors").get(0).get("field").asText()).isEqualTo("home_outlet_code");

        String visits = "member_no,outlet_code,visited_at,amount,items\n"
                + memberOfB + "," + chain.outletA().code() + "," + LocalDate.now().minusDays(3) + ",10.00,1\n";
        JsonNode visitReport = body(call(multipart("/api/v1/visits/import")
                .file(new MockMultipartFile("file", "v.csv", "text/csv", visits.getBytes(StandardCharsets.UTF_8))), managerA)
                .andExpect(status().isOk()));
        assertThat(visitReport.get("inserted").asLong()).isZero();
        assertThat(visitReport.get("rejected").asLong()).isEqualTo(1);
    }

    @Test
    void onlyAdministratorsManageTheOrganisation() throws Exception {
        getJson("/api/v1/people", managerA).andExpect(status().isForbidden());
        postJson("/api/v1/units", managerA, Map.of("kind", "CHAIN", "name", "Mine", "code", Fixtures.unique("X")))
                .andExpect(status().isForbidden());
        postJson("/api/v1/tokens", managerA, Map.of("name", "x", "personId", 1)).andExpect(status().isForbidden());
        putJson("/api/v1/settings/insight", managerA, Map.of()).andExpect(status().isForbidden());
    }
}
