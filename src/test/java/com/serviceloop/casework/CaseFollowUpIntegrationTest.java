package com.serviceloop.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import tools.jackson.databind.JsonNode;

/** Follow-up calls, waivers, recovery, attachments, queues, search, export and bulk actions. */
class CaseFollowUpIntegrationTest extends ApiTest {
    @Autowired JdbcClient jdbc;
    private Fixtures.Chain chain;
    private AppUser staff;
    private String staffToken;
    private AppUser manager;
    private String managerToken;

    @BeforeEach
    void setUp() {
        fixtures.admin();
        chain = fixtures.chain();
        staff = fixtures.person(Role.STAFF, chain.outletA().id(), chain.teamA().id(), null);
        staffToken = token(staff);
        manager = fixtures.person(Role.MANAGER, chain.outletA().id());
        managerToken = token(manager);
    }

    private JsonNode open(String description) throws Exception {
        return body(postJson("/api/v1/cases", staffToken, Map.of("outletId", chain.outletA().id(), "channel", "PHONE",
                "caseType", "COMPLAINT", "severity", "MEDIUM", "description", description)).andExpect(status().isCreated()));
    }

    private long resolved(String description) throws Exception {
        long id = open(description).get("id").asLong();
        postJson("/api/v1/cases/" + id + "/status", staffToken, Map.of("to", "RESOLVED", "version", 0)).andExpect(status().isOk());
        return id;
    }

    private int version(long id) throws Exception {
        return body(getJson("/api/v1/cases/" + id, staffToken)).get("version").asInt();
    }

    @Test
    void aSatisfiedCallClosesAnUnhappyOneReopensAndNotReachedWaits() throws Exception {
        long happy = resolved("Prescription not ready when promised");
        long unhappy = resolved("Rude answer on the phone");
        long unreachable = resolved("Wrong change given");

        postJson("/api/v1/cases/" + happy + "/follow-up", staffToken, Map.of("reached", true, "version", version(happy)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("satisfaction"));
        postJson("/api/v1/cases/" + happy + "/follow-up", staffToken, Map.of("reached", true, "satisfaction", 6,
                "version", version(happy))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("satisfaction"));
        postJson("/api/v1/cases/" + happy + "/follow-up", staffToken, Map.of("reached", true, "satisfaction", 5,
                "cameBack", true, "comment", "Thanked us", "version", version(happy)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.closedAt").isNotEmpty());
        JsonNode calls = body(getJson("/api/v1/cases/" + happy + "/follow-ups", staffToken));
        assertThat(calls.get(0).get("outcome").asText()).isEqualTo("CLOSED");
        assertThat(calls.get(0).get("satisfaction").asInt()).isEqualTo(5);
        assertThat(calls.get(0).get("cameBack").asBoolean()).isTrue();

        postJson("/api/v1/cases/" + unhappy + "/follow-up", staffToken, Map.of("reached", true, "satisfaction", 2,
                "version", version(unhappy))).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IN_PROGRESS"));
        assertThat(jdbc.sql("SELECT failure_code FROM sqi_event WHERE case_id = :c").param("c", unhappy)
                .query(String.class).list()).containsExactly("COMPLAINT_REOPENED");

        postJson("/api/v1/cases/" + unreachable + "/follow-up", staffToken, Map.of("reached", false,
                "version", version(unreachable))).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("FOLLOW_UP"));
        // the call is not due today (four business days for a medium complaint); a week on it is on the
        // owner's list, not on the manager's own, and the manager can look at the owner's
        String inAWeek = "?date=" + LocalDate.now().plusDays(7);
        assertThat(body(getJson("/api/v1/follow-ups/due", staffToken)).findValuesAsString("caseId"))
                .doesNotContain(String.valueOf(unreachable));
        List<String> due = body(getJson("/api/v1/follow-ups/due" + inAWeek, staffToken)).findValuesAsString("caseId");
        assertThat(due).contains(String.valueOf(unreachable)).doesNotContain(String.valueOf(happy));
        assertThat(body(getJson("/api/v1/follow-ups/due" + inAWeek, managerToken))).isEmpty();
        assertThat(body(getJson("/api/v1/follow-ups/due" + inAWeek + "&personId=" + staff.id(), managerToken))
                .findValuesAsString("caseId")).contains(String.valueOf(unreachable));
        // recording a call on a case that is not resolved is refused
        postJson("/api/v1/cases/" + unhappy + "/follow-up", staffToken, Map.of("reached", false, "version", version(unhappy)))
                .andExpect(status().isConflict());
    }

    @Test
    void onlyAManagerWaivesTheCall() throws Exception {
        long id = resolved("Customer moved away, asked not to be called");
        postJson("/api/v1/cases/" + id + "/waive-follow-up", staffToken, Map.of("reason", "asked", "version", version(id)))
                .andExpect(status().isForbidden());
        postJson("/api/v1/cases/" + id + "/waive-follow-up", managerToken, Map.of("reason", "", "version", version(id)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        postJson("/api/v1/cases/" + id + "/waive-follow-up", managerToken, Map.of("reason", "Customer asked not to be called",
                "version", version(id))).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"));
        assertThat(body(getJson("/api/v1/cases/" + id + "/follow-ups", staffToken)).get(0).get("outcome").asText())
                .isEqualTo("WAIVED");
        assertThat(body(getJson("/api/v1/cases/" + id + "/events", staffToken)).findValuesAsString("detail"))
                .anyMatch(d -> d.contains("Customer asked not to be called"));
    }

    @Test
    void recoveryLinksStandardsAndMarksAProblem() throws Exception {
        long id = open("Waited 25 minutes for a prescription").get("id").asLong();
        jdbc.sql("INSERT INTO standard (outlet_type, area_code) VALUES ('pharmacy', (SELECT MIN(code) FROM standard_area))")
                .update();
        long standard = jdbc.sql("SELECT MAX(id) FROM standard").query(Long.class).single();
        JsonNode c = body(putJson("/api/v1/cases/" + id + "/recovery", staffToken, whole(CaseCommands.Recovery.class, Map.of("remedy", "Free delivery of the medicine",
                "remedyCost", 12.5, "standardIds", List.of(standard), "problem", true, "version", 0))).andExpect(status().isOk()));
        assertThat(c.get("remedy").asText()).isEqualTo("Free delivery of the medicine");
        assertThat(c.get("remedyCost").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(c.get("problem").asBoolean()).isTrue();
        assertThat(body(getJson("/api/v1/cases/" + id + "/standards", staffToken)).get(0).asLong()).isEqualTo(standard);
        putJson("/api/v1/cases/" + id + "/recovery", staffToken, whole(CaseCommands.Recovery.class, Map.of("standardIds", List.of(999999), "version", 1)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("standardIds"));
        putJson("/api/v1/cases/" + id + "/recovery", staffToken, whole(CaseCommands.Recovery.class, Map.of("remedyCost", -1, "version", 1)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("remedyCost"));
        putJson("/api/v1/cases/" + id + "/recovery", staffToken, whole(CaseCommands.Recovery.class, Map.of("remedy", "x", "version", 0)))
                .andExpect(status().isConflict());
        assertThat(body(getJson("/api/v1/cases?problem=true", staffToken)).get("items").findValuesAsString("id"))
                .containsExactly(String.valueOf(id));
    }

    @Test
    void photosAreTypeCheckedAndSizeLimited() throws Exception {
        long id = open("Damaged box").get("id").asLong();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        JsonNode a = body(mvc.perform(multipart("/api/v1/cases/" + id + "/attachments")
                .file(new MockMultipartFile("file", "../box photo.png", "application/octet-stream", png))
                .header("Authorization", "Bearer " + staffToken)).andExpect(status().isCreated()));
        assertThat(a.get("contentType").asText()).isEqualTo("image/png");
        assertThat(a.get("fileName").asText()).isEqualTo("box photo.png");
        mvc.perform(get("/api/v1/cases/" + id + "/attachments/" + a.get("id").asLong())
                        .header("Authorization", "Bearer " + staffToken))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/png"))
                .andExpect(content().bytes(png));

        mvc.perform(multipart("/api/v1/cases/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "photo.jpg", "image/jpeg", "<script>alert(1)</script>".getBytes()))
                        .header("Authorization", "Bearer " + staffToken))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        mvc.perform(multipart("/api/v1/cases/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "huge.jpg", "image/jpeg", big))
                        .header("Authorization", "Bearer " + staffToken))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message").value(
                        Matchers.containsString("10 MB")));
        assertThat(body(getJson("/api/v1/cases/" + id + "/attachments", staffToken))).hasSize(1);

        AppUser other = fixtures.person(Role.STAFF, chain.outletB().id());
        getJson("/api/v1/cases/" + id + "/attachments/" + a.get("id").asLong(), token(other)).andExpect(status().isNotFound());
    }

    @Test
    void searchFindsAPieceOfTextInEitherLanguageAPhoneTailOrACaseNumber() throws Exception {
        long chinese = open("药剂师态度很差，等了四十分钟").get("id").asLong();
        long percent = open("Promised 50% off the second box, charged full price").get("id").asLong();
        long underscore = open("Loyalty card number shows as A_17 on the receipt").get("id").asLong();
        open("Coupon AB17 was refused at the till");
        long withCustomer = body(postJson("/api/v1/cases", staffToken, Map.of("outletId", chain.outletA().id(),
                "channel", "COUNTER", "caseType", "REQUEST", "severity", "LOW", "description", "Wants a copy of the invoice",
                "customerName", "李小明", "customerPhone", "13912345678")).andExpect(status().isCreated())).get("id").asLong();

        assertThat(searched("态度很")).containsExactly(chinese);
        assertThat(searched("态度")).as("two characters, below a trigram").containsExactly(chinese);
        assertThat(searched("CHARGED FULL")).containsExactly(percent);
        // % and _ are searched for as themselves, not as wildcards
        assertThat(searched("50%")).containsExactly(percent);
        assertThat(searched("%")).containsExactly(percent);
        assertThat(searched("A_17")).containsExactly(underscore);
        assertThat(searched("小明")).containsExactly(withCustomer);
        assertThat(searched("345678")).as("the phone's last digits").containsExactly(withCustomer);
        assertThat(searched("#" + chinese)).containsExactly(chinese);
        assertThat(searched("nothing-like-this")).isEmpty();
    }

    @Test
    void queuesSearchExportAndBulk() throws Exception {
        long mine = open("Loyalty points missing after purchase").get("id").asLong();
        AppUser colleague = fixtures.person(Role.STAFF, chain.outletA().id(), chain.teamA().id(), null);
        String colleagueToken = token(colleague);
        long teams = body(postJson("/api/v1/cases", colleagueToken, Map.of("outletId", chain.outletA().id(),
                "channel", "COUNTER", "caseType", "REQUEST", "severity", "LOW", "description", "Asks for a large-print leaflet",
                "customerName", "Wang Fang", "customerPhone", "13800001111")).andExpect(status().isCreated())).get("id").asLong();

        assertThat(ids("/api/v1/cases?queue=MINE")).containsExactly(mine);
        assertThat(ids("/api/v1/cases?queue=TEAM")).containsExactlyInAnyOrder(mine, teams);
        assertThat(ids("/api/v1/cases?q=LARGE-PRINT")).containsExactly(teams);
        assertThat(ids("/api/v1/cases?q=wang")).as("customer created on the spot is searchable").containsExactly(teams);
        assertThat(searched("#" + mine)).containsExactly(mine);
        assertThat(ids("/api/v1/cases?caseType=REQUEST")).containsExactly(teams);
        assertThat(ids("/api/v1/cases?queue=OVERDUE")).isEmpty();
        getJson("/api/v1/cases?queue=SOMETIMES", staffToken).andExpect(status().isBadRequest());

        String csv = mvc.perform(get("/api/v1/cases/export?caseType=COMPLAINT").header("Authorization", "Bearer " + staffToken))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(csv.lines().toList()).hasSize(2);
        assertThat(csv).startsWith("\uFEFFid,created_at,outlet").contains("Loyalty points missing");
        List<List<Object>> sheet = xlsx("/api/v1/cases/export.xlsx?caseType=COMPLAINT", staffToken);
        assertThat(sheet).hasSize(2);
        assertThat(sheet.get(0).subList(0, 3)).containsExactly("id", "created_at", "outlet");
        assertThat(sheet.get(1).get(0)).isEqualTo((double) mine);
        assertThat(sheet.get(1).get(1)).isInstanceOf(LocalDateTime.class);
        assertThat(sheet.get(1).get(10)).isEqualTo("Loyalty points missing after purchase");

        // hand the request to the team: it leaves the colleague's queue and any member can take it
        postJson("/api/v1/cases/" + teams + "/handover", colleagueToken, Map.of("teamId", chain.teamA().id(),
                "reason", "Going off shift", "version", 0)).andExpect(status().isOk())
                .andExpect(jsonPath("$.ownerTeamId").value(chain.teamA().id()));
        postJson("/api/v1/cases/" + teams + "/handover", staffToken, Map.of("personId", staff.id(),
                "reason", "Taken from the team queue", "version", 1)).andExpect(status().isOk());
        assertThat(ids("/api/v1/cases?queue=MINE")).containsExactlyInAnyOrder(mine, teams);

        postJson("/api/v1/cases/bulk", staffToken, Map.of("ids", List.of(mine), "action", "MARK_PROBLEM"))
                .andExpect(status().isForbidden());
        JsonNode results = body(postJson("/api/v1/cases/bulk", managerToken, Map.of("ids", List.of(mine, teams, 999999),
                "action", "HAND_OVER", "personId", colleague.id(), "reason", "Staff member on leave")).andExpect(status().isOk()));
        assertThat(results.findValuesAsString("ok")).containsExactly("true", "true", "false");
        assertThat(ids("/api/v1/cases?queue=MINE")).isEmpty();
        JsonNode moved = body(postJson("/api/v1/cases/bulk", managerToken, Map.of("ids", List.of(mine, teams),
                "action", "MOVE", "to", "CLOSED")).andExpect(status().isOk()));
        assertThat(moved.findValuesAsString("ok")).containsExactly("false", "false");
    }

    private List<Long> searched(String q) throws Exception {
        return body(call(get("/api/v1/cases").param("q", q), staffToken).andExpect(status().isOk())).get("items")
                .findValues("id").stream().map(JsonNode::asLong).toList();
    }

    private List<Long> ids(String url) throws Exception {
        return body(getJson(url, staffToken).andExpect(status().isOk())).get("items").findValues("id").stream()
                .map(JsonNode::asLong).toList();
    }
}
