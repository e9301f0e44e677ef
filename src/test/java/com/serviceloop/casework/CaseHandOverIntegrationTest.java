package com.serviceloop.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import com.serviceloop.platform.PageRequest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Hand-over messages and mails, one receiver only, messages cleared at closing, resolving at the counter, calls due. */
class CaseHandOverIntegrationTest extends ApiTest {
    @Autowired JdbcClient jdbc;
    @Autowired Inbox inbox;
    @Autowired CaseQueries queries;
    private Fixtures.Chain chain;
    private AppUser staff;
    private String staffToken;
    private AppUser manager;
    private String managerEmail;

    @BeforeEach
    void setUp() {
        fixtures.admin();
        chain = fixtures.chain();
        staff = fixtures.person(Role.STAFF, chain.outletA().id(), chain.teamA().id(), null);
        staffToken = token(staff);
        managerEmail = Fixtures.unique("manager") + "@outlet-a.example";
        manager = fixtures.person(Role.MANAGER, chain.outletA().id(), null, managerEmail);
    }

    private long open(String description) throws Exception {
        return body(postJson("/api/v1/cases", staffToken, Map.of("outletId", chain.outletA().id(), "channel", "COUNTER",
                "caseType", "COMPLAINT", "severity", "MEDIUM", "description", description))
                .andExpect(status().isCreated())).get("id").asLong();
    }

    private List<Inbox.Notification> messages(AppUser who) {
        return inbox.list(who, false, PageRequest.of(0, 50)).items();
    }

    private record Mail(String subject, String payload) {
    }

    private List<Mail> mails(String to) {
        return jdbc.sql("SELECT subject, payload FROM outbox WHERE channel = 'MAIL' AND target = :to ORDER BY id")
                .param("to", to).query((rs, i) -> new Mail(rs.getString(1), rs.getString(2))).list();
    }

    @Test
    void theReceiverFindsTheCaseInTheInboxAndByMailWithTheReason() throws Exception {
        long id = open("Refund asked for a damaged blood-pressure monitor");
        postJson("/api/v1/cases/" + id + "/handover", staffToken, Map.of("personId", manager.id(),
                "reason", "Refunds over 200 need a manager", "version", 0)).andExpect(status().isOk());

        assertThat(messages(manager)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo("HANDED_OVER");
            assertThat(n.caseId()).isEqualTo(id);
            assertThat(n.message()).isEqualTo("Refunds over 200 need a manager");
            assertThat(n.outletName()).isEqualTo("Outlet A");
            assertThat(n.readAt()).isNull();
        });
        assertThat(inbox.unread(manager)).isEqualTo(1);
        assertThat(messages(staff)).as("the giver is not told what they did").isEmpty();
        assertThat(mails(managerEmail)).singleElement().satisfies(m -> {
            assertThat(m.subject()).contains("#" + id).contains("handed over to MANAGER person").contains("已移交给");
            assertThat(m.payload()).contains("Refunds over 200 need a manager", "原因：Refunds over 200 need a manager",
                    "/cases/" + id, "Refund asked for a damaged blood-pressure monitor");
        });
    }

    @Test
    void aTeamsMembersAreEachToldButOnlyThoseWithAnAddressAreMailed() throws Exception {
        String mail = Fixtures.unique("colleague") + "@outlet-a.example";
        AppUser colleague = fixtures.person(Role.STAFF, chain.outletA().id(), chain.teamA().id(), mail);
        AppUser quiet = fixtures.person(Role.STAFF, chain.outletA().id(), chain.teamA().id(), null);
        long id = open("Out of stock twice in a week");
        postJson("/api/v1/cases/" + id + "/handover", staffToken, Map.of("teamId", chain.teamA().id(),
                "reason", "Stock is the team's job", "version", 0)).andExpect(status().isOk())
                .andExpect(jsonPath("$.ownerTeamId").value(chain.teamA().id()));
        assertThat(messages(colleague)).extracting(Inbox.Notification::message).containsExactly("Stock is the team's job");
        assertThat(messages(quiet)).hasSize(1);
        assertThat(messages(staff)).as("the giver is in the team, but handed it over").isEmpty();
        assertThat(mails(mail)).hasSize(1);
    }

    @Test
    void aPersonAndATeamTogetherAreRefusedNamingTheTeam() throws Exception {
        long id = open("Waited too long for a pharmacist");
        postJson("/api/v1/cases/" + id + "/handover", staffToken, Map.of("personId", manager.id(),
                "teamId", chain.teamA().id(), "reason", "Either", "version", 0))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("teamId"))
                .andExpect(jsonPath("$.errors[0].message").value("Hand the case over to a person or to a team, not both"));
        postJson("/api/v1/cases/" + id + "/handover", staffToken, Map.of("reason", "Nobody", "version", 0))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("personId"));
        assertThat(messages(manager)).as("nothing happened").isEmpty();
        assertThat(body(getJson("/api/v1/cases/" + id, staffToken)).get("ownerId").asLong()).isEqualTo(staff.id());
    }

    @Test
    void aRefusalIsWordedInTheCallersLanguageAndInEnglishByDefault() throws Exception {
        long id = open("Asked for the refund twice");
        String stale = json.writeValueAsString(Map.of("personId", manager.id(), "reason", "Refund", "version", 7));
        call(post("/api/v1/cases/" + id + "/handover").header("Accept-Language", "zh-CN")
                .contentType(MediaType.APPLICATION_JSON).content(stale), staffToken)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("案例 " + id + " 已被他人修改，请重新加载后再试"));
        call(post("/api/v1/cases/" + id + "/handover").header("Accept-Language", "zh-CN")
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("personId", manager.id(),
                        "teamId", chain.teamA().id(), "reason", "Either", "version", 0))), staffToken)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("teamId"))
                .andExpect(jsonPath("$.errors[0].message").value("案例只能移交给个人或团队，不能同时移交给两者"));
        postJson("/api/v1/cases/" + id + "/handover", staffToken, stale).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Case " + id + " was changed by someone else; reload and try again"));
    }

    @Test
    void closingACaseClearsItsMessagesAndOnlyItsOwn() throws Exception {
        long closing = open("Wrong dosage on the label");
        long staying = open("Queue at the checkout");
        for (long id : new long[] {closing, staying}) {
            postJson("/api/v1/cases/" + id + "/handover", staffToken, Map.of("personId", manager.id(),
                    "reason", "Please call the customer", "version", 0)).andExpect(status().isOk());
        }
        assertThat(inbox.unread(manager)).isEqualTo(2);
        String managerToken = token(manager);
        postJson("/api/v1/cases/" + closing + "/status", managerToken, Map.of("to", "RESOLVED", "version", 1))
                .andExpect(status().isOk());
        assertThat(inbox.unread(manager)).as("resolved is not closed").isEqualTo(2);
        postJson("/api/v1/cases/" + closing + "/follow-up", managerToken, Map.of("reached", true, "satisfaction", 4,
                "version", 2)).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"));

        assertThat(inbox.unread(manager)).isEqualTo(1);
        assertThat(messages(manager)).filteredOn(n -> n.caseId() == closing).singleElement()
                .satisfies(n -> assertThat(n.readAt()).isNotNull());
        assertThat(messages(manager)).filteredOn(n -> n.caseId() == staying).singleElement()
                .satisfies(n -> assertThat(n.readAt()).isNull());
    }

    @Test
    void aCaseSettledAtTheCounterIsResolvedInOneStepAndItsFirstTwoClocksStopTogether() throws Exception {
        long id = open("Asked for a smaller pack; swapped at the counter");
        JsonNode resolved = body(postJson("/api/v1/cases/" + id + "/status", staffToken,
                Map.of("to", "RESOLVED", "version", 0)).andExpect(status().isOk()));
        assertThat(resolved.get("status").asText()).isEqualTo("RESOLVED");
        OffsetDateTime at = OffsetDateTime.parse(resolved.get("resolvedAt").asText());

        Map<String, JsonNode> clocks = new HashMap<>();
        body(getJson("/api/v1/cases/" + id + "/clocks", staffToken)).forEach(c -> clocks.put(c.get("clockKind").asText(), c));
        assertThat(clocks).containsOnlyKeys("FIRST_RESPONSE", "RESOLUTION", "FOLLOW_UP");
        for (String stopped : List.of("FIRST_RESPONSE", "RESOLUTION")) {
            assertThat(OffsetDateTime.parse(clocks.get(stopped).get("stoppedAt").asText())).as(stopped).isEqualTo(at);
        }
        JsonNode call = clocks.get("FOLLOW_UP");
        assertThat(OffsetDateTime.parse(call.get("startedAt").asText())).isEqualTo(at);
        assertThat(call.get("stoppedAt").isNull()).isTrue();
        assertThat(OffsetDateTime.parse(call.get("dueAt").asText())).isAfter(at);

        JsonNode events = body(getJson("/api/v1/cases/" + id + "/events", staffToken));
        assertThat(events.findValuesAsString("kind")).containsExactly("CREATED", "STATUS");
        assertThat(events.get(1).get("fromStatus").asText()).isEqualTo("RECEIVED");
        assertThat(events.get(1).get("toStatus").asText()).isEqualTo("RESOLVED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sqi_event WHERE case_id = :id").param("id", id).query(Long.class).single())
                .as("answered and resolved in time: no failure").isZero();
    }

    @Test
    void lateCallsComeFirst() throws Exception {
        long later = open("Called back about a delivery");
        long late = open("Promised a call about a refund");
        for (long id : new long[] {later, late}) {
            postJson("/api/v1/cases/" + id + "/status", staffToken, Map.of("to", "RESOLVED", "version", 0))
                    .andExpect(status().isOk());
        }
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        OffsetDateTime endOfToday = queries.today().plusDays(1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toOffsetDateTime();
        due(late, now.minusHours(2));
        due(later, now.plus(Duration.between(now, endOfToday).dividedBy(2)));

        JsonNode calls = body(getJson("/api/v1/follow-ups/due", staffToken).andExpect(status().isOk()));
        assertThat(calls.findValues("caseId").stream().map(JsonNode::asLong).toList()).containsExactly(late, later);
    }

    private void due(long caseId, OffsetDateTime at) {
        jdbc.sql("UPDATE case_clock SET due_at = :at WHERE case_id = :id AND clock_kind = 'FOLLOW_UP'")
                .param("at", at).param("id", caseId).update();
    }
}
