package com.serviceloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.Fixtures;
import com.serviceloop.audit.AnswerForm;
import com.serviceloop.audit.AuditAnswers;
import com.serviceloop.organisation.ApiTokenService;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The walk-around on a phone that loses its signal: answers and a photo given offline wait on the phone, the page
 * opens again from the phone's copy, and when the network returns each reaches the server exactly once.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "spring.datasource.url=jdbc:h2:mem:browser-offline;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class OfflineConductBrowserTest {
    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired ApiTokenService tokens;
    @Autowired AuditAnswers answers;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;

    @Test
    void answersAndAPhotoGivenOfflineReachTheServerOnceWhenTheNetworkReturns() throws Exception {
        Fixtures.Chain chain = fixtures.chain();
        String admin = tokens.issue("offline test", fixtures.admin().id()).secret();
        AppUser auditor = fixtures.person(Role.AUDITOR, chain.region().id());
        long audit = startedAudit(admin, tokens.issue("offline auditor", auditor.id()).secret(), chain.outletA().id());
        Map<String, Long> item = items(audit);
        Path photo = bigPhoto();

        try (Browser b = Browser.start("http://localhost:" + port, "en-GB").phone()) {
            b.go("/login").type("#username", auditor.username()).type("#password", Fixtures.PASSWORD)
                    .click("button[type=submit]");
            b.waitFor("header");
            b.go("/audits/" + audit + "/conduct");
            b.find("body[data-offline-ready=true]");
            assertThat(b.text("#sync-status")).isEqualTo("All synced");

            offline(b, true);
            b.js("document.querySelector(arguments[0]).click();", "#item-" + item.get("met") + " input[value=MET]");
            b.js("document.querySelector(arguments[0]).click();", "#item-" + item.get("scale") + " input[name=scale][value='3']");
            b.find("#item-" + item.get("photo") + " input[type=file]").sendKeys(photo.toString());
            b.waitForText("#sync-status", "3 waiting to sync");
            assertThat(b.text("#saved-" + item.get("met"))).isEqualTo("Saved on this phone");
            assertThat(count("audit_answer", audit) + count("audit_photo", audit)).as("nothing on the server yet").isZero();

            // meanwhile the server learns an answer the phone's copy of the page cannot know
            answers.answer(auditor, audit, new AnswerForm(item.get("text"), "server-side-01", null, null, null,
                    "written elsewhere", null));
            b.driver.navigate().refresh();
            b.waitFor("h1");
            assertThat(b.text("h1")).contains("Outlet A");
            assertThat(b.find("#item-" + item.get("text") + " textarea").getAttribute("value")).as("the phone's copy")
                    .isEmpty();
            assertThat(b.find("#item-" + item.get("met") + " input[value=MET]").isSelected()).as("restored").isTrue();
            b.waitForText("#sync-status", "3 waiting to sync");

            offline(b, false);
            new WebDriverWait(b.driver, Duration.ofSeconds(15)).until(d -> b.text("#sync-status").equals("All synced"));
            assertThat(b.text("#saved-" + item.get("met"))).isEqualTo("Saved");
            assertThat(b.all("#photos-" + item.get("photo") + " img")).hasSize(1);
            b.looksRight();
        }
        assertThat(count("audit_answer", audit)).as("met, scale, photo item, text").isEqualTo(4);
        assertThat(count("audit_photo", audit)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT choice FROM audit_answer WHERE audit_id = :a AND item_id = :i").param("a", audit)
                .param("i", item.get("met")).query(String.class).single()).isEqualTo("MET");
        assertThat(jdbc.sql("SELECT scale FROM audit_answer WHERE audit_id = :a AND item_id = :i").param("a", audit)
                .param("i", item.get("scale")).query(Integer.class).single()).isEqualTo(3);
        // made smaller on the phone: 3200 x 1600 px arrives as a JPEG of 1600 x 800
        byte[] stored = get("/api/v1/audits/" + audit + "/photos/"
                + jdbc.sql("SELECT id FROM audit_photo WHERE audit_id = :a").param("a", audit).query(Long.class).single(), admin);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(new int[] {image.getWidth(), image.getHeight()}).containsExactly(1600, 800);
        assertThat(stored[0] & 0xff).as("JPEG").isEqualTo(0xff);
    }

    /**
     * No network for the page and for its service worker, which is a target of its own: the page's emulated conditions
     * do not reach the worker's fetches, so the same conditions are sent to it through the DevTools protocol.
     */
    @SuppressWarnings("unchecked")
    private static void offline(Browser b, boolean off) {
        ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
        conditions.setOffline(off);
        b.driver.setNetworkConditions(conditions);
        Map<String, Object> targets = b.driver.executeCdpCommand("Target.getTargets", Map.of());
        for (Map<String, Object> t : (List<Map<String, Object>>) targets.get("targetInfos")) {
            if (!"service_worker".equals(t.get("type"))) {
                continue;
            }
            Object session = b.driver.executeCdpCommand("Target.attachToTarget",
                    Map.of("targetId", t.get("targetId"), "flatten", false)).get("sessionId");
            for (String message : List.of("{\"id\":1,\"method\":\"Network.enable\"}",
                    "{\"id\":2,\"method\":\"Network.emulateNetworkConditions\",\"params\":{\"offline\":" + off
                            + ",\"latency\":0,\"downloadThroughput\":-1,\"uploadThroughput\":-1}}")) {
                b.driver.executeCdpCommand("Target.sendMessageToTarget", Map.of("sessionId", session, "message", message));
            }
        }
    }

    private long startedAudit(String admin, String auditor, long outletId) throws Exception {
        long smile = api("POST", "/api/v1/standards", admin, """
                {"outletType": "pharmacy", "areaCode": "ATTITUDE", "behaviour": "Smile and make eye contact when greeting",
                 "kind": "SOFT"}""").at("/standard/id").asLong();
        long form = api("POST", "/api/v1/audit-forms", admin, "{\"outletType\": \"pharmacy\", \"name\": \"Walk-around\"}")
                .get("formId").asLong();
        api("PUT", "/api/v1/audit-forms/" + form + "/draft", admin, """
                {"name": "Offline walk-around", "sections": [
                  {"areaCode": "ATTITUDE", "weight": 1, "items": [
                    {"standardId": %d, "answerType": "MET", "weight": 1, "critical": false, "naAllowed": false, "required": true},
                    {"text": "Counter tidy and stocked", "answerType": "SCALE", "weight": 1, "critical": false,
                     "naAllowed": false, "required": true},
                    {"text": "Photo of the shop front", "answerType": "PHOTO", "weight": 1, "critical": false,
                     "naAllowed": false, "required": true},
                    {"text": "Anything else", "answerType": "TEXT", "weight": 1, "critical": false, "naAllowed": false,
                     "required": false}]}]}""".formatted(smile));
        api("POST", "/api/v1/audit-forms/" + form + "/publish", admin, "");
        return api("POST", "/api/v1/audits", auditor, "{\"outletId\": " + outletId + ", \"formId\": " + form + "}")
                .get("id").asLong();
    }

    private Map<String, Long> items(long audit) {
        return Map.of("met", item(audit, "MET"), "scale", item(audit, "SCALE"), "photo", item(audit, "PHOTO"),
                "text", item(audit, "TEXT"));
    }

    private long item(long audit, String type) {
        return jdbc.sql("""
                SELECT i.id FROM audit_item i JOIN audit a ON a.form_version_id = i.form_version_id
                WHERE a.id = :a AND i.answer_type = :t""").param("a", audit).param("t", type).query(Long.class).single();
    }

    private long count(String table, long audit) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE audit_id = :a").param("a", audit).query(Long.class).single();
    }

    /** A wide PNG, as a phone camera's picture would be before the page makes it smaller. */
    private static Path bigPhoto() throws IOException {
        BufferedImage image = new BufferedImage(3200, 1600, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 1600, 1600);
        g.dispose();
        Path file = Files.createTempFile("shop-front", ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private JsonNode api(String method, String path, String token, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("%s %s: %s", method, path, r.body()).isBetween(200, 299);
        return r.body().isEmpty() ? json.createObjectNode() : json.readTree(r.body());
    }

    private byte[] get(String path, String token) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
    }
}
