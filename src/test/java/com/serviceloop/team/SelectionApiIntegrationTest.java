package com.serviceloop.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.TestClock;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class SelectionApiIntegrationTest extends ApiTest {
    @Autowired TestClock clock;
    @Autowired CandidateSweep sweep;
    private String admin;
    private long jobId;
    private Fixtures.Chain chain;
    private AppUser managerA;

    @BeforeEach
    void setUp() throws Exception {
        admin = token(fixtures.admin());
        String type = "s" + Fixtures.unique("x").substring(2).toLowerCase();
        long greet = standard(type, "ATTITUDE", "Greet every customer within 30 seconds");
        long callBack = standard(type, "TIMELINESS", "Call the customer back within 4 hours");
        // chain-wide, so that the fixture's "pharmacy" outlets may hire for it
        jobId = body(postJson("/api/v1/jobs", admin, Map.of("name", Fixtures.unique("营业员"),
                "standardIds", List.of(greet, callBack))).andExpect(status().isCreated())).get("id").asLong();
        chain = fixtures.chain();
        managerA = fixtures.person(Role.MANAGER, chain.outletA().id());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long standard(String type, String area, String behaviour) throws Exception {
        return body(postJson("/api/v1/standards", admin, Map.of("outletType", type, "areaCode", area,
                "behaviour", behaviour, "kind", "HARD")).andExpect(status().isCreated())).at("/standard/id").asLong();
    }

    @Test
    void theGuideAsksOneOpenQuestionPerAreaOfTheJobsStandardsAndIsSavedAsVersions() throws Exception {
        JsonNode guide = body(call(get("/api/v1/jobs/" + jobId + "/interview-guide").header("Accept-Language", "zh"), admin));
        assertThat(guide.get("generated").asBoolean()).isTrue();
        // the areas' fixed order: timeliness (1) before attitude (9)
        assertThat(guide.at("/questions/0/areaCode").asString()).isEqualTo("TIMELINESS");
        assertThat(guide.at("/questions/0/question").asString()).startsWith("请讲一次");
        assertThat(guide.at("/questions/1/areaCode").asString()).isEqualTo("ATTITUDE");
        assertThat(guide.at("/questions/1/followUp").asString()).isNotBlank();

        Map<String, Object> form = Map.of("questions", List.of(Map.of("areaCode", "ATTITUDE",
                "question", "请讲一位让您印象最深的顾客。", "followUp", "您当时是怎么想的？")), "version", 0);
        putJson("/api/v1/jobs/" + jobId + "/interview-guide", admin, form).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1)).andExpect(jsonPath("$.generated").value(false))
                .andExpect(jsonPath("$.questions.length()").value(1));
        putJson("/api/v1/jobs/" + jobId + "/interview-guide", admin, form).andExpect(status().isConflict());
        putJson("/api/v1/jobs/" + jobId + "/interview-guide", admin, Map.of("questions", List.of(Map.of("areaCode", "LUCK",
                "question", "?", "followUp", "")), "version", 1))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("questions[0].areaCode"));
    }

    private long candidate(String token, String name, long outletId) throws Exception {
        return body(postJson("/api/v1/jobs/" + jobId + "/candidates", token, Map.of("name", name, "contact", "138 0000 0001",
                "outletId", outletId)).andExpect(status().isCreated())).get("id").asLong();
    }

    private void score(String token, long candidate, int timeliness, Integer attitude) throws Exception {
        List<Map<String, Object>> scores = attitude == null ? List.of(Map.of("areaCode", "TIMELINESS", "score", timeliness))
                : List.of(Map.of("areaCode", "TIMELINESS", "score", timeliness),
                        Map.of("areaCode", "ATTITUDE", "score", attitude, "note", "讲了具体的例子"));
        postJson("/api/v1/jobs/" + jobId + "/candidates/scores", token, Map.of("candidateId", candidate, "scores", scores))
                .andExpect(status().isOk());
    }

    @Test
    void twoInterviewersScoreTwoCandidatesAndTheComparisonAveragesPerAreaThenOverAreas() throws Exception {
        String a = token(managerA);
        String b = token(fixtures.person(Role.MANAGER, chain.outletA().id()));
        long wang = candidate(a, "王芳", chain.outletA().id());
        long li = candidate(a, "李强", chain.outletA().id());
        score(a, wang, 4, 5);
        score(b, wang, 3, 4);
        score(a, li, 5, 2);
        score(b, li, 4, null);
        // 王芳: timeliness (4 + 3) / 2 = 3.50, attitude (5 + 4) / 2 = 4.50, overall (3.50 + 4.50) / 2 = 4.00
        // 李强: timeliness (5 + 4) / 2 = 4.50, attitude 2 / 1 = 2.00, overall (4.50 + 2.00) / 2 = 3.25
        JsonNode cmp = body(getJson("/api/v1/jobs/" + jobId + "/candidates/comparison", a).andExpect(status().isOk()));
        assertThat(cmp.get("areaCodes").valueStream().map(JsonNode::asString).toList()).containsExactly("TIMELINESS", "ATTITUDE");
        JsonNode first = cmp.at("/candidates/0");
        assertThat(first.get("name").asString()).isEqualTo("王芳");
        assertThat(first.at("/areaMeans/TIMELINESS").decimalValue()).isEqualByComparingTo("3.50");
        assertThat(first.at("/areaMeans/ATTITUDE").decimalValue()).isEqualByComparingTo("4.50");
        assertThat(first.get("overall").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(first.get("interviewers").asInt()).isEqualTo(2);
        JsonNode second = cmp.at("/candidates/1");
        assertThat(second.at("/areaMeans/TIMELINESS").decimalValue()).isEqualByComparingTo("4.50");
        assertThat(second.at("/areaMeans/ATTITUDE").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(second.get("overall").decimalValue()).isEqualByComparingTo("3.25");

        // a new score of the same interviewer replaces the old: 李强's attitude becomes 4, overall (4.50 + 4.00) / 2 = 4.25
        score(a, li, 5, 4);
        getJson("/api/v1/jobs/" + jobId + "/candidates/comparison", a)
                .andExpect(jsonPath("$.candidates[1].overall").value(4.25));
    }

    @Test
    void scoresOutOfRangeAndCandidatesOutsideTheCallersOutletsAreRefusedByField() throws Exception {
        String a = token(managerA);
        long wang = candidate(a, "王芳", chain.outletA().id());
        long inB = candidate(admin, "赵敏", chain.outletB().id());
        postJson("/api/v1/jobs/" + jobId + "/candidates/scores", a, Map.of("candidateId", wang,
                "scores", List.of(Map.of("areaCode", "TIMELINESS", "score", 6))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("scores[0].score"));
        postJson("/api/v1/jobs/" + jobId + "/candidates/scores", a, Map.of("candidateId", wang,
                "scores", List.of(Map.of("areaCode", "TIMELINESS", "score", 0))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("scores[0].score"));
        postJson("/api/v1/jobs/" + jobId + "/candidates/scores", a, Map.of("candidateId", inB,
                "scores", List.of(Map.of("areaCode", "TIMELINESS", "score", 3))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("candidateId"));
        postJson("/api/v1/jobs/" + jobId + "/candidates/scores", a, Map.of("candidateId", wang,
                "scores", List.of(Map.of("areaCode", "TIMELINESS", "score", 3), Map.of("areaCode", "TIMELINESS", "score", 4))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("scores[1].areaCode"));
        postJson("/api/v1/jobs/" + jobId + "/candidates", a, Map.of("name", "周杰", "outletId", chain.outletB().id()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("outletId"));
        postJson("/api/v1/jobs/" + jobId + "/candidates", a, Map.of("name", "周杰", "outletId", chain.region().id()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("outletId"));
        getJson("/api/v1/jobs/" + jobId + "/candidates", a).andExpect(jsonPath("$.length()").value(1));
        String staff = token(fixtures.person(Role.STAFF, chain.outletA().id()));
        getJson("/api/v1/jobs/" + jobId + "/candidates", staff).andExpect(status().isForbidden());
        postJson("/api/v1/jobs/" + jobId + "/candidates/status", a, Map.of("candidateId", wang, "status", "HIRED"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("HIRED"));
    }

    @Test
    void candidatesLoseNameContactAndNotesAfterTheRetentionPeriod() throws Exception {
        String a = token(managerA);
        long wang = candidate(a, "王芳", chain.outletA().id());
        score(a, wang, 4, 5);
        clock.advance(Duration.ofDays(179));
        sweep.run();
        getJson("/api/v1/jobs/" + jobId + "/candidates", a).andExpect(jsonPath("$[0].name").value("王芳"));
        // 181 days after applying: past the default 180
        clock.advance(Duration.ofDays(2));
        sweep.run();
        getJson("/api/v1/jobs/" + jobId + "/candidates", a)
                .andExpect(jsonPath("$[0].name").value(nullValue()))
                .andExpect(jsonPath("$[0].contact").value(nullValue()))
                .andExpect(jsonPath("$[0].anonymisedAt").isNotEmpty());
        // the scores stay for the comparison, without the interviewer's notes
        getJson("/api/v1/jobs/" + jobId + "/candidates/comparison", a)
                .andExpect(jsonPath("$.candidates[0].overall").value(4.5));
    }
}
