package com.serviceloop.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import com.serviceloop.standard.StandardForm;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JobApiIntegrationTest extends ApiTest {
    private String admin;
    private String type;
    private long greet;
    private long callBack;

    @BeforeEach
    void setUp() throws Exception {
        admin = token(fixtures.admin());
        type = "j" + Fixtures.unique("x").substring(2).toLowerCase();
        greet = standard("ATTITUDE", "Greet every customer within 30 seconds", 30, "SECONDS", 95);
        callBack = standard("TIMELINESS", "Call the customer back within 4 hours", 4, "HOURS", 97);
    }

    private long standard(String area, String behaviour, int value, String unit, int rate) throws Exception {
        return body(postJson("/api/v1/standards", admin, standardBody(area, behaviour, value, unit, rate))
                .andExpect(status().isCreated())).at("/standard/id").asLong();
    }

    private Map<String, Object> standardBody(String area, String behaviour, int value, String unit, int rate) {
        return Map.of("outletType", type, "areaCode", area, "behaviour", behaviour, "kind", "HARD",
                "targetValue", value, "targetUnit", unit, "targetRate", rate);
    }

    private long job(String name, List<Long> standards) throws Exception {
        return body(postJson("/api/v1/jobs", admin, Map.of("name", name, "outletType", type, "standardIds", standards))
                .andExpect(status().isCreated())).get("id").asLong();
    }

    private long chainWideJob(String name, List<Long> standards) throws Exception {
        return body(postJson("/api/v1/jobs", admin, Map.of("name", name, "standardIds", standards))
                .andExpect(status().isCreated())).get("id").asLong();
    }

    @Test
    void aJobListsItsStandardsAndEveryoneReadsItButOnlyTheChainWritesIt() throws Exception {
        long id = job("收银员", List.of(callBack, greet));
        Fixtures.Chain c = fixtures.chain();
        String staff = token(fixtures.person(Role.STAFF, c.outletA().id()));
        getJson("/api/v1/jobs/" + id, staff).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("收银员"))
                .andExpect(jsonPath("$.standardIds[0]").value(callBack))
                .andExpect(jsonPath("$.standardIds[1]").value(greet));
        postJson("/api/v1/jobs", staff, Map.of("name", "x", "standardIds", List.of())).andExpect(status().isForbidden());
        String outletManager = token(fixtures.person(Role.MANAGER, c.outletA().id()));
        postJson("/api/v1/jobs", outletManager, Map.of("name", "x", "standardIds", List.of()))
                .andExpect(status().isForbidden());
        // the list of an outlet type holds its jobs and the chain-wide ones
        long chainWide = body(postJson("/api/v1/jobs", admin, Map.of("name", Fixtures.unique("店长"),
                "standardIds", List.of(greet))).andExpect(status().isCreated())).get("id").asLong();
        List<Long> listed = body(getJson("/api/v1/jobs?outletType=" + type, staff)).valueStream()
                .map(j -> j.get("id").asLong()).toList();
        assertThat(listed).contains(id, chainWide);
    }

    @Test
    void badStandardsAndStaleVersionsAreRefusedByField() throws Exception {
        postJson("/api/v1/jobs", admin, Map.of("name", "营业员", "outletType", type, "standardIds", List.of(999_999_999L)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("standardIds"));
        postJson("/api/v1/jobs", admin, Map.of("name", "营业员", "outletType", "other-type", "standardIds", List.of(greet)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("standardIds"));
        postJson("/api/v1/jobs", admin, Map.of("name", "营业员", "outletType", type, "standardIds", List.of(greet, greet)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("standardIds"));
        postJson("/api/v1/jobs", admin, Map.of("name", "营\u0000业员", "standardIds", List.of()))
                .andExpect(status().isBadRequest());
        long id = job("营业员", List.of(greet));
        postJson("/api/v1/jobs", admin, Map.of("name", "营业员", "outletType", type, "standardIds", List.of()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
        putJson("/api/v1/jobs/" + id, admin, jobBody("营业员（全职）", 0)).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
        putJson("/api/v1/jobs/" + id, admin, jobBody("营业员（兼职）", 0)).andExpect(status().isConflict());
    }

    private Map<String, Object> jobBody(String name, int version) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("name", name);
        b.put("outletType", type);
        b.put("standardIds", List.of(greet));
        b.put("version", version);
        return b;
    }

    @Test
    void theDescriptionIsWrittenFromTheStandardsThenSavedAsVersions() throws Exception {
        long id = job("执业药师", List.of(greet, callBack));
        JsonNode draft = body(call(get("/api/v1/jobs/" + id + "/description").header("Accept-Language", "en"), admin));
        assertThat(draft.get("generated").asBoolean()).isTrue();
        assertThat(draft.get("versionNo").asInt()).isZero();
        JsonNode duty = draft.at("/content/duties/0");
        assertThat(duty.get("standardId").asLong()).isEqualTo(greet);
        assertThat(duty.get("how").asString()).isEqualTo("Greet every customer within 30 seconds");
        // target value 30 with unit seconds, target rate 95: "30 seconds, at least 95 % of the time"
        assertThat(duty.get("excellent").asString()).isEqualTo("30 seconds, at least 95 % of the time");
        assertThat(draft.at("/content/duties/1/excellent").asString()).isEqualTo("4 hours, at least 97 % of the time");
        // areas in their fixed order: timeliness (procedural, a skill) before attitude (personal, a behaviour)
        assertThat(draft.at("/content/knowledge/0/text").asString()).contains("Timeliness");
        assertThat(draft.at("/content/knowledge/1/text").asString()).contains("Attitude");
        assertThat(draft.at("/content/skills").size()).isEqualTo(1);
        assertThat(draft.at("/content/behaviours/0/text").asString()).startsWith("Attitude: ");
        assertThat(draft.at("/content/results/0").asString())
                .isEqualTo("At least 95 % of observations meet: Greet every customer within 30 seconds");

        Map<String, Object> form = form(draft.get("content"), 0);
        JsonNode saved = body(putJson("/api/v1/jobs/" + id + "/description", admin, form).andExpect(status().isOk()));
        assertThat(saved.get("versionNo").asInt()).isEqualTo(1);
        assertThat(saved.get("generated").asBoolean()).isFalse();
        assertThat(saved.get("authorName").asString()).isEqualTo("Admin");
        // a second editor still on version 0 is told to reload
        putJson("/api/v1/jobs/" + id + "/description", admin, form).andExpect(status().isConflict());
        form.put("version", 1);
        form.put("purpose", "为顾客提供安全、专业的用药指导");
        putJson("/api/v1/jobs/" + id + "/description", admin, form).andExpect(status().isOk())
                .andExpect(jsonPath("$.versionNo").value(2))
                .andExpect(jsonPath("$.content.purpose").value("为顾客提供安全、专业的用药指导"));
        getJson("/api/v1/jobs/" + id + "/description/versions", admin)
                .andExpect(jsonPath("$.length()").value(2)).andExpect(jsonPath("$[0].versionNo").value(2));
        getJson("/api/v1/jobs/" + id + "/description?versionNo=1", admin)
                .andExpect(jsonPath("$.content.purpose").value(draft.at("/content/purpose").asString()));
    }

    private Map<String, Object> form(JsonNode content, int version) {
        Map<String, Object> form = new LinkedHashMap<>(json.convertValue(content, Map.class));
        form.put("version", version);
        return form;
    }

    @Test
    void levelsOutsideOneToFourAndUnknownStandardsAreRefusedByField() throws Exception {
        long id = job("店长", List.of(greet));
        JsonNode draft = body(getJson("/api/v1/jobs/" + id + "/description", admin));
        Map<String, Object> form = form(draft.get("content"), 0);
        form.put("skills", List.of(Map.of("text", "排班", "level", 5)));
        putJson("/api/v1/jobs/" + id + "/description", admin, form).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("skills[0].level"));
        form.put("skills", List.of(Map.of("text", "排班", "level", 0)));
        putJson("/api/v1/jobs/" + id + "/description", admin, form).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("skills[0].level"));
        form.put("skills", List.of(Map.of("text", "排班", "level", 4)));
        form.put("duties", List.of(Map.of("standardId", 999_999_999L, "duty", "值班")));
        putJson("/api/v1/jobs/" + id + "/description", admin, form).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("duties[0].standardId"));
        getJson("/api/v1/jobs/" + id + "/description/versions", admin).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void aRevisedStandardFlagsTheDescriptionUntilSomeoneReviewsIt() throws Exception {
        long described = job("执业药师", List.of(greet, callBack));
        long undescribed = job("营业员", List.of(greet));
        JsonNode draft = body(getJson("/api/v1/jobs/" + described + "/description", admin));
        putJson("/api/v1/jobs/" + described + "/description", admin, form(draft.get("content"), 0))
                .andExpect(status().isOk()).andExpect(jsonPath("$.needsReview.length()").value(0));

        Map<String, Object> revised = new LinkedHashMap<>(whole(StandardForm.class,
                standardBody("ATTITUDE", "Greet every customer within 20 seconds", 20, "SECONDS", 95)));
        putJson("/api/v1/standards/" + greet, admin, revised).andExpect(status().isOk());

        getJson("/api/v1/jobs/" + described + "/description", admin)
                .andExpect(jsonPath("$.needsReview.length()").value(1))
                .andExpect(jsonPath("$.needsReview[0].standardId").value(greet))
                .andExpect(jsonPath("$.needsReview[0].versionNo").value(2));
        getJson("/api/v1/jobs/" + described, admin).andExpect(jsonPath("$.needsReview").value(true));
        // nothing saved yet, nothing to review: the draft is written from the new wording anyway
        getJson("/api/v1/jobs/" + undescribed, admin).andExpect(jsonPath("$.needsReview").value(false));
        getJson("/api/v1/jobs/" + undescribed + "/description", admin)
                .andExpect(jsonPath("$.content.duties[0].how").value("Greet every customer within 20 seconds"));

        String staff = token(fixtures.person(Role.STAFF, fixtures.chain().outletA().id()));
        postJson("/api/v1/jobs/" + described + "/description/review", staff, "").andExpect(status().isForbidden());
        postJson("/api/v1/jobs/" + described + "/description/review", admin, "").andExpect(status().isOk())
                .andExpect(jsonPath("$.needsReview.length()").value(0));
        getJson("/api/v1/jobs/" + described, admin).andExpect(jsonPath("$.needsReview").value(false));
    }

    @Test
    void managersGiveJobsToTheirOwnPeopleAndEachPersonHoldsOneJob() throws Exception {
        // chain-wide jobs: the fixture's outlets are of type "pharmacy", these standards of another type
        long cashier = chainWideJob(Fixtures.unique("收银员"), List.of(callBack));
        long assistant = chainWideJob(Fixtures.unique("营业员"), List.of(greet));
        long ofOtherType = job("药师", List.of(greet));
        Fixtures.Chain c = fixtures.chain();
        AppUser managerA = fixtures.person(Role.MANAGER, c.outletA().id());
        String tokenA = token(managerA);
        AppUser inTeamA = fixtures.person(Role.STAFF, c.outletA().id(), c.teamA().id(), null);
        AppUser inB = fixtures.person(Role.STAFF, c.outletB().id());

        postJson("/api/v1/jobs/" + cashier + "/people", tokenA, Map.of("personId", inTeamA.id()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.outletId").value(c.outletA().id()));
        postJson("/api/v1/jobs/" + cashier + "/people", tokenA, Map.of("personId", inB.id()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("personId"));
        String staff = token(fixtures.person(Role.STAFF, c.outletA().id()));
        postJson("/api/v1/jobs/" + cashier + "/people", staff, Map.of("personId", inTeamA.id()))
                .andExpect(status().isForbidden());
        postJson("/api/v1/jobs/" + cashier + "/people", admin, Map.of("personId", inB.id()))
                .andExpect(status().isCreated());

        postJson("/api/v1/jobs/" + ofOtherType + "/people", tokenA, Map.of("personId", inTeamA.id()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("personId"));

        // manager A sees only the holder in outlet A; the administrator sees both
        getJson("/api/v1/jobs/" + cashier + "/people", tokenA).andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].personId").value(inTeamA.id()));
        getJson("/api/v1/jobs/" + cashier + "/people", admin).andExpect(jsonPath("$.length()").value(2));

        // a new job replaces the old one
        postJson("/api/v1/jobs/" + assistant + "/people", tokenA, Map.of("personId", inTeamA.id()))
                .andExpect(status().isCreated());
        getJson("/api/v1/jobs/" + cashier + "/people", tokenA).andExpect(jsonPath("$.length()").value(0));
        postJson("/api/v1/jobs/" + cashier + "/people/release", tokenA, Map.of("personId", inTeamA.id()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("personId"));
        postJson("/api/v1/jobs/" + assistant + "/people/release", tokenA, Map.of("personId", inTeamA.id()))
                .andExpect(status().isOk());
        getJson("/api/v1/jobs/" + assistant + "/people", tokenA).andExpect(jsonPath("$.length()").value(0));
    }
}
