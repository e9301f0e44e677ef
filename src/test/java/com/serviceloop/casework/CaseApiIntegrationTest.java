package com.serviceloop.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class CaseApiIntegrationTest extends ApiTest {
    @Autowired CalendarRepository calendars;
    private Fixtures.Chain chain;
    private AppUser staff;
    private String staffToken;

    @BeforeEach
    void setUp() {
        fixtures.admin();
        chain = fixtures.chain();
        staff = fixtures.person(Role.STAFF, chain.outletA().id());
        staffToken = token(staff);
    }

    private JsonNode open(String token, String severity) throws Exception {
        return body(postJson("/api/v1/cases", token, Map.of("outletId", chain.outletA().id(), "channel", "COUNTER",
                "caseType", "COMPLAINT", "severity", severity, "description", "Waited 20 minutes at the counter"))
                .andExpect(status().isCreated()));
    }

    private JsonNode move(long id, String to, int version) throws Exception {
        return body(postJson("/api/v1/cases/" + id + "/status", staffToken, Map.of("to", to, "version", version))
                .andExpect(status().isOk()));
    }

    private JsonNode clock(long id, String kind) throws Exception {
        for (JsonNode c : body(getJson("/api/v1/cases/" + id + "/clocks", staffToken))) {
            if (c.get("clockKind").asText().equals(kind)) {
                return c;
            }
        }
        return null;
    }

    @Test
    void whoeverRecordsACaseOwnsItAndTheClocksStart() throws Exception {
        JsonNode c = open(staffToken, "HIGH");
        long id = c.get("id").asLong();
        assertThat(c.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(c.get("ownerId").asLong()).isEqualTo(staff.id());

        JsonNode first = clock(id, "FIRST_RESPONSE");
        OffsetDateTime started = OffsetDateTime.parse(first.get("startedAt").asText());
        OffsetDateTime due = OffsetDateTime.parse(first.get("dueAt").asText());
        // 30 business minutes for a high-severity complaint, over the outlet's (default) opening hours
        assertThat(due.toInstant()).isEqualTo(SlaClock.deadline(calendars.forOutlet(chain.outletA().id()),
                started.toInstant(), Duration.ofMinutes(30), List.of()));
        assertThat(Duration.between(started, due)).isGreaterThanOrEqualTo(Duration.ofMinutes(30));
        assertThat(clock(id, "RESOLUTION").get("dueAt").isNull()).isFalse();
        assertThat(body(getJson("/api/v1/cases/" + id + "/events", staffToken)).findValuesAsString("kind"))
                .containsExactly("CREATED");
    }

    @Test
    void theWholeLoopWithAPauseAndAReopening() throws Exception {
        long id = open(staffToken, "MEDIUM").get("id").asLong();
        move(id, "ACKNOWLEDGED", 0);
        assertThat(clock(id, "FIRST_RESPONSE").get("stoppedAt").isNull()).isFalse();
        move(id, "IN_PROGRESS", 1);
        String dueBefore = clock(id, "RESOLUTION").get("dueAt").asText();
        move(id, "WAITING_FOR_CUSTOMER", 2);
        assertThat(clock(id, "RESOLUTION").get("dueAt").isNull()).as("no deadline while waiting").isTrue();
        move(id, "IN_PROGRESS", 3);
        assertThat(OffsetDateTime.parse(clock(id, "RESOLUTION").get("dueAt").asText()))
                .isAfterOrEqualTo(OffsetDateTime.parse(dueBefore));
        move(id, "RESOLVED", 4);
        assertThat(clock(id, "RESOLUTION").get("stoppedAt").isNull()).isFalse();
        assertThat(clock(id, "FOLLOW_UP").get("dueAt").isNull()).isFalse();
        postJson("/api/v1/cases/" + id + "/status", staffToken, Map.of("to", "CLOSED", "version", 5))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        move(id, "FOLLOW_UP", 5);
        postJson("/api/v1/cases/" + id + "/status", staffToken, Map.of("to", "CLOSED", "version", 6))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        body(postJson("/api/v1/cases/" + id + "/follow-up", staffToken, Map.of("reached", true, "satisfaction", 4,
                "cameBack", true, "version", 6)).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED")));
        JsonNode reopened = move(id, "IN_PROGRESS", 7);
        assertThat(reopened.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(clock(id, "RESOLUTION").get("stoppedAt").isNull()).as("resolution runs again").isTrue();
        assertThat(body(getJson("/api/v1/cases/" + id + "/events", staffToken)).findValuesAsString("kind"))
                .containsExactly("CREATED", "STATUS", "STATUS", "STATUS", "STATUS", "STATUS", "STATUS", "STATUS",
                        "REOPENED");
    }

    @Test
    void handOverIsExplicitAndShowsInTheHistory() throws Exception {
        long id = open(staffToken, "LOW").get("id").asLong();
        AppUser manager = fixtures.person(Role.MANAGER, chain.outletA().id());
        JsonNode handed = body(postJson("/api/v1/cases/" + id + "/handover", staffToken, Map.of("personId", manager.id(),
                "reason", "Needs a refund decision", "version", 0)).andExpect(status().isOk()));
        assertThat(handed.get("ownerId").asLong()).isEqualTo(manager.id());
        JsonNode events = body(getJson("/api/v1/cases/" + id + "/events", staffToken));
        assertThat(events.get(1).get("kind").asText()).isEqualTo("HANDED_OVER");
        assertThat(events.get(1).get("detail").asText()).contains("Needs a refund decision");
        postJson("/api/v1/cases/" + id + "/handover", staffToken, Map.of("personId", manager.id(), "reason", "again",
                "version", 1)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("personId"));
        postJson("/api/v1/cases/" + id + "/handover", staffToken, Map.of("personId", staff.id(), "reason", "",
                "version", 1)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
    }

    @Test
    void staleVersionsGet409AndParallelMovesLetOneWin() throws Exception {
        long id = open(staffToken, "LOW").get("id").asLong();
        List<Callable<Integer>> moves = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            moves.add(() -> postJson("/api/v1/cases/" + id + "/status", staffToken,
                    Map.of("to", "ACKNOWLEDGED", "version", 0)).andReturn().getResponse().getStatus());
        }
        List<Integer> statuses = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(6)) {
            for (Future<Integer> f : pool.invokeAll(moves)) {
                statuses.add(f.get());
            }
        }
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        // the others were either too late for the version (409) or found the case already acknowledged (400)
        assertThat(statuses).allMatch(s -> s == 200 || s == 409 || s == 400);
        assertThat(body(getJson("/api/v1/cases/" + id + "/events", staffToken)).findValuesAsString("kind"))
                .containsExactly("CREATED", "STATUS");
    }

    @Test
    void casesStayInTheirOutlet() throws Exception {
        long id = open(staffToken, "LOW").get("id").asLong();
        String managerB = token(fixtures.person(Role.MANAGER, chain.outletB().id()));
        getJson("/api/v1/cases/" + id, managerB).andExpect(status().isNotFound());
        getJson("/api/v1/cases/" + id + "/events", managerB).andExpect(status().isNotFound());
        assertThat(body(getJson("/api/v1/cases?size=200", managerB)).findValuesAsString("id")).doesNotContain(String.valueOf(id));
        postJson("/api/v1/cases", staffToken, Map.of("outletId", chain.outletB().id(), "channel", "PHONE",
                "caseType", "REQUEST", "severity", "LOW", "description", "x")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outletId"));
        assertThat(body(getJson("/api/v1/cases?mine=true", staffToken)).findValuesAsString("id")).contains(String.valueOf(id));
    }

    @Test
    void badInputNamesTheField() throws Exception {
        postJson("/api/v1/cases", staffToken, Map.of("outletId", chain.outletA().id(), "channel", "PIGEON",
                "caseType", "COMPLAINT", "severity", "LOW", "description", "x")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("channel"));
        postJson("/api/v1/cases", staffToken, Map.of("outletId", chain.outletA().id(), "channel", "PHONE",
                "caseType", "COMPLAINT", "severity", "LOW", "description", " ")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("description"));
        postJson("/api/v1/cases", staffToken, Map.of("outletId", chain.outletA().id(), "channel", "PHONE",
                "caseType", "COMPLAINT", "severity", "LOW", "description", "x", "customerId", 999999999))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("customerId"));
        getJson("/api/v1/cases/999999999", staffToken).andExpect(status().isNotFound());
    }

    @Test
    void aLinkedTimelinessStandardSetsTheTargetAndTheOutletCalendarCounts() throws Exception {
        String adminToken = token(fixtures.admin());
        // the outlet is open one hour a day: 30 business minutes can never end outside 09:00-10:00
        putJson("/api/v1/outlets/" + chain.outletA().id() + "/calendar", adminToken, Map.of("timeZone", "Asia/Shanghai",
                "hours", IntStream.rangeClosed(1, 7).mapToObj(d -> Map.of("dayOfWeek", d,
                        "opens", "09:00", "closes", "10:00")).toList(), "holidays", List.of()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.hours.length()").value(7));
        putJson("/api/v1/outlets/" + chain.outletA().id() + "/calendar", adminToken, Map.of("timeZone", "Mars/Olympus",
                "hours", List.of(), "holidays", List.of())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("timeZone"));
        putJson("/api/v1/outlets/" + chain.outletA().id() + "/calendar", adminToken, whole(CaseAdminApi.CalendarForm.class,
                Map.of("hours", List.of(Map.of("dayOfWeek", 1, "opens", "10:00", "closes", "09:00")), "holidays", List.of())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("hours"));

        JsonNode c = open(staffToken, "HIGH");
        OffsetDateTime started = OffsetDateTime.parse(clock(c.get("id").asLong(), "FIRST_RESPONSE").get("startedAt").asText());
        OffsetDateTime due = OffsetDateTime.parse(clock(c.get("id").asLong(), "FIRST_RESPONSE").get("dueAt").asText());
        var local = due.atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalTime();
        assertThat(local).isAfterOrEqualTo(LocalTime.of(9, 30)).isBeforeOrEqualTo(LocalTime.of(10, 0));
        assertThat(due.toInstant()).isEqualTo(SlaClock.deadline(calendars.forOutlet(chain.outletA().id()),
                started.toInstant(), Duration.ofMinutes(30), List.of()));

        // a timeliness standard for the outlet's type: "call back a complaining customer within 2 hours"
        JsonNode standard = body(postJson("/api/v1/standards", adminToken, Map.of("outletType", "pharmacy",
                "areaCode", "TIMELINESS", "behaviour", "Call back every complaining customer within 2 hours",
                "kind", "HARD", "measure", "Minutes from receipt to the first call", "targetValue", 2,
                "targetUnit", "HOURS", "targetRate", 95)).andExpect(status().isCreated()));
        long standardId = standard.get("standard").get("id").asLong();
        try {
            putJson("/api/v1/standards/" + standardId + "/sla", staffToken, Map.of("clockKind", "FIRST_RESPONSE"))
                    .andExpect(status().isForbidden());
            putJson("/api/v1/standards/" + standardId + "/sla", adminToken, whole(CaseAdminApi.LinkForm.class,
                    Map.of("clockKind", "FIRST_RESPONSE", "caseType", "COMPLAINT"))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.standards[?(@.standardId == " + standardId + ")].clockKind").value("FIRST_RESPONSE"));
            JsonNode linked = open(staffToken, "HIGH");
            OffsetDateTime s2 = OffsetDateTime.parse(clock(linked.get("id").asLong(), "FIRST_RESPONSE").get("startedAt").asText());
            OffsetDateTime d2 = OffsetDateTime.parse(clock(linked.get("id").asLong(), "FIRST_RESPONSE").get("dueAt").asText());
            assertThat(d2.toInstant()).as("120 business minutes from the standard, not the default 30")
                    .isEqualTo(SlaClock.deadline(calendars.forOutlet(chain.outletA().id()), s2.toInstant(),
                            Duration.ofMinutes(120), List.of()));
        } finally {
            putJson("/api/v1/standards/" + standardId + "/sla", adminToken, whole(CaseAdminApi.LinkForm.class, Map.of()))
                    .andExpect(status().isOk());
        }
    }
}
