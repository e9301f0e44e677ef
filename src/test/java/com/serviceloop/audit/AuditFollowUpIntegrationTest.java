package com.serviceloop.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.Fixtures;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import tools.jackson.databind.JsonNode;

@Tag("db")
class AuditFollowUpIntegrationTest extends AuditApiTest {
    @Autowired JdbcClient jdbc;

    /** An audit of outlet A, submitted with the greeting after 31 s (a critical miss); its id. */
    private long failedAudit(Long scheduleId, long form) throws Exception {
        Map<String, Object> start = new HashMap<>(Map.of("outletId", outletA.id(), "formId", form));
        if (scheduleId != null) {
            start.put("scheduleId", scheduleId);
        }
        long audit = body(postJson("/api/v1/audits", admin, start).andExpect(status().isCreated())).get("id").asLong();
        String url = "/api/v1/audits/" + audit;
        Map<String, Long> item = items(body(getJson(url, admin)).get("form"));
        postJson(url + "/answers", admin, answer(item.get("Greet every customer within 30 seconds"), "f-1-000000",
                Map.of("measured", 31))).andExpect(status().isOk());
        postJson(url + "/answers", admin, answer(item.get("Smile and make eye contact when greeting"), "f-2-000000",
                Map.of("choice", "MET"))).andExpect(status().isOk());
        postJson(url + "/answers", admin, answer(item.get("Counter tidy and stocked"), "f-3-000000", Map.of("scale", 3)));
        mvc.perform(multipart(url + "/items/" + item.get("Photo of the shop front") + "/photos")
                .file(new MockMultipartFile("file", "x.png", "image/png", PNG)).header("Authorization", "Bearer " + admin))
                .andExpect(status().isCreated());
        postJson(url + "/submit", admin, "").andExpect(status().isOk()).andExpect(jsonPath("$.audit.result").value("FAILED"));
        return audit;
    }

    @Test
    void aScheduleListsItsNextOpenDateAndAnAuditFromItMovesItOn() throws Exception {
        long form = publishedForm();
        LocalDate first = LocalDate.now().minusDays(40);
        JsonNode schedule = body(postJson("/api/v1/audit-schedules", admin, Map.of("outletId", outletA.id(), "formId", form,
                "everyMonths", 1, "firstDue", first.toString())).andExpect(status().isCreated()));
        assertThat(schedule.get("nextDue").asText()).isEqualTo(first.toString());
        assertThat(schedule.get("state").asText()).isEqualTo("OVERDUE");
        long audit = failedAudit(schedule.get("id").asLong(), form);
        assertThat(body(getJson("/api/v1/audits/" + audit, admin)).at("/audit/dueOn").asText()).isEqualTo(first.toString());
        JsonNode due = body(getJson("/api/v1/audit-schedules", admin));
        JsonNode mine = null;
        for (JsonNode s : due) {
            mine = s.get("id").asLong() == schedule.get("id").asLong() ? s : mine;
        }
        assertThat(mine.get("nextDue").asText()).isEqualTo(first.plusMonths(1).toString());

        postJson("/api/v1/audit-schedules", admin, Map.of("outletId", otherType.id(), "formId", form, "everyMonths", 1,
                "firstDue", first.toString())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("formId"));
        postJson("/api/v1/audit-schedules", admin, Map.of("outletId", outletA.id(), "formId", form, "everyMonths", 13,
                "firstDue", first.toString())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("everyMonths"));
        postJson("/api/v1/audits", admin, Map.of("outletId", outletB.id(), "formId", form, "scheduleId",
                schedule.get("id").asLong())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("scheduleId"));
    }

    @Test
    void aCriticalMissMailsTheRegionManagerAndMissedItemsTakeCorrectiveActions() throws Exception {
        String email = Fixtures.unique("rm") + "@example.com";
        fixtures.person(Role.MANAGER, region.id(), null, email);
        AppUser outletManager = fixtures.person(Role.MANAGER, outletA.id());
        long form = publishedForm();
        long audit = failedAudit(null, form);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox WHERE target = :e AND subject LIKE '%Critical miss%'")
                .param("e", email).query(Long.class).single()).isEqualTo(1);

        Map<String, Long> item = items(body(getJson("/api/v1/audits/" + audit, admin)).get("form"));
        long greetItem = item.get("Greet every customer within 30 seconds");
        String url = "/api/v1/audits/" + audit + "/actions";
        Map<String, Object> action = Map.of("itemId", greetItem, "ownerId", outletManager.id(),
                "dueOn", LocalDate.now().plusDays(14).toString(), "description", "Brief the counter team on greeting");
        long id = body(postJson(url, admin, action).andExpect(status().isCreated())).get("id").asLong();
        postJson(url, admin, action).andExpect(status().isConflict());
        postJson(url, admin, Map.of("itemId", item.get("Smile and make eye contact when greeting"), "ownerId",
                outletManager.id(), "dueOn", LocalDate.now().toString(), "description", "x"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("itemId"));
        postJson(url, admin, Map.of("itemId", greetItem, "ownerId", outletManager.id(),
                "dueOn", LocalDate.now().minusDays(1).toString(), "description", "x"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("dueOn"));

        // the dashboard of outlet A: one audit this month, (1 x (1 + 0.75) / 2 + 2 x 0) / 3 = 0.2917, failed
        JsonNode board = body(getJson("/api/v1/audit-dashboard?unitId=" + outletA.id(), admin).andExpect(status().isOk()));
        assertThat(board.get("months")).hasSize(1);
        assertThat(board.at("/months/0/meanScore").asDouble()).isEqualTo(0.2917);
        assertThat(board.at("/months/0/failed").asInt()).isEqualTo(1);
        assertThat(board.at("/weakest/0/standardId").asLong()).isEqualTo(greet);
        assertThat(board.at("/weakest/0/meanScore").asDouble()).isEqualTo(0.0);
        assertThat(board.get("openActions").asInt()).isEqualTo(1);
        assertThat(body(getJson("/api/v1/audit-dashboard?unitId=" + outletB.id(), admin)).get("months")).isEmpty();
        // everything a region manager sees (no unit chosen): the same single audit
        String regional = token(fixtures.person(Role.MANAGER, region.id()));
        JsonNode all = body(getJson("/api/v1/audit-dashboard", regional).andExpect(status().isOk()));
        assertThat(all.at("/months/0/meanScore").asDouble()).isEqualTo(0.2917);
        assertThat(all.at("/weakest/0/standardId").asLong()).isEqualTo(greet);
        // the point's drill-down lists the audit behind it; another month or outlet lists none
        String month = board.at("/months/0/month").asText();
        JsonNode behind = body(getJson("/api/v1/audit-dashboard/audits?unitId=" + outletA.id() + "&month=" + month, admin)
                .andExpect(status().isOk()));
        assertThat(behind).hasSize(1);
        assertThat(behind.at("/0/id").asLong()).isEqualTo(audit);
        assertThat(body(getJson("/api/v1/audit-dashboard/audits?unitId=" + outletB.id() + "&month=" + month, admin))).isEmpty();
        assertThat(body(getJson("/api/v1/audit-dashboard/audits?month=2019-01", admin))).isEmpty();
        getJson("/api/v1/audit-dashboard/audits?month=2026-13", admin).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("month"));
        // the monthly sums kept at submission are exactly what a rebuild from the audits gives
        postJson("/api/v1/audit-dashboard/rebuild", admin, "").andExpect(status().isOk());
        assertThat(body(getJson("/api/v1/audit-dashboard?unitId=" + outletA.id(), admin))).isEqualTo(board);

        String owner = token(outletManager);
        JsonNode mine = body(getJson("/api/v1/audit-actions?mine=true", owner).andExpect(status().isOk()));
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("itemText").asText()).isEqualTo("Greet every customer within 30 seconds");
        postJson("/api/v1/audit-actions/" + id + "/done", owner, "").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DONE"));
        postJson("/api/v1/audit-actions/" + id + "/done", owner, "").andExpect(status().isConflict());
        String managerB = token(fixtures.person(Role.MANAGER, outletB.id()));
        postJson("/api/v1/audit-actions/" + id + "/done", managerB, "").andExpect(status().isNotFound());

        String csv = mvc.perform(get("/api/v1/audits/export?outletId=" + outletA.id()).header("Authorization", "Bearer " + admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv).contains("audit_id,outlet,form,form_version");
        assertThat(csv).contains(audit + ",Outlet A,Monthly walk-around,1,").contains("Greet every customer within 30 seconds");
        getJson("/api/v1/audits/export?outletId=" + outletA.id(), managerB).andExpect(status().isBadRequest());
    }
}
