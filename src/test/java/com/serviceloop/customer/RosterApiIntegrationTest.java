package com.serviceloop.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/** The roster of the worked example ({@link LoyaltyExample}) through the API and its exports. */
class RosterApiIntegrationTest extends ApiTest {
    @Autowired CustomerService customers;
    @Autowired CustomerBulkLoad load;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired CustomerStatsRefresh refresh;
    @Autowired InsightSettingsService settings;
    private Fixtures.Chain chain;
    private LoyaltyExample ex;
    private AppUser admin;
    private String url;

    @BeforeEach
    void setUp() {
        admin = fixtures.admin();
        settings.save(InsightSettings.DEFAULTS);
        chain = fixtures.chain();
        ex = new LoyaltyExample(customers, load, jdbc, clock, admin, chain.outletA().id());
        refresh.refreshAll();
        url = "/api/v1/outlets/" + chain.outletA().id() + "/roster";
    }

    /** A download as a browser asks for it (any type), not as a JSON client. */
    private ResultActions download(String path, String token) throws Exception {
        return mvc.perform(get(path).header("Authorization", "Bearer " + token));
    }

    @Test
    void rosterGroupsCarryTheirReasonAndContactsForTheOutletsManager() throws Exception {
        String manager = token(fixtures.person(Role.MANAGER, chain.outletA().id()));
        JsonNode all = body(getJson(url, manager).andExpect(status().isOk()));
        // A 3600.00, B 1999.80, D 600.00, E 120.06, C 0.00 (LAPSED_HEAVY); F is on no roster
        assertThat(all.get("total").asLong()).isEqualTo(5);
        assertThat(all.get("items").get(0).get("customerId").asLong()).isEqualTo(ex.a);
        assertThat(all.get("items").get(4).get("customerId").asLong()).isEqualTo(ex.c);
        JsonNode a = all.get("items").get(0);
        assertThat(a.get("rosterGroup").asText()).isEqualTo("TRULY_LOYAL");
        assertThat(a.get("visits365").asInt()).isEqualTo(12);
        assertThat(a.get("visitsPrev365").asInt()).isZero();
        assertThat(a.get("wouldRecommend").asInt()).isEqualTo(10);
        assertThat(a.get("phone").asText()).isEqualTo("139 0000 1111");
        assertThat(a.get("link").asText()).isEqualTo("/customers/" + ex.a);

        getJson(url + "?group=LAPSED_HEAVY", manager).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].customerId").value(ex.c))
                .andExpect(jsonPath("$.items[0].visitsPrev365").value(45));
        getJson(url + "?group=lapsed_medium", manager).andExpect(jsonPath("$.items[0].customerId").value(ex.d));
        getJson(url + "?group=LATENT", manager).andExpect(jsonPath("$.items[0].customerId").value(ex.e));
        // by visits this year: A 12, B 10, E 2, D 1, C 0; by last visit: A (1 day), B (10), E (100), D (200), C (400)
        getJson(url + "?sort=visits&size=2&page=1", manager).andExpect(jsonPath("$.items[0].customerId").value(ex.e))
                .andExpect(jsonPath("$.items[1].customerId").value(ex.d));
        getJson(url + "?sort=lastVisit&size=1&page=4", manager).andExpect(jsonPath("$.items[0].customerId").value(ex.c));
    }

    @Test
    void anAuditorSeesNoContactDataInJsonOrExports() throws Exception {
        String auditor = token(fixtures.person(Role.AUDITOR, chain.chain().id()));
        String json = getJson(url, auditor).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(json).doesNotContain("139 0000 1111").doesNotContain("x@example.com").contains("张伟 A");
        String csv = download(url + "/export.csv", auditor).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).doesNotContain("139 0000 1111").doesNotContain("phone").contains("张伟 A");
        byte[] xlsx = download(url + "/export.xlsx", auditor).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            for (Row row : sheet) {
                row.forEach(cell -> assertThat(cell.toString()).doesNotContain("139 0000 1111").isNotEqualTo("phone"));
            }
        }
    }

    @Test
    void exportsHoldEveryRowWithTypedCellsAndNeutralisedFormulas() throws Exception {
        String staff = token(fixtures.person(Role.STAFF, chain.outletA().id()));
        String csv = download(url + "/export.csv?group=SPURIOUS", staff).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFmember_no,name,phone,email,roster_group").contains("李娜 B")
                .contains("139 0000 1111").contains("1999.80");
        byte[] xlsx = download(url + "/export.xlsx?sort=lastVisit", staff).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("member_no");
            assertThat(sheet.getLastRowNum()).isEqualTo(5);
            Row a = sheet.getRow(1);
            assertThat(a.getCell(1).getStringCellValue()).isEqualTo("张伟 A");
            assertThat(a.getCell(7).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(a.getCell(7).getNumericCellValue()).isEqualTo(12.0);
            assertThat(DateUtil.isCellDateFormatted(a.getCell(9))).isTrue();
            assertThat(a.getCell(11).getNumericCellValue()).isEqualTo(3600.0);
        }
        // F (a formula for a name) is on no roster; put her on one through a visit import
        String member = jdbc.sql("SELECT member_no FROM customer WHERE id = :id").param("id", ex.f).query(String.class).single();
        StringBuilder file = new StringBuilder("member_no,outlet_code,visited_at,amount,items\n");
        for (int k = 0; k < 10; k++) {
            file.append(member).append(',').append(chain.outletA().code()).append(',')
                    .append(LocalDateTime.now(clock).minusDays(3 + 7L * k).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                    .append(",12.00,1\n");
        }
        String managerA = token(fixtures.person(Role.MANAGER, chain.outletA().id()));
        call(multipart("/api/v1/visits/import").file(new MockMultipartFile("file", "v.csv", "text/csv",
                file.toString().getBytes(StandardCharsets.UTF_8))), managerA).andExpect(status().isOk());
        // no refresh called: the import refreshed F (10 visits, recommends 3: spurious) and the outlet's cells
        getJson(url + "?group=SPURIOUS&sort=visits", staff).andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].customerId").value(ex.b))
                .andExpect(jsonPath("$.items[1].customerId").value(ex.f));
        getJson("/api/v1/segments?unitId=" + chain.outletA().id(), managerA)
                .andExpect(jsonPath("$.total.customers").value(6))
                .andExpect(jsonPath("$.cells[?(@.tier == 'MEDIUM' && @.loyalty == 'SPURIOUS')].customers").value(2));
        byte[] again = download(url + "/export.xlsx?group=SPURIOUS&sort=visits", staff).andReturn().getResponse()
                .getContentAsByteArray();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(again))) {
            assertThat(wb.getSheetAt(0).getRow(2).getCell(1).getStringCellValue()).startsWith("'=HYPERLINK");
        }
    }

    @Test
    void anotherOutletsManagerGetsNotFoundAndBadInputNamesTheField() throws Exception {
        String other = token(fixtures.person(Role.MANAGER, chain.outletB().id()));
        getJson(url, other).andExpect(status().isNotFound());
        download(url + "/export.csv", other).andExpect(status().isNotFound());
        download(url + "/export.xlsx", other).andExpect(status().isNotFound());
        getJson("/api/v1/outlets/" + chain.region().id() + "/roster", token(admin)).andExpect(status().isNotFound());
        String own = token(fixtures.person(Role.MANAGER, chain.outletA().id()));
        getJson(url + "?group=LOYALISH", own).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("group"));
        getJson(url + "?sort=name", own).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sort"));
        getJson(url + "?size=0", own).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        getJson(url + "?size=201", own).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        getJson(url + "?page=-1", own).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));
        download(url + "/export.csv?group=nope", own).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("group"));
    }
}
