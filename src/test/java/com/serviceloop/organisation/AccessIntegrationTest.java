package com.serviceloop.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

/** Sign-in, API tokens, CSRF, first run, and the public operational endpoints. */
class AccessIntegrationTest extends ApiTest {
    private AppUser admin;
    private String adminToken;

    @BeforeEach
    void setUp() {
        admin = fixtures.admin();
        adminToken = token(admin);
    }

    @Test
    void apiNeedsAValidToken() throws Exception {
        mvc.perform(get("/api/v1/customers").accept(MediaType.APPLICATION_JSON)).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("Unauthorized"));
        getJson("/api/v1/customers", "sl_not-a-real-token").andExpect(status().isUnauthorized());
        getJson("/api/v1/me", adminToken).andExpect(status().isOk()).andExpect(jsonPath("$.role").value("ADMIN"))
                .andExpect(jsonPath("$.passwordHash").doesNotExist());
    }

    @Test
    void issuedTokensWorkUntilRevoked() throws Exception {
        Fixtures.Chain chain = fixtures.chain();
        AppUser staff = fixtures.person(Role.STAFF, chain.outletA().id());
        JsonNode issued = body(postJson("/api/v1/tokens", adminToken, Map.of("name", "till system", "personId", staff.id()))
                .andExpect(status().isCreated()));
        String secret = issued.get("secret").asText();
        assertThat(secret).startsWith("sl_").hasSizeGreaterThan(40);
        getJson("/api/v1/me", secret).andExpect(jsonPath("$.id").value(staff.id()));

        JsonNode list = body(getJson("/api/v1/tokens", adminToken));
        assertThat(list.toString()).doesNotContain(secret);

        deleteJson("/api/v1/tokens/" + issued.get("token").get("id").asLong(), adminToken).andExpect(status().isNoContent());
        getJson("/api/v1/me", secret).andExpect(status().isUnauthorized());
        postJson("/api/v1/tokens", adminToken, Map.of("name", "", "personId", staff.id())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void aMissingRoleIsRefusedWithA403BeforeTheInputIsLookedAt() throws Exception {
        Fixtures.Chain chain = fixtures.chain();
        String auditor = token(fixtures.person(Role.AUDITOR, chain.region().id()));
        String staff = token(fixtures.person(Role.STAFF, chain.outletA().id()));
        String manager = token(fixtures.person(Role.MANAGER, chain.outletA().id()));
        // an empty form has every required field missing: only someone allowed to write learns that
        postJson("/api/v1/standards", auditor, Map.of()).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.errors").doesNotExist());
        putJson("/api/v1/standards/1", staff, "{not json").andExpect(status().isForbidden());
        postJson("/api/v1/cases", auditor, Map.of()).andExpect(status().isForbidden());
        // standards hold for every outlet: an outlet's manager is refused too, the chain's manager learns what is wrong
        postJson("/api/v1/standards", manager, Map.of()).andExpect(status().isForbidden());
        String chainManager = token(fixtures.person(Role.MANAGER, chain.chain().id()));
        postJson("/api/v1/standards", chainManager, Map.of()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors").isArray());
    }

    @Test
    void tokensOfDeactivatedPeopleStopWorking() throws Exception {
        Fixtures.Chain chain = fixtures.chain();
        AppUser staff = fixtures.person(Role.STAFF, chain.outletA().id());
        String secret = token(staff);
        getJson("/api/v1/me", secret).andExpect(status().isOk());
        putJson("/api/v1/people/" + staff.id(), adminToken, whole(PersonForm.class, Map.of("displayName", "Gone",
                "username", staff.username(), "role", "STAFF", "scopeUnitId", chain.outletA().id(), "active", false))).andExpect(status().isOk());
        getJson("/api/v1/me", secret).andExpect(status().isUnauthorized());
    }

    @Test
    void sessionWritesNeedCsrfButTokenWritesDoNot() throws Exception {
        String body = json.writeValueAsString(Map.of("kind", "CHAIN", "name", "C", "code", Fixtures.unique("C")));
        mvc.perform(post("/api/v1/units").with(user(admin)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/units").with(user(admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated());
    }

    @Test
    void formLoginWorksWithHashedPasswords() throws Exception {
        Fixtures.Chain chain = fixtures.chain();
        AppUser manager = fixtures.person(Role.MANAGER, chain.outletA().id());
        assertThat(manager.passwordHash()).startsWith("{bcrypt}").doesNotContain(Fixtures.PASSWORD);
        mvc.perform(post("/login").with(csrf()).param("username", manager.username()).param("password", Fixtures.PASSWORD))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/"));
        mvc.perform(post("/login").with(csrf()).param("username", manager.username()).param("password", "wrong-password"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/customers").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());
    }

    @Test
    void setupRunsOnlyOnce() throws Exception {
        mvc.perform(post("/api/v1/setup").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"Eve\",\"username\":\"eve\",\"password\":\"0123456789ab\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/setup").contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"x\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field").isArray());
        mvc.perform(get("/setup")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void peopleAreValidated() throws Exception {
        Fixtures.Chain chain = fixtures.chain();
        postJson("/api/v1/people", adminToken, Map.of("displayName", "No scope", "role", "MANAGER"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("scopeUnitId"));
        postJson("/api/v1/people", adminToken, Map.of("displayName", "Short", "username", Fixtures.unique("u"),
                "password", "short", "role", "STAFF", "scopeUnitId", chain.outletA().id()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("password"));
        postJson("/api/v1/people", adminToken, Map.of("displayName", "Bad role", "role", "KING"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("role"));
        postJson("/api/v1/people", adminToken, Map.of("displayName", "Counter staff", "role", "STAFF",
                "scopeUnitId", chain.outletA().id(), "teamId", chain.teamA().id()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.username").doesNotExist());
        postJson("/api/v1/people", adminToken, Map.of("displayName", "Wrong team", "role", "STAFF",
                "scopeUnitId", chain.outletB().id(), "teamId", chain.teamA().id()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("teamId"));
    }

    @Test
    void organisationTreeRules() throws Exception {
        Fixtures.Chain chain = fixtures.chain();
        postJson("/api/v1/units", adminToken, Map.of("kind", "TEAM", "name", "T", "code", Fixtures.unique("T"),
                "parentId", chain.region().id())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parentId"));
        postJson("/api/v1/units", adminToken, Map.of("kind", "OUTLET", "name", "O", "code", chain.outletA().code(),
                "parentId", chain.region().id())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        postJson("/api/v1/units", adminToken, Map.of("kind", "OUTLET", "name", "O", "code", "has space",
                "parentId", chain.region().id())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        deleteJson("/api/v1/units/" + chain.region().id(), adminToken).andExpect(status().isConflict());
        JsonNode outlet = body(postJson("/api/v1/units", adminToken, Map.of("kind", "OUTLET", "name", "Pop-up",
                "code", Fixtures.unique("O"), "parentId", chain.region().id())).andExpect(status().isCreated()));
        assertThat(outlet.get("path").asText()).isEqualTo(chain.region().path() + outlet.get("id").asLong() + "/");
        putJson("/api/v1/units/" + outlet.get("id").asLong(), adminToken, whole(OrgUnitForm.class, Map.of("kind", "OUTLET",
                "name", "Pop-up 2", "code", outlet.get("code").asText(), "version", 0))).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Pop-up 2"));
        deleteJson("/api/v1/units/" + outlet.get("id").asLong(), adminToken).andExpect(status().isNoContent());
    }

    @Test
    void treeRefusalsSpeakTheCallersLanguage() throws Exception {
        Fixtures.Chain chain = fixtures.chain();
        String misplaced = json.writeValueAsString(Map.of("kind", "TEAM", "name", "T", "code", Fixtures.unique("T"),
                "parentId", chain.region().id()));
        postJson("/api/v1/units", adminToken, misplaced).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("A team cannot be placed under a region"));
        // the kinds are worded in the caller's language too, not only the sentence around them
        call(post("/api/v1/units").header("Accept-Language", "zh-CN").contentType(MediaType.APPLICATION_JSON)
                .content(misplaced), adminToken).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parentId"))
                .andExpect(jsonPath("$.errors[0].message").value("柜组不能放在区域之下"));
        call(MockMvcRequestBuilders.delete("/api/v1/units/" + chain.region().id()).header("Accept-Language", "zh-CN"),
                adminToken).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("单位 " + chain.region().id() + " 下仍有下级单位或人员"));
    }

    @Test
    void webJarsAreServedWithoutVersions() throws Exception {
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/echarts/dist/echarts.min.js")).andExpect(status().isOk());
    }

    @Test
    void theHomePageSpeaksTheBrowsersLanguageUnlessOneIsChosen() throws Exception {
        mvc.perform(get("/").with(user(admin)).header("Accept-Language", "zh-CN,zh;q=0.9"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("全部门店本月情况")));
        mvc.perform(get("/").with(user(admin)).header("Accept-Language", "en-GB"))
                .andExpect(content().string(Matchers.containsString("All outlets this month")));
        mvc.perform(get("/").param("lang", "zh").with(user(admin)).header("Accept-Language", "en-GB"))
                .andExpect(content().string(Matchers.containsString("全部门店本月情况")));
    }

    @Test
    void springsOwnErrorsKeepTheirStatus() throws Exception {
        getJson("/api/v1/no-such-thing", adminToken).andExpect(status().isNotFound());
        deleteJson("/api/v1/customers", adminToken).andExpect(status().isMethodNotAllowed());
        call(MockMvcRequestBuilders.post("/api/v1/customers")
                .contentType(MediaType.TEXT_PLAIN).content("x"), adminToken).andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void healthIsOpenMetricsNeedAnAdministratorAndApiDocsASignIn() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
                .andExpect(header().string("Permissions-Policy", Matchers.containsString("microphone=()")));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        String staff = token(fixtures.person(Role.STAFF, fixtures.chain().outletA().id()));
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + staff)).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + adminToken)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("jvm_memory_used_bytes")));
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
        mvc.perform(get("/v3/api-docs").header("Authorization", "Bearer " + staff)).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/customers']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/visits/import']").exists())
                .andExpect(jsonPath("$.components.securitySchemes.token.scheme").value("bearer"));
        // the browsable description is a page: a person signs in for it
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/swagger-ui/index.html").with(user(fixtures.admin()))).andExpect(status().isOk());
    }
}
