package com.serviceloop.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A review of 王芳 (staff at outlet A, job with two standards): prepared by A's manager with her
 * period's figures, assessed by both, discussed with goals, the goals checked at the next review
 * and reminded of by mail; read only by her, A's managers and administrators.
 */
class ReviewIntegrationTest extends ApiTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    @Autowired JdbcClient jdbc;
    @Autowired ReviewReminderJob reminders;
    private String admin;
    private Fixtures.Chain chain;
    private AppUser wang;
    private AppUser manager;
    private long greet;
    private long queue;
    private final LocalDate today = LocalDate.now(SHANGHAI);

    @BeforeEach
    void setUp() throws Exception {
        admin = token(fixtures.admin());
        chain = fixtures.chain();
        manager = fixtures.person(Role.MANAGER, chain.outletA().id(), null, "manager-" + Fixtures.unique("m") + "@example.com");
        wang = fixtures.person(Role.STAFF, chain.outletA().id(), null, "wang-" + Fixtures.unique("w") + "@example.com");
        greet = standard("ATTITUDE", "30 秒内招呼每一位进店顾客");
        queue = standard("TIMELINESS", "收银排队不超过 3 人");
        long job = body(postJson("/api/v1/jobs", admin, Map.of("name", Fixtures.unique("营业员"), "standardIds",
                List.of(greet, queue))).andExpect(status().isCreated())).get("id").asLong();
        postJson("/api/v1/jobs/" + job + "/people", token(manager), Map.of("personId", wang.id()))
                .andExpect(status().isCreated());
        // in the period: two cases she owns (one praise, one complaint), one clock kept, one late
        OffsetDateTime at = today.minusDays(20).atTime(10, 0).atZone(SHANGHAI).toOffsetDateTime();
        for (String type : List.of("PRAISE", "COMPLAINT")) {
            jdbc.sql("""
                    INSERT INTO support_case (outlet_id, channel, case_type, severity, status, description, owner_id,
                        received_by, created_at, updated_at)
                    VALUES (:o, 'COUNTER', :t, 'LOW', 'RESOLVED', 'review example', :p, :p, :at, :at)""")
                    .param("o", chain.outletA().id()).param("t", type).param("p", wang.id()).param("at", at).update();
            long id = jdbc.sql("SELECT MAX(id) FROM support_case").query(Long.class).single();
            jdbc.sql("INSERT INTO case_clock (case_id, clock_kind, started_at, due_at, stopped_at) VALUES (:id, 'RESOLUTION', :s, :d, :e)")
                    .param("id", id).param("s", at).param("d", at.plusHours(4))
                    .param("e", at.plusHours(type.equals("PRAISE") ? 1 : 6)).update();
        }
    }

    private long standard(String area, String behaviour) throws Exception {
        return body(postJson("/api/v1/standards", admin, Map.of("outletType", "pharmacy", "areaCode", area,
                "behaviour", behaviour + " " + Fixtures.unique(""), "kind", "SOFT")).andExpect(status().isCreated()))
                .at("/standard/id").asLong();
    }

    private Map<String, Object> period(Object person, Object from, Object to) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("personId", person);
        m.put("periodFrom", from);
        m.put("periodTo", to);
        return m;
    }

    private long prepare() throws Exception {
        return body(postJson("/api/v1/reviews", token(manager), period(wang.id(), today.minusMonths(2).toString(),
                today.toString())).andExpect(status().isCreated())).get("id").asLong();
    }

    private static Map<String, Object> goal(long standard, String text, LocalDate due) {
        return Map.of("standardId", standard, "text", text, "dueOn", due.toString());
    }

    @Test
    void theReviewGoesThroughItsStepsAndTheNextOneChecksItsGoals() throws Exception {
        long id = prepare();
        String mgr = token(manager);
        String self = token(wang);
        JsonNode r = body(getJson("/api/v1/reviews/" + id, self).andExpect(status().isOk()));
        assertThat(r.get("stage").asString()).isEqualTo("PREPARE");
        assertThat(r.at("/figures/casesOwned").asLong()).isEqualTo(2);
        assertThat(r.at("/figures/clocksDue").asLong()).isEqualTo(2);
        assertThat(r.at("/figures/clocksOnTime").asLong()).isEqualTo(1);
        assertThat(r.at("/figures/onTimeRate").asDouble()).isEqualTo(0.5);
        assertThat(r.at("/figures/praise").asLong()).isEqualTo(1);
        assertThat(r.at("/figures/complaints").asLong()).isEqualTo(1);
        assertThat(r.get("standards").size()).isEqualTo(2);

        putJson("/api/v1/reviews/" + id + "/assessment", self, Map.of("note", "招呼顾客做得好",
                "ratings", List.of(Map.of("standardId", greet, "rating", 5), Map.of("standardId", queue, "rating", 3))))
                .andExpect(status().isOk());
        r = body(putJson("/api/v1/reviews/" + id + "/assessment", mgr, Map.of("note", "排队时需要主动开第二个收银台",
                "ratings", List.of(Map.of("standardId", greet, "rating", 4), Map.of("standardId", queue, "rating", 2))))
                .andExpect(status().isOk()));
        assertThat(r.get("stage").asString()).isEqualTo("DISCUSS");
        assertThat(r.get("selfNote").asString()).isEqualTo("招呼顾客做得好");
        // a standard not of her job is refused by field
        assertThat(body(putJson("/api/v1/reviews/" + id + "/assessment", self, Map.of("note", "x", "ratings",
                List.of(Map.of("standardId", 987654321L, "rating", 3)))).andExpect(status().isBadRequest()))
                .toString()).contains("ratings[0].standardId");

        Map<String, Object> discussion = new LinkedHashMap<>(Map.of("discussedOn", today.toString(),
                "meetingNotes", "面谈记录", "strengths", "待客热情"));
        discussion.put("goals", List.of(goal(queue, "高峰时主动开第二个收银台", today.plusDays(5)),
                goal(greet, "带教新同事招呼顾客", today.plusDays(60)), goal(queue, "a", today.plusDays(9)),
                goal(queue, "b", today.plusDays(9))));
        assertThat(body(putJson("/api/v1/reviews/" + id + "/discussion", mgr, discussion)
                .andExpect(status().isBadRequest())).toString()).contains("goals");
        discussion.put("goals", List.of(goal(queue, "高峰时主动开第二个收银台", today.plusDays(5)),
                goal(greet, "带教新同事招呼顾客", today.plusDays(60))));
        // she cannot record the discussion herself
        putJson("/api/v1/reviews/" + id + "/discussion", self, discussion).andExpect(status().isForbidden());
        r = body(putJson("/api/v1/reviews/" + id + "/discussion", mgr, discussion).andExpect(status().isOk()));
        assertThat(r.get("stage").asString()).isEqualTo("FOLLOW_UP");
        assertThat(r.get("goals").size()).isEqualTo(2);

        // the goal due in five days is reminded of once, to her and to the manager
        int before = jdbc.sql("SELECT COUNT(*) FROM outbox WHERE subject LIKE '%review goal%'").query(Integer.class).single();
        assertThat(reminders.remind()).isGreaterThanOrEqualTo(1);
        int after = jdbc.sql("SELECT COUNT(*) FROM outbox WHERE subject LIKE '%review goal%'").query(Integer.class).single();
        assertThat(after - before).isGreaterThanOrEqualTo(2);
        reminders.remind();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox WHERE subject LIKE '%review goal%'").query(Integer.class).single())
                .isEqualTo(after);

        // the next review lists those goals to check
        long next = prepare();
        JsonNode n = body(getJson("/api/v1/reviews/" + next, mgr).andExpect(status().isOk()));
        assertThat(n.get("toCheck").size()).isEqualTo(2);
        long first = n.get("toCheck").get(0).get("id").asLong();
        n = body(putJson("/api/v1/reviews/" + next + "/previous-goals/" + first, mgr, Map.of("outcome", "PARTLY"))
                .andExpect(status().isOk()));
        assertThat(n.get("toCheck").get(0).get("outcome").asString()).isEqualTo("PARTLY");
        putJson("/api/v1/reviews/" + next + "/previous-goals/" + first, mgr, Map.of("outcome", "MAYBE"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void onlyThePersonTheirManagersAndAdministratorsReadAReview() throws Exception {
        long id = prepare();
        getJson("/api/v1/reviews/" + id, token(wang)).andExpect(status().isOk());
        getJson("/api/v1/reviews/" + id, token(manager)).andExpect(status().isOk());
        getJson("/api/v1/reviews/" + id, admin).andExpect(status().isOk());
        getJson("/api/v1/reviews/" + id, token(fixtures.person(Role.MANAGER, chain.region().id()))).andExpect(status().isOk());
        AppUser colleague = fixtures.person(Role.STAFF, chain.outletA().id());
        getJson("/api/v1/reviews/" + id, token(colleague)).andExpect(status().isNotFound());
        assertThat(body(getJson("/api/v1/reviews", token(colleague)).andExpect(status().isOk())).size()).isZero();
        getJson("/api/v1/reviews/" + id, token(fixtures.person(Role.MANAGER, chain.outletB().id())))
                .andExpect(status().isNotFound());
        getJson("/api/v1/reviews/" + id, token(fixtures.person(Role.AUDITOR, chain.chain().id())))
                .andExpect(status().isForbidden());
        putJson("/api/v1/reviews/" + id + "/assessment", token(colleague), Map.of("note", "x", "ratings", List.of()))
                .andExpect(status().isNotFound());
        // staff do not prepare reviews
        postJson("/api/v1/reviews", token(colleague), period(wang.id(), today.minusMonths(1).toString(), today.toString()))
                .andExpect(status().isForbidden());
    }

    @Test
    void badInputIsRefusedNamingTheField() throws Exception {
        String mgr = token(manager);
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("personId", body(postJson("/api/v1/reviews", mgr, period(987654321L, today.minusMonths(1).toString(),
                today.toString())).andExpect(status().isBadRequest())).toString());
        cases.put("periodTo", body(postJson("/api/v1/reviews", mgr, period(wang.id(), today.toString(),
                today.minusMonths(1).toString())).andExpect(status().isBadRequest())).toString());
        cases.put("periodFrom", body(postJson("/api/v1/reviews", mgr, period(wang.id(), "1850-01-01",
                today.toString())).andExpect(status().isBadRequest())).toString());
        cases.put("periodFrom ", body(postJson("/api/v1/reviews", mgr, period(wang.id(), "9999-01-01",
                "9999-02-01")).andExpect(status().isBadRequest())).toString());
        cases.forEach((field, answer) -> assertThat(answer).as(field).contains(field.strip()));
        // someone of another outlet is as unknown as nobody
        AppUser elsewhere = fixtures.person(Role.STAFF, chain.outletB().id());
        assertThat(body(postJson("/api/v1/reviews", mgr, period(elsewhere.id(), today.minusMonths(1).toString(),
                today.toString())).andExpect(status().isBadRequest())).toString()).contains("personId");
        long id = prepare();
        assertThat(body(putJson("/api/v1/reviews/" + id + "/assessment", token(wang), Map.of("note", "坏\u0000字",
                "ratings", List.of())).andExpect(status().isBadRequest())).toString()).contains("note");
        Map<String, Object> discussion = new LinkedHashMap<>(Map.of("discussedOn", today.toString(),
                "meetingNotes", "记录", "strengths", "热情"));
        discussion.put("goals", List.of(goal(queue, "目标", today.minusDays(1))));
        assertThat(body(putJson("/api/v1/reviews/" + id + "/discussion", mgr, discussion)
                .andExpect(status().isBadRequest())).toString()).contains("goals[0].dueOn");
    }
}
