package com.serviceloop.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/**
 * Every scoreboard figure against a small worked example, through the rollup and the API. On day D
 * (three days ago) at outlet A, Wang (team A) owns four cases: two praise (one a thank-you letter),
 * one complaint, one request; three response/resolution deadlines fell due (one met, one missed, one
 * still open past its time) and one follow-up call was due and made on time; two customer survey
 * responses name her (100 and 75), a climate-survey response naming her does not count. Her
 * manager writes her two notes and one to team A. Outlet A had four visits in the period by two
 * customers, one of them new.
 */
class ScoreboardIntegrationTest extends ApiTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    @Autowired JdbcClient jdbc;
    @Autowired ScoreboardRollup rollup;
    private Fixtures.Chain chain;
    private AppUser manager;
    private AppUser wang;
    private AppUser li;
    private String managerToken;
    private final LocalDate today = LocalDate.now(SHANGHAI);
    private final LocalDate dayD = today.minusDays(3);

    @BeforeEach
    void setUp() throws Exception {
        fixtures.admin();
        chain = fixtures.chain();
        long a = chain.outletA().id();
        manager = fixtures.person(Role.MANAGER, a);
        managerToken = token(manager);
        wang = fixtures.person(Role.STAFF, a, chain.teamA().id(), null);
        li = fixtures.person(Role.STAFF, a, chain.teamA().id(), null);
        long praise = kase(a, "PRAISE", "LETTER", 9);
        kase(a, "PRAISE", "COUNTER", 10);
        long complaint = kase(a, "COMPLAINT", "COUNTER", 11);
        long request = kase(a, "REQUEST", "PHONE", 12);
        clock(complaint, "FIRST_RESPONSE", at(dayD, 12), at(dayD, 11)); // met
        clock(complaint, "RESOLUTION", at(dayD, 14), at(dayD, 15)); // missed
        clock(request, "RESOLUTION", at(dayD, 16), null); // past its time, still running: missed
        clock(praise, "FOLLOW_UP", at(dayD.plusDays(1), 10), at(dayD.plusDays(1), 9)); // call made on time
        clock(request, "FOLLOW_UP", at(today.plusDays(5), 10), null); // not due yet: not counted
        long survey = survey("SATISFACTION");
        long climate = survey("CLIMATE");
        response(survey, a, wang.id(), 100.0, at(dayD, 13));
        response(survey, a, wang.id(), 75.0, at(dayD, 17));
        response(survey, a, wang.id(), null, at(dayD, 18)); // no scored question answered
        response(climate, a, wang.id(), 20.0, at(dayD, 19));
        long returning = fixtures.customer(manager, a, "Returning");
        long fresh = fixtures.customer(manager, a, "First time");
        visit(a, returning, dayD.minusDays(60).atTime(10, 0)); // before the period
        visit(a, returning, dayD.atTime(10, 0));
        visit(a, fresh, dayD.atTime(11, 0));
        visit(a, fresh, dayD.plusDays(1).atTime(11, 0));
        visit(a, fresh, dayD.plusDays(2).atTime(11, 0));
        note(Map.of("personId", wang.id(), "text", "耐心帮顾客找到替代药品"));
        note(Map.of("personId", wang.id(), "text", "主动为老人读说明书"));
        note(Map.of("teamId", chain.teamA().id(), "text", "早班配合默契"));
        rollup.refresh(a, dayD.minusDays(5), today);
    }

    @AfterEach
    void settingsBack() {
        jdbc.sql("DELETE FROM app_setting WHERE setting_key LIKE 'staff.%'").update();
    }

    private OffsetDateTime at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(SHANGHAI).toOffsetDateTime();
    }

    private long kase(long outlet, String type, String channel, int hour) {
        jdbc.sql("""
                INSERT INTO support_case (outlet_id, channel, case_type, severity, status, description, owner_id, received_by,
                    created_at, updated_at)
                VALUES (:o, :ch, :t, 'LOW', 'RECEIVED', '服务很耐心', :p, :p, :at, :at)""")
                .param("o", outlet).param("ch", channel).param("t", type).param("p", wang.id()).param("at", at(dayD, hour))
                .update();
        return jdbc.sql("SELECT MAX(id) FROM support_case").query(Long.class).single();
    }

    private void clock(long caseId, String kind, OffsetDateTime due, OffsetDateTime stopped) {
        jdbc.sql("INSERT INTO case_clock (case_id, clock_kind, started_at, due_at, stopped_at) VALUES (:c, :k, :s, :d, :e)")
                .param("c", caseId).param("k", kind).param("s", due.minusHours(4)).param("d", due).param("e", stopped).update();
    }

    private long survey(String kind) {
        jdbc.sql("INSERT INTO survey (code, kind, title_en, title_zh, created_at) VALUES (:c, :k, 'S', '问卷', CURRENT_TIMESTAMP)")
                .param("c", Fixtures.unique("S")).param("k", kind).update();
        return jdbc.sql("SELECT MAX(id) FROM survey").query(Long.class).single();
    }

    private void response(long survey, long outlet, long staff, Double satisfaction, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO survey_response (survey_id, outlet_id, link_token, channel, staff_id, complete, satisfaction,
                    submitted_at, submission_key)
                VALUES (:s, :o, :t, 'QR', :p, TRUE, :sat, :at, :k)""")
                .param("s", survey).param("o", outlet).param("t", Fixtures.unique("tok")).param("p", staff)
                .param("sat", satisfaction).param("at", at).param("k", UUID.randomUUID().toString()).update();
    }

    private void visit(long outlet, long customer, LocalDateTime at) {
        jdbc.sql("INSERT INTO visit (customer_id, outlet_id, visited_at, amount, items, dedup_key) VALUES (:c, :o, :t, 10, 1, :k)")
                .param("c", customer).param("o", outlet).param("t", at).param("k", UUID.randomUUID()).update();
    }

    private void note(Map<String, Object> body) throws Exception {
        postJson("/api/v1/recognition/notes", managerToken, body).andExpect(status().isCreated());
    }

    private ResultActions patchJson(Map<String, Object> body) throws Exception {
        return call(patch("/api/v1/recognition/settings").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)), token(fixtures.admin()));
    }

    private String period() {
        return "?from=" + dayD.minusDays(5) + "&to=" + today;
    }

    @Test
    void eachFigureOfAPersonMatchesTheWorkedExample() throws Exception {
        JsonNode v = body(getJson("/api/v1/scoreboards/people/" + wang.id() + period(), managerToken).andExpect(status().isOk()));
        JsonNode f = v.get("figures");
        assertThat(f.get("casesOwned").asInt()).isEqualTo(4);
        assertThat(f.get("praise").asInt()).isEqualTo(2); // the letter and the praise case
        assertThat(f.get("praiseShare").asDouble()).isEqualTo(50.0); // 2 of 4 cases
        assertThat(f.get("complaints").asInt()).isEqualTo(1);
        assertThat(f.get("complaintShare").asDouble()).isEqualTo(25.0); // 1 of 4
        assertThat(f.get("clocksDue").asInt()).isEqualTo(3);
        assertThat(f.get("clocksOnTime").asInt()).isEqualTo(1);
        assertThat(f.get("speedOnTimeRate").asDouble()).isEqualTo(33.3); // 1 of 3
        assertThat(f.get("followUpsDue").asInt()).isEqualTo(1);
        assertThat(f.get("followUpOnTimeRate").asDouble()).isEqualTo(100.0);
        assertThat(f.get("surveyResponses").asInt()).isEqualTo(2);
        assertThat(f.get("surveyMean").asDouble()).isEqualTo(87.5); // (100 + 75) / 2; the climate survey left out
        assertThat(f.get("recognitions").asInt()).isEqualTo(2);
        JsonNode outlet = v.get("outlet");
        assertThat(outlet.get("visits").asLong()).isEqualTo(4);
        assertThat(outlet.get("customers").asLong()).isEqualTo(2);
        assertThat(outlet.get("newCustomers").asLong()).isEqualTo(1); // the other came before the period
        assertThat(outlet.get("audits").asInt()).isZero();
        assertThat(v.get("notRecordedPerPerson").toString()).contains("NEW_CUSTOMERS", "CUSTOMERS_TOTAL");
    }

    @Test
    void aTeamAddsUpItsMembersAndTheNotesToTheTeam() throws Exception {
        JsonNode f = body(getJson("/api/v1/scoreboards/teams/" + chain.teamA().id() + period(), managerToken)
                .andExpect(status().isOk())).get("figures");
        assertThat(f.get("casesOwned").asInt()).isEqualTo(4);
        assertThat(f.get("recognitions").asInt()).isEqualTo(3); // two to Wang, one to the team
        assertThat(f.get("speedOnTimeRate").asDouble()).isEqualTo(33.3);
    }

    @Test
    void refreshingADayAgainGivesTheSameRowsAndADeletedNoteDisappears() {
        long a = chain.outletA().id();
        int before = jdbc.sql("SELECT COUNT(*) FROM staff_scoreboard_day WHERE outlet_id = :o").param("o", a).query(Integer.class).single();
        rollup.refresh(a, dayD, dayD);
        rollup.refresh(a, dayD, dayD);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM staff_scoreboard_day WHERE outlet_id = :o").param("o", a).query(Integer.class)
                .single()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT cases_owned FROM staff_scoreboard_day WHERE outlet_id = :o AND on_day = :d AND person_id = :p")
                .param("o", a).param("d", dayD).param("p", wang.id()).query(Integer.class).single()).isEqualTo(4);
    }

    @Test
    void staffSeeOnlyThemselvesAndTheFairnessLimitedBoard() throws Exception {
        String liToken = token(li);
        getJson("/api/v1/scoreboards/people/" + wang.id() + period(), liToken).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("personId"));
        getJson("/api/v1/scoreboards/people/" + li.id() + period(), liToken).andExpect(status().isOk());
        // Wang has 3 deadlines: with a minimum of 3 she ranks first at 33.3 %, with 4 she has not enough data
        patchJson(Map.of("minEvents", 3, "hideNames", true))
                .andExpect(status().isOk());
        JsonNode b = body(getJson("/api/v1/scoreboards/people" + period() + "&measure=SPEED", liToken).andExpect(status().isOk()));
        assertThat(b.get("top").get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(b.get("top").get(0).get("value").asDouble()).isEqualTo(33.3);
        assertThat(b.get("top").get(0).get("name").isNull()).isTrue(); // names hidden from staff
        assertThat(b.get("selfStatus").asText()).isEqualTo("NOT_ON_BOARD");
        JsonNode m = body(getJson("/api/v1/scoreboards/people" + period() + "&measure=SPEED", managerToken));
        assertThat(m.get("top").get(0).get("name").asText()).isEqualTo(wang.displayName()); // managers see names
        patchJson(Map.of("minEvents", 4)).andExpect(status().isOk());
        JsonNode own = body(getJson("/api/v1/scoreboards/people" + period() + "&measure=SPEED", token(wang)));
        assertThat(own.get("top")).isEmpty();
        assertThat(own.get("selfStatus").asText()).isEqualTo("NOT_ENOUGH_DATA");
        assertThat(own.get("self").get("events").asInt()).isEqualTo(3);
        assertThat(body(getJson("/api/v1/recognition/settings", liToken)).get("hideNames").asBoolean()).isTrue();
    }

    @Test
    void aBackwardsPeriodOrAnOutletOutsideScopeIsRefusedNamingTheField() throws Exception {
        getJson("/api/v1/scoreboards/people?from=" + today + "&to=" + today.minusDays(1), managerToken)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        getJson("/api/v1/scoreboards/teams?outletId=" + chain.outletB().id(), managerToken)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("outletId"));
        getJson("/api/v1/scoreboards/people?measure=FASTEST", managerToken)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("measure"));
        getJson("/api/v1/scoreboards/people?from=2020-01-01&to=" + today, managerToken)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
    }
}
