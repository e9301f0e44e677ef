package com.serviceloop.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.serviceloop.Fixtures;
import com.serviceloop.PageTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * With local sign-in switched off the sign-in page offers the company account only; the emergency way in,
 * /login?local=1, still takes an administrator's password and nobody else's.
 */
@TestPropertySource(properties = {"serviceloop.sso.local-login=false", "serviceloop.sso.oidc.corp.label=Corp account",
        // nothing listens on port 1: the provider cannot be reached
        "serviceloop.sso.oidc.corp.issuer-uri=http://127.0.0.1:1/realms/corp", "serviceloop.sso.oidc.corp.client-id=serviceloop"})
class LocalSignInSwitchedOffIntegrationTest extends PageTest {

    private String signIn(String username) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("username", username).param("password", Fixtures.PASSWORD))
                .andReturn().getResponse().getRedirectedUrl();
    }

    private String loginPage(String query, String language) throws Exception {
        return mvc.perform(get("/login" + query).header("Accept-Language", language)).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void onlyTheCompanyAccountIsOfferedAndOnlyAdministratorsUseTheirPasswords() throws Exception {
        AppUser admin = fixtures.admin();
        AppUser staff = fixtures.person(Role.STAFF, fixtures.chain().outletA().id());

        assertThat(loginPage("", "en")).contains("Sign in with Corp account", "/login/sso/corp")
                .doesNotContain("name=\"password\"");
        assertThat(loginPage("?local=1", "en")).contains("name=\"password\"", "only administrators can sign in here");
        assertThat(loginPage("?local=1", "zh-CN")).contains("使用Corp account登录", "只有管理员可以登录");

        assertThat(signIn(staff.username())).isEqualTo("/login?error");
        assertThat(signIn(admin.username())).isEqualTo("/");
    }

    @Test
    void aProviderThatCannotBeReachedSendsBackWithAMessage() throws Exception {
        fixtures.admin();
        assertThat(mvc.perform(get("/login/sso/corp")).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/login?sso=unavailable");
        assertThat(mvc.perform(get("/login/sso/nosuch")).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/login?sso=unavailable");
        // Spring's own address for the provider sends back the same way, not a 500
        assertThat(mvc.perform(get("/oauth2/authorization/corp")).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/login?sso=unavailable");
        assertThat(loginPage("?sso=unavailable", "en")).contains("cannot be reached or is not set up correctly");
        assertThat(loginPage("?sso=unavailable", "zh-CN")).contains("无法连接企业统一登录");
    }
}
