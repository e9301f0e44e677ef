package com.serviceloop.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.Fixtures;
import com.serviceloop.platform.PageRequest;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFException;
import idp.TestIdentityProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on for real: ServiceLoop on a port of its own, an OpenID provider (Spring Authorization Server)
 * and an LDAP directory (UnboundID) started beside it on localhost, and a browser-like client that keeps
 * cookies and follows redirects through the whole authorization-code flow and the sign-in form.
 */
@Tag("db")
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class SingleSignOnIntegrationTest {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final String ALICE = "alice" + RUN;
    private static final String BOB = "bob" + RUN;
    private static final String DAVE = "dave" + RUN;
    private static final String BASE_DN = "dc=example,dc=com";
    private static final String LDAP_PASSWORD = "ldap-password-1";
    private static int appPort;
    private static int idpPort;
    private static int ldapPort;
    private static ConfigurableApplicationContext idp;
    private static InMemoryDirectoryServer directory;

    @Autowired Fixtures fixtures;
    @Autowired PersonService people;
    @Autowired SignInRules rules;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) throws LDAPException, LDIFException {
        appPort = freePort();
        idpPort = freePort();
        ldapPort = freePort();
        idp = TestIdentityProvider.start(idpPort, appPort, ALICE, BOB, DAVE);
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", ldapPort));
        directory = new InMemoryDirectoryServer(config);
        directory.add("dn: " + BASE_DN, "objectClass: domain", "dc: example");
        directory.add("dn: ou=people," + BASE_DN, "objectClass: organizationalUnit", "ou: people");
        directory.add("dn: ou=groups," + BASE_DN, "objectClass: organizationalUnit", "ou: groups");
        directory.startListening();

        registry.add("server.port", () -> appPort);
        registry.add("serviceloop.sso.oidc.idp.label", () -> "Test IdP");
        registry.add("serviceloop.sso.oidc.idp.issuer-uri", () -> "http://localhost:" + idpPort);
        registry.add("serviceloop.sso.oidc.idp.client-id", () -> TestIdentityProvider.CLIENT_ID);
        registry.add("serviceloop.sso.oidc.idp.client-secret", () -> TestIdentityProvider.CLIENT_SECRET);
        registry.add("serviceloop.sso.oidc.idp.scope", () -> "openid");
        registry.add("serviceloop.sso.oidc.wrongsecret.issuer-uri", () -> "http://localhost:" + idpPort);
        registry.add("serviceloop.sso.oidc.wrongsecret.client-id", () -> TestIdentityProvider.CLIENT_ID);
        registry.add("serviceloop.sso.oidc.wrongsecret.client-secret", () -> "not-the-secret");
        registry.add("serviceloop.sso.oidc.wrongsecret.scope", () -> "openid");
        // nothing listens there: the provider is down or misspelt
        registry.add("serviceloop.sso.oidc.down.issuer-uri", () -> "http://localhost:" + freePort() + "/realms/none");
        registry.add("serviceloop.sso.oidc.down.client-id", () -> "x");
        registry.add("serviceloop.sso.ldap.enabled", () -> "true");
        registry.add("serviceloop.sso.ldap.url", () -> "ldap://localhost:" + ldapPort + "/" + BASE_DN);
        registry.add("serviceloop.sso.ldap.user-dn-pattern", () -> "uid={0},ou=people");
        registry.add("serviceloop.sso.ldap.group-search-base", () -> "ou=groups");
    }

    @AfterAll
    static void stop() {
        if (directory != null) {
            directory.shutDown(true);
        }
        if (idp != null) {
            idp.close();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A browser: its own cookies for ServiceLoop (127.0.0.1) and the provider (localhost), following redirects. */
    private static final class Browser {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NORMAL).build();

        HttpResponse<String> get(String url) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "en").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
            String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "en")
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Fills in a sign-in form (ServiceLoop's or the provider's) found on the page, with its CSRF token. */
        HttpResponse<String> signIn(HttpResponse<String> formPage, String username, String password) throws Exception {
            Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"")
                    .matcher(formPage.body());
            assertThat(csrf.find()).as("a sign-in form on " + formPage.uri()).isTrue();
            String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
            URI action = formPage.uri().resolve("/login");
            return post(action.toString(), Map.of("username", username, "password", password, "_csrf", token));
        }

        /** The whole OpenID Connect sign-in: the button, the provider's form, back to ServiceLoop. */
        HttpResponse<String> signInWithProvider(String provider, String username) throws Exception {
            HttpResponse<String> providerForm = get(app("/login/sso/" + provider));
            assertThat(providerForm.uri().toString()).startsWith("http://localhost:" + idpPort + "/login");
            return signIn(providerForm, username, TestIdentityProvider.PASSWORD);
        }
    }

    private static String app(String path) {
        return "http://127.0.0.1:" + appPort + path;
    }

    private Person person(String username) {
        return people.search(username, PageRequest.of(0, 10)).items().stream()
                .filter(p -> username.equals(p.username())).findFirst().orElseThrow();
    }

    @Test
    void aProviderSignInCreatesThePersonWithTheMappedRoleAndUpdatesItAtEachSignIn(CapturedOutput output) throws Exception {
        fixtures.admin();
        Fixtures.Chain chain = fixtures.chain();
        String shop = chain.outletA().code().substring("OUTLET-".length());
        String tag = "oidc" + RUN;
        rules.create(new SignInRuleForm(1, null, tag + "-admins", "ADMIN", null, null));
        rules.create(new SignInRuleForm(2, null, tag + "-store-(\\w+)-managers", "MANAGER", "OUTLET-$1", null));
        TestIdentityProvider.GROUPS.put(ALICE, List.of("everyone", tag + "-store-" + shop + "-managers"));

        Browser browser = new Browser();
        HttpResponse<String> login = browser.get(app("/login"));
        assertThat(login.body()).contains("Sign in with Test IdP", "/login/sso/idp", "name=\"password\"");
        HttpResponse<String> home = browser.signInWithProvider("idp", ALICE);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.uri().toString()).isEqualTo(app("/"));
        String me = browser.get(app("/api/v1/me")).body();
        assertThat(me).contains("\"username\":\"" + ALICE + "\"", "\"role\":\"MANAGER\"",
                "\"scopeUnitId\":" + chain.outletA().id(), "\"displayName\":\"IdP user " + ALICE + "\"");
        Person alice = person(ALICE);
        assertThat(alice.passwordHash()).isNull();
        assertThat(alice.email()).isEqualTo(ALICE + "@example.com");
        // an administrator may edit her without giving her a local password
        people.update(alice.id(), new PersonForm(alice.displayName(), alice.username(), null, alice.role(), alice.scopeUnitId(),
                alice.teamId(), alice.email(), "13800000000", true, alice.version()));
        assertThat(person(ALICE).phone()).isEqualTo("13800000000");
        assertThat(output.getOut()).contains("Sign-in through idp succeeded: '" + ALICE + "' person " + alice.id()
                + " created as MANAGER of " + chain.outletA().code());

        // the directory moved her: at the next sign-in the same person is an administrator
        TestIdentityProvider.GROUPS.put(ALICE, List.of(tag + "-admins"));
        Browser again = new Browser();
        again.signInWithProvider("idp", ALICE);
        assertThat(again.get(app("/api/v1/me")).body()).contains("\"role\":\"ADMIN\"", "\"scopeUnitId\":null");
        assertThat(person(ALICE).id()).isEqualTo(alice.id());
        // her earlier session, with the old role, has ended
        assertThat(browser.get(app("/api/v1/me")).statusCode()).isEqualTo(401);
    }

    @Test
    void aPersonNoRuleMatchesIsRefusedWithAMessageAndGetsNoRole(CapturedOutput output) throws Exception {
        fixtures.admin();
        TestIdentityProvider.GROUPS.put(BOB, List.of("bob-only-group-" + RUN));
        Browser browser = new Browser();
        HttpResponse<String> page = browser.signInWithProvider("idp", BOB);
        assertThat(page.uri().toString()).isEqualTo(app("/login?sso=unmapped"));
        assertThat(page.body()).contains("none of your groups gives you a role in ServiceLoop");
        assertThat(browser.get(app("/api/v1/me")).statusCode()).isEqualTo(401);
        assertThat(people.search(BOB, PageRequest.of(0, 10)).items()).isEmpty();
        assertThat(output.getOut()).contains("Sign-in through idp refused").contains("'" + BOB + "': no sign-in rule matches")
                .doesNotContain("at org.springframework");
    }

    @Test
    void aLocalAccountIsNotTakenOverByAProviderUserOfTheSameName() throws Exception {
        fixtures.admin();
        Fixtures.Chain chain = fixtures.chain();
        AppUser local = fixtures.person(Role.STAFF, chain.outletA().id());
        String tag = "taken" + RUN;
        rules.create(new SignInRuleForm(3, null, tag, "STAFF", chain.outletA().code(), null));
        TestIdentityProvider.GROUPS.put(DAVE, List.of(tag));
        TestIdentityProvider.USERNAMES.put(DAVE, local.username());
        HttpResponse<String> page = new Browser().signInWithProvider("idp", DAVE);
        assertThat(page.uri().toString()).isEqualTo(app("/login?sso=taken"));
        assertThat(page.body()).contains("already belongs to another ServiceLoop account");
    }

    @Test
    void aMisconfiguredProviderSendsBackToTheSignInPageWithAClearMessage(CapturedOutput output) throws Exception {
        fixtures.admin();
        Browser browser = new Browser();
        HttpResponse<String> down = browser.get(app("/login/sso/down"));
        assertThat(down.uri().toString()).isEqualTo(app("/login?sso=unavailable"));
        assertThat(down.statusCode()).isEqualTo(200);
        assertThat(down.body()).contains("cannot be reached or is not set up correctly");
        assertThat(output.getOut()).contains("Single sign-on provider 'down' cannot be used");

        // the provider refuses ServiceLoop's secret when the code is exchanged
        TestIdentityProvider.GROUPS.put(BOB, List.of());
        HttpResponse<String> providerForm = browser.get(app("/login/sso/wrongsecret"));
        HttpResponse<String> failed = browser.signIn(providerForm, BOB, TestIdentityProvider.PASSWORD);
        assertThat(failed.uri().toString()).isEqualTo(app("/login?sso=failed"));
        assertThat(failed.body()).contains("did not complete");
        assertThat(output.getOut()).contains("Sign-in through wrongsecret refused").doesNotContain("at org.springframework");
        assertThat(browser.get(app("/login?sso=%3Cscript%3E")).body()).doesNotContain("<script>");
    }

    @Test
    void directoryUsersSignInOnTheFormWithTheirGroupsMapped(CapturedOutput output) throws Exception {
        fixtures.admin();
        Fixtures.Chain chain = fixtures.chain();
        String tag = "ldap" + RUN;
        rules.create(new SignInRuleForm(4, "groups", tag + "-(?<shop>.+)-staff", "STAFF", "${shop}", null));
        String erin = "erin" + RUN;
        String frank = "frank" + RUN;
        addDirectoryUser(erin, "Erin Wang");
        addDirectoryUser(frank, "Frank Li");
        directory.add("dn: cn=" + tag + "-" + chain.teamA().code() + "-staff,ou=groups," + BASE_DN, "objectClass: groupOfNames",
                "cn: " + tag + "-" + chain.teamA().code() + "-staff", "member: uid=" + erin + ",ou=people," + BASE_DN);

        Browser browser = new Browser();
        HttpResponse<String> home = browser.signIn(browser.get(app("/login")), erin, LDAP_PASSWORD);
        assertThat(home.uri().toString()).isEqualTo(app("/"));
        assertThat(browser.get(app("/api/v1/me")).body()).contains("\"username\":\"" + erin + "\"", "\"role\":\"STAFF\"",
                "\"scopeUnitId\":" + chain.teamA().id(), "\"displayName\":\"Erin Wang\"");
        assertThat(person(erin).teamId()).isEqualTo(chain.teamA().id());
        assertThat(output.getOut()).contains("Sign-in through ldap succeeded: '" + erin + "'");

        Browser wrong = new Browser();
        assertThat(wrong.signIn(wrong.get(app("/login")), erin, "not-her-password").uri().toString()).isEqualTo(app("/login?error"));
        assertThat(output.getOut()).contains("Sign-in through ldap refused: '" + erin + "'");
        Browser ungrouped = new Browser();
        HttpResponse<String> refused = ungrouped.signIn(ungrouped.get(app("/login")), frank, LDAP_PASSWORD);
        assertThat(refused.uri().toString()).isEqualTo(app("/login?sso=unmapped"));
        assertThat(refused.body()).contains("none of your groups gives you a role");

        // local passwords still sign in on the same form
        AppUser local = fixtures.person(Role.MANAGER, chain.outletB().id());
        Browser mine = new Browser();
        assertThat(mine.signIn(mine.get(app("/login")), local.username(), Fixtures.PASSWORD).uri().toString()).isEqualTo(app("/"));
    }

    private static void addDirectoryUser(String uid, String name) throws LDAPException, LDIFException {
        directory.add("dn: uid=" + uid + ",ou=people," + BASE_DN, "objectClass: inetOrgPerson", "uid: " + uid, "cn: " + name,
                "sn: " + name.substring(name.indexOf(' ') + 1), "mail: " + uid + "@example.com", "userPassword: " + LDAP_PASSWORD);
    }

}
