package com.serviceloop.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TrainingApiIntegrationTest extends ApiTest {
    private String admin;
    private String type;
    private Fixtures.Chain chain;
    private AppUser managerA;
    private String a;
    private long greet;
    private long queue;
    private long recommend;
    private long extra;

    @BeforeEach
    void setUp() throws Exception {
        admin = token(fixtures.admin());
        type = "t" + Fixtures.unique("x").substring(2).toLowerCase();
        chain = fixtures.chain();
        // the fixtures' outlets are pharmacies; the programmes here are for every outlet type or for this test's
        managerA = fixtures.person(Role.MANAGER, chain.outletA().id());
        a = token(managerA);
        greet = standard("ATTITUDE", "30 秒内招呼每一位进店顾客");
        queue = standard("TIMELINESS", "收银排队不超过 3 人");
        recommend = standard("SELLING_SKILL", "主动推荐关联用药");
        extra = standard("TACT", "隐私问题在咨询区单独交谈");
    }

    private long standard(String area, String behaviour) throws Exception {
        return body(postJson("/api/v1/standards", admin, Map.of("outletType", "pharmacy", "areaCode", area,
                "behaviour", behaviour + " " + Fixtures.unique(""), "kind", "SOFT")).andExpect(status().isCreated()))
                .at("/standard/id").asLong();
    }

    private long programme(String name, List<Long> standards) throws Exception {
        return body(postJson("/api/v1/training/programmes", admin, Map.of("name", Fixtures.unique(name),
                "standardIds", standards)).andExpect(status().isCreated())).get("id").asLong();
    }

    private long job(String name, List<Long> standards) throws Exception {
        return body(postJson("/api/v1/jobs", admin, Map.of("name", Fixtures.unique(name), "standardIds", standards))
                .andExpect(status().isCreated())).get("id").asLong();
    }

    private Map<String, Object> session(long programme, long outlet, LocalDate day, List<Long> attendees) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("programmeId", programme);
        m.put("outletId", outlet);
        m.put("heldOn", day.toString());
        m.put("trainerId", managerA.id());
        m.put("note", "第一期");
        m.put("attendeeIds", attendees);
        return m;
    }

    private long newSession(long programme, LocalDate day, List<Long> attendees) throws Exception {
        return body(postJson("/api/v1/training/sessions", a, session(programme, chain.outletA().id(), day, attendees))
                .andExpect(status().isCreated())).get("id").asLong();
    }

    private void result(long session, long person, Boolean attended, Boolean knowledge, Boolean skill) throws Exception {
        Map<String, Object> r = new HashMap<>();
        r.put("attended", attended);
        r.put("attendedOn", null);
        r.put("knowledgePassed", knowledge);
        r.put("knowledgeOn", null);
        r.put("skillPassed", skill);
        r.put("skillOn", null);
        putJson("/api/v1/training/sessions/" + session + "/attendees/" + person, a, r).andExpect(status().isOk());
    }

    @Test
    void programmesAreWrittenByTheChainAndReadByEveryone() throws Exception {
        String name = Fixtures.unique("投诉处理");
        JsonNode created = body(postJson("/api/v1/training/programmes", admin, Map.of("name", name, "outletType", "pharmacy",
                "description", "倾听、道歉、解决、回访", "standardIds", List.of(greet, queue))).andExpect(status().isCreated()));
        long id = created.get("id").asLong();
        String staff = token(fixtures.person(Role.STAFF, chain.outletA().id()));
        getJson("/api/v1/training/programmes/" + id, staff).andExpect(status().isOk())
                .andExpect(jsonPath("$.standardIds[0]").value(greet)).andExpect(jsonPath("$.standardIds[1]").value(queue));
        assertThat(body(getJson("/api/v1/training/programmes?outletType=pharmacy", staff)).valueStream()
                .map(p -> p.get("id").asLong()).toList()).contains(id);
        postJson("/api/v1/training/programmes", staff, Map.of("name", "x", "standardIds", List.of()))
                .andExpect(status().isForbidden());
        postJson("/api/v1/training/programmes", a, Map.of("name", "x", "standardIds", List.of()))
                .andExpect(status().isForbidden());

        postJson("/api/v1/training/programmes", admin, Map.of("name", name, "outletType", "pharmacy", "standardIds", List.of()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
        postJson("/api/v1/training/programmes", admin, Map.of("name", "y", "standardIds", List.of(999_999_999L)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("standardIds"));
        postJson("/api/v1/training/programmes", admin, Map.of("name", "y", "outletType", type, "standardIds", List.of(greet)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("standardIds"));
        postJson("/api/v1/training/programmes", admin, Map.of("name", "y\u0000", "standardIds", List.of()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
        postJson("/api/v1/training/programmes", admin, "{\"name\": \"y\", \"standardIds\": [1.5]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("standardIds[0]"));

        // a PUT names every field; a stale version is told to reload
        putJson("/api/v1/training/programmes/" + id, admin, Map.of("name", name, "standardIds", List.of(greet)))
                .andExpect(status().isBadRequest());
        Map<String, Object> change = whole(ProgrammeForm.class, Map.of("name", name + "（二期）", "outletType", "pharmacy",
                "standardIds", List.of(queue), "version", 0));
        putJson("/api/v1/training/programmes/" + id, admin, change).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1)).andExpect(jsonPath("$.description").value((Object) null))
                .andExpect(jsonPath("$.standardIds.length()").value(1));
        putJson("/api/v1/training/programmes/" + id, admin, change).andExpect(status().isConflict());

        // a programme nobody used yet can go; one with a session stays
        long spare = programme("备用", List.of());
        deleteJson("/api/v1/training/programmes/" + spare, admin).andExpect(status().isNoContent());
        getJson("/api/v1/training/programmes/" + spare, admin).andExpect(status().isNotFound());
        newSession(id, LocalDate.now().minusDays(3), List.of());
        deleteJson("/api/v1/training/programmes/" + id, admin).andExpect(status().isConflict());
    }

    @Test
    void sessionsBelongToTheirOutletAndBadInputIsRefusedByField() throws Exception {
        long programme = programme("礼仪", List.of(greet));
        AppUser staffA = fixtures.person(Role.STAFF, chain.outletA().id());
        AppUser staffB = fixtures.person(Role.STAFF, chain.outletB().id());
        LocalDate day = LocalDate.now().minusDays(5);
        postJson("/api/v1/training/sessions", a, session(programme, chain.outletB().id(), day, List.of()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("outletId"));
        postJson("/api/v1/training/sessions", a, session(programme, chain.outletA().id(), day, List.of(staffB.id())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("attendeeIds"));
        postJson("/api/v1/training/sessions", a, session(programme, chain.outletA().id(), day,
                List.of(staffA.id(), staffA.id())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("attendeeIds"));
        Map<String, Object> bad = session(programme, chain.outletA().id(), day, List.of(staffA.id()));
        bad.put("heldOn", "10000-01-01");
        postJson("/api/v1/training/sessions", a, bad)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("heldOn"));
        bad.put("heldOn", LocalDate.now().plusYears(3).toString());
        postJson("/api/v1/training/sessions", a, bad)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("heldOn"));
        bad.put("heldOn", day.toString());
        bad.put("note", "a\u0000b");
        postJson("/api/v1/training/sessions", a, bad)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("note"));
        String body = json.writeValueAsString(session(programme, chain.outletA().id(), day, List.of(staffA.id())));
        postJson("/api/v1/training/sessions", a, body.replace("\"trainerId\":" + managerA.id(), "\"trainerId\":1.5"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("trainerId"));
        postJson("/api/v1/training/sessions", a, body.replace("[" + staffA.id() + "]", "[null]"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("attendeeIds[0]"));
        postJson("/api/v1/training/sessions", token(staffA), session(programme, chain.outletA().id(), day, List.of()))
                .andExpect(status().isForbidden());

        long id = newSession(programme, day, List.of(staffA.id()));
        getJson("/api/v1/training/sessions/" + id, token(staffA)).andExpect(status().isOk())
                .andExpect(jsonPath("$.attendees[0].personId").value(staffA.id()))
                .andExpect(jsonPath("$.attendees[0].attended").value((Object) null));
        String managerB = token(fixtures.person(Role.MANAGER, chain.outletB().id()));
        getJson("/api/v1/training/sessions/" + id, managerB).andExpect(status().isNotFound());
        assertThat(body(getJson("/api/v1/training/sessions?programmeId=" + programme, managerB)).size()).isZero();
        getJson("/api/v1/training/sessions?programmeId=" + programme, a).andExpect(jsonPath("$[0].id").value(id))
                .andExpect(jsonPath("$[0].attendees").value(1));
        getJson("/api/v1/training/sessions?programmeId=abc", a).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("programmeId"));

        // results: a check needs attendance, a PUT names every field, staff only read
        Map<String, Object> r = new HashMap<>(Map.of("attended", false, "knowledgePassed", true));
        r.put("attendedOn", null);
        r.put("knowledgeOn", null);
        r.put("skillPassed", null);
        r.put("skillOn", null);
        String url = "/api/v1/training/sessions/" + id + "/attendees/" + staffA.id();
        putJson(url, a, r).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("knowledgePassed"));
        putJson(url, a, Map.of("attended", true)).andExpect(status().isBadRequest());
        r.put("knowledgePassed", null);
        r.put("attendedOn", "10000-01-01");
        putJson(url, a, r).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("attendedOn"));
        r.put("attendedOn", null);
        putJson(url, token(staffA), r).andExpect(status().isForbidden());
        putJson("/api/v1/training/sessions/" + id + "/attendees/" + staffB.id(), a, r).andExpect(status().isNotFound());
        putJson(url, a, r).andExpect(status().isOk()).andExpect(jsonPath("$.attendees[0].attended").value(false))
                .andExpect(jsonPath("$.attendees[0].attendedOn").value(day.toString()));

        // moving the session after a recorded result is refused; programme and outlet stay
        Map<String, Object> move = session(programme, chain.outletA().id(), day.plusDays(1), List.of(staffA.id()));
        putJson("/api/v1/training/sessions/" + id, a, move).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("heldOn"));
        Map<String, Object> other = session(programme("另一个", List.of()), chain.outletA().id(), day, List.of(staffA.id()));
        putJson("/api/v1/training/sessions/" + id, a, other).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("programmeId"));
    }

    /** README's worked example of the gap rule, through the API. */
    @Test
    void eachPersonLacksTheJobStandardsNoPassedProgrammeCovers() throws Exception {
        long assistant = job("营业员", List.of(greet, queue, recommend));
        long cashier = job("收银员", List.of(queue));
        AppUser wang = fixtures.person(Role.STAFF, chain.outletA().id());
        AppUser li = fixtures.person(Role.STAFF, chain.outletA().id());
        AppUser zhang = fixtures.person(Role.STAFF, chain.outletA().id());
        for (Object[] holder : new Object[][] {{assistant, wang}, {assistant, li}, {cashier, zhang}}) {
            postJson("/api/v1/jobs/" + holder[0] + "/people", a, Map.of("personId", ((AppUser) holder[1]).id()))
                    .andExpect(status().isCreated());
        }
        long courseA = programme("服务礼仪", List.of(greet, queue));
        long courseB = programme("关联推荐", List.of(recommend, extra));
        long sessionA = newSession(courseA, LocalDate.now().minusDays(20), List.of(wang.id(), li.id(), zhang.id()));
        long sessionB = newSession(courseB, LocalDate.now().minusDays(10), List.of(wang.id()));
        result(sessionA, wang.id(), true, true, true);
        result(sessionA, li.id(), false, null, null);
        result(sessionA, zhang.id(), true, true, true);
        result(sessionB, wang.id(), true, true, null);

        JsonNode record = body(getJson("/api/v1/training/people/" + wang.id(), a).andExpect(status().isOk()));
        assertThat(record.at("/gap/standards").asInt()).isEqualTo(3);
        assertThat(record.at("/gap/covered").asInt()).isEqualTo(2);
        assertThat(record.at("/gap/missing").valueStream().map(JsonNode::asLong).toList()).containsExactly(recommend);
        assertThat(record.at("/sessions/0/sessionId").asLong()).isEqualTo(sessionB);
        assertThat(record.at("/sessions/0/passed").asBoolean()).isFalse();
        assertThat(record.at("/sessions/1/passed").asBoolean()).isTrue();

        String outletA = "/api/v1/training/gaps?outletId=" + chain.outletA().id();
        JsonNode gaps = body(getJson(outletA, a).andExpect(status().isOk()));
        assertThat(gaps.get("people").asInt()).isEqualTo(3);
        assertThat(gaps.get("withGaps").asInt()).isEqualTo(2);
        assertThat(gaps.at("/outlets/0/withGaps").asInt()).isEqualTo(2);
        Map<Long, List<Long>> missing = new HashMap<>();
        gaps.get("persons").forEach(p -> missing.put(p.get("personId").asLong(),
                p.get("missing").valueStream().map(JsonNode::asLong).toList()));
        assertThat(missing).containsEntry(wang.id(), List.of(recommend)).containsEntry(li.id(), List.of(greet, queue, recommend))
                .containsEntry(zhang.id(), List.of());

        // 王芳's skill check on the job is observed: she has passed B and lacks nothing
        result(sessionB, wang.id(), true, true, true);
        getJson(outletA, a).andExpect(jsonPath("$.withGaps").value(1));

        String managerB = token(fixtures.person(Role.MANAGER, chain.outletB().id()));
        getJson(outletA, managerB).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("outletId"));
        getJson("/api/v1/training/people/" + wang.id(), managerB).andExpect(status().isNotFound());
        assertThat(body(getJson("/api/v1/training/gaps", managerB)).get("persons").valueStream()
                .map(p -> p.get("personId").asLong()).toList()).doesNotContain(wang.id(), li.id(), zhang.id());
    }
}
