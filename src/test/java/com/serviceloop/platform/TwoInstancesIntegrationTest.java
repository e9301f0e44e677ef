package com.serviceloop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.Fixtures;
import com.serviceloop.ServiceLoopApplication;
import com.serviceloop.organisation.Role;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances on one database, as behind a load balancer: a session opened on one is honoured
 * by the other, because sessions live in the database.
 */
// runs again on PostgreSQL in the build's second test execution (pom.xml: postgres-test)
@Tag("db")
class TwoInstancesIntegrationTest {
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void start() {
        first = new SpringApplicationBuilder(ServiceLoopApplication.class).run("--server.port=0");
        second = new SpringApplicationBuilder(ServiceLoopApplication.class).run("--server.port=0");
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    private static String base(ConfigurableApplicationContext app) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @Test
    void aSessionOpenedOnOneInstanceWorksOnTheOther() throws Exception {
        Fixtures fixtures = first.getBean(Fixtures.class);
        fixtures.admin();
        var manager = fixtures.person(Role.MANAGER, fixtures.chain().outletA().id());

        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String loginPage = browser.send(HttpRequest.newBuilder(URI.create(base(first) + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).as("login form carries a CSRF token").isTrue();
        String form = "username=" + enc(manager.username()) + "&password=" + enc(Fixtures.PASSWORD) + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base(first) + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");

        // The cookie jar holds the session cookie for 127.0.0.1; the other instance is another port.
        HttpResponse<String> me = browser.send(HttpRequest.newBuilder(URI.create(base(second) + "/api/v1/me"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"id\":" + manager.id());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
