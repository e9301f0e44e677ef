package com.serviceloop.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import jakarta.servlet.http.Cookie;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A signed-in browser session ends, on every instance, as soon as the person's access changes. */
class SessionEndIntegrationTest extends ApiTest {
    private String adminToken;
    private Fixtures.Chain chain;

    @BeforeEach
    void setUp() {
        adminToken = token(fixtures.admin());
        chain = fixtures.chain();
    }

    private Cookie signIn(AppUser who, String password) throws Exception {
        Cookie session = mvc.perform(formLogin("/login").user(who.username()).password(password)).andReturn()
                .getResponse().getCookie("SESSION");
        assertThat(session).as("session cookie").isNotNull();
        mvc.perform(get("/cases").cookie(session)).andExpect(status().isOk());
        return session;
    }

    private void signedOut(Cookie session) throws Exception {
        mvc.perform(get("/cases").cookie(session)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    private Map<String, Object> form(AppUser who, String role, long scope, boolean active) {
        return new HashMap<>(whole(PersonForm.class, Map.of("displayName", "Someone", "username", who.username(),
                "role", role, "scopeUnitId", scope, "active", active)));
    }

    @Test
    void deactivatingSomeoneEndsTheirSessionAtOnce() throws Exception {
        AppUser staff = fixtures.person(Role.STAFF, chain.outletA().id());
        Cookie session = signIn(staff, Fixtures.PASSWORD);
        putJson("/api/v1/people/" + staff.id(), adminToken, form(staff, "STAFF", chain.outletA().id(), false))
                .andExpect(status().isOk());
        signedOut(session);
    }

    @Test
    void aNewRoleOrScopeOrPasswordEndsTheOldSessionsAndAMereRenameDoesNot() throws Exception {
        AppUser manager = fixtures.person(Role.MANAGER, chain.outletA().id());
        Cookie first = signIn(manager, Fixtures.PASSWORD);
        Cookie second = signIn(manager, Fixtures.PASSWORD);
        // a new display name changes nothing the person may do
        putJson("/api/v1/people/" + manager.id(), adminToken, form(manager, "MANAGER", chain.outletA().id(), true))
                .andExpect(status().isOk());
        mvc.perform(get("/cases").cookie(first)).andExpect(status().isOk());
        // moved to another outlet: both of the old sessions end
        putJson("/api/v1/people/" + manager.id(), adminToken, form(manager, "MANAGER", chain.outletB().id(), true))
                .andExpect(status().isOk());
        signedOut(first);
        signedOut(second);

        Cookie third = signIn(manager, Fixtures.PASSWORD);
        putJson("/api/v1/people/" + manager.id(), adminToken, form(manager, "STAFF", chain.outletB().id(), true))
                .andExpect(status().isOk());
        signedOut(third);

        Cookie fourth = signIn(manager, Fixtures.PASSWORD);
        Map<String, Object> reset = form(manager, "STAFF", chain.outletB().id(), true);
        reset.put("password", "a-brand-new-password-9");
        putJson("/api/v1/people/" + manager.id(), adminToken, reset).andExpect(status().isOk());
        signedOut(fourth);
        signIn(manager, "a-brand-new-password-9");
    }
}
