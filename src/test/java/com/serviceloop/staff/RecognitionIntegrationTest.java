package com.serviceloop.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import com.serviceloop.platform.Notices;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Writing recognition notes: who may, to whom, what is refused (naming the field), and the suggestions. */
class RecognitionIntegrationTest extends ApiTest {
    @Autowired JdbcClient jdbc;
    @Autowired Notices notices;
    private Fixtures.Chain chain;
    private AppUser manager;
    private AppUser wang;
    private AppUser zhao;
    private String managerToken;

    @BeforeEach
    void setUp() {
        fixtures.admin();
        chain = fixtures.chain();
        manager = fixtures.person(Role.MANAGER, chain.outletA().id());
        managerToken = token(manager);
        wang = fixtures.person(Role.STAFF, chain.outletA().id(), chain.teamA().id(), null);
        zhao = fixtures.person(Role.STAFF, chain.outletB().id());
    }

    @AfterEach
    void settingsBack() {
        jdbc.sql("DELETE FROM app_setting WHERE setting_key LIKE 'staff.%'").update();
    }

    private long praiseCase(long outlet, long owner) {
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("""
                INSERT INTO support_case (outlet_id, channel, case_type, severity, status, description, owner_id, received_by,
                    created_at, updated_at)
                VALUES (:o, 'LETTER', 'PRAISE', 'LOW', 'RECEIVED', '感谢王药师耐心讲解用药', :p, :p, :t, :t)""")
                .param("o", outlet).param("p", owner).param("t", now.minusDays(2)).update();
        return jdbc.sql("SELECT MAX(id) FROM support_case").query(Long.class).single();
    }

    private static Map<String, Object> note(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void theRecipientReadsTheNoteAndTheTeamWallShowsIt() throws Exception {
        JsonNode n = body(postJson("/api/v1/recognition/notes", managerToken, note("personId", wang.id(), "text",
                "  主动帮老人取药  ")).andExpect(status().isCreated()));
        assertThat(n.get("text").asText()).isEqualTo("主动帮老人取药");
        assertThat(n.get("outletId").asLong()).isEqualTo(chain.outletA().id());
        JsonNode mine = body(getJson("/api/v1/recognition/mine", token(wang)).andExpect(status().isOk()));
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("writerName").asText()).isEqualTo(manager.displayName());
        // and in the recipient's inbox, in the writer's own words
        assertThat(notices.recent(wang.id(), 5)).anySatisfy(x -> {
            assertThat(x.kind()).isEqualTo("RECOGNITION");
            assertThat(x.body()).isEqualTo(manager.displayName() + ": 主动帮老人取药");
            assertThat(x.link()).isEqualTo("/recognition");
        });
        JsonNode wall = body(getJson("/api/v1/recognition/wall?teamId=" + chain.teamA().id(), token(wang)));
        assertThat(wall.get(0).get("id").asLong()).isEqualTo(n.get("id").asLong());
        // the rollup counted it at once
        assertThat(jdbc.sql("SELECT SUM(recognitions) FROM staff_scoreboard_day WHERE person_id = :p").param("p", wang.id())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void badNotesAreRefusedNamingTheField() throws Exception {
        String url = "/api/v1/recognition/notes";
        postJson(url, managerToken, note("personId", 987654321L, "text", "好")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("personId"));
        postJson(url, managerToken, note("personId", zhao.id(), "text", "好")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("personId")); // outlet B: not the manager's
        postJson(url, managerToken, note("personId", wang.id(), "teamId", chain.teamA().id(), "text", "好"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("personId"));
        postJson(url, managerToken, note("personId", wang.id(), "text", "好".repeat(501))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("text"));
        postJson(url, managerToken, note("personId", wang.id(), "text", "好\u0000")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("text"));
        postJson(url, managerToken, note("personId", wang.id(), "text", "   ")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("text"));
        postJson(url, managerToken, note("personId", manager.id(), "text", "好")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("personId"));
        long otherOutletsCase = praiseCase(chain.outletB().id(), zhao.id());
        postJson(url, managerToken, note("personId", wang.id(), "text", "好", "sourceKind", "CASE", "sourceId", otherOutletsCase))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("sourceId"));
        postJson(url, managerToken, note("personId", wang.id(), "text", "好", "sourceId", otherOutletsCase))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("sourceKind"));
        postJson(url, managerToken, note("personId", wang.id(), "text", "好", "standardId", 987654321L))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("standardId"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM staff_recognition WHERE writer_id = :w").param("w", manager.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void colleaguesWriteOnlyWhenTheChainAllowsIt() throws Exception {
        AppUser colleague = fixtures.person(Role.STAFF, chain.outletA().id());
        postJson("/api/v1/recognition/notes", token(colleague), note("personId", wang.id(), "text", "谢谢你帮我顶班"))
                .andExpect(status().isForbidden());
        call(patch("/api/v1/recognition/settings").contentType(MediaType.APPLICATION_JSON)
                .content("{\"colleaguesMayWrite\": true}"), token(fixtures.admin())).andExpect(status().isOk());
        postJson("/api/v1/recognition/notes", token(colleague), note("personId", wang.id(), "text", "谢谢你帮我顶班"))
                .andExpect(status().isCreated());
        // a manager who is not chain-wide cannot change the chain's settings
        call(patch("/api/v1/recognition/settings").contentType(MediaType.APPLICATION_JSON)
                .content("{\"hideNames\": true}"), managerToken).andExpect(status().isForbidden());
    }

    @Test
    void aPraiseCaseSuggestsANoteUntilOneIsWritten() throws Exception {
        long praise = praiseCase(chain.outletA().id(), wang.id());
        praiseCase(chain.outletB().id(), zhao.id()); // outside the manager's outlets
        JsonNode s = body(getJson("/api/v1/recognition/suggestions", managerToken).andExpect(status().isOk()));
        assertThat(s).hasSize(1);
        assertThat(s.get(0).get("sourceId").asLong()).isEqualTo(praise);
        assertThat(s.get(0).get("personId").asLong()).isEqualTo(wang.id());
        postJson("/api/v1/recognition/notes", managerToken, note("personId", wang.id(), "text", "顾客来信感谢",
                "sourceKind", "CASE", "sourceId", praise)).andExpect(status().isCreated());
        assertThat(body(getJson("/api/v1/recognition/suggestions", managerToken))).isEmpty();
        getJson("/api/v1/recognition/suggestions", token(wang)).andExpect(status().isForbidden());
    }
}
