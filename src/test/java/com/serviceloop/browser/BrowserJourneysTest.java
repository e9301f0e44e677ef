package com.serviceloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.Fixtures;
import com.serviceloop.casework.CaseForm;
import com.serviceloop.casework.CaseService;
import com.serviceloop.casework.CaseType;
import com.serviceloop.casework.Channel;
import com.serviceloop.casework.Severity;
import com.serviceloop.organisation.ApiTokenService;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.PersonService;
import com.serviceloop.organisation.Role;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The main journeys in a real browser, on a phone-sized window and in both languages, against the
 * app on a database of its own (the first journey is the first run of a new installation). They run
 * once, on H2: what they test is the pages, not the database.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "spring.datasource.url=jdbc:h2:mem:browser-journeys;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserJourneysTest {
    private static final String PASSWORD = "correct-horse-battery-7";
    private static Browser zh;
    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired PersonService people;
    @Autowired ApiTokenService tokens;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;
    @Autowired CaseService cases;

    private String base() {
        return "http://localhost:" + port;
    }

    private Browser zh() {
        if (zh == null) {
            zh = Browser.start(base(), "zh-CN");
        }
        return zh;
    }

    @AfterAll
    static void quit() {
        if (zh != null) {
            zh.close();
        }
    }

    private static void signIn(Browser b, String username) {
        signIn(b, username, PASSWORD);
    }

    private static void signIn(Browser b, String username, String password) {
        b.go("/login").type("#username", username).type("#password", password).click("button[type=submit]");
        b.waitFor("nav, header");
    }

    @Test
    @Order(1)
    void aNewInstallationAsksForItsAdministratorThenSignsHimIn() {
        Browser b = zh().phone().go("/");
        assertThat(b.path()).startsWith("/setup");
        assertThat(b.pageText()).contains("管理员");
        b.looksRight();
        b.type("#displayName", "王经理").type("#username", "admin").type("#password", PASSWORD).click("button[type=submit]");
        assertThat(b.path()).startsWith("/login");
        signIn(b, "admin");
        assertThat(b.driver.getTitle()).contains("今日工作");
        b.looksRight();
        b.touchTargets("header a, header button, header label, nav a");
    }

    @Test
    @Order(2)
    void aCustomerAnswersOnAPhoneAndTheAnswerCountsInTheFigures() throws Exception {
        Fixtures.Chain chain = fixtures.chain();
        AppUser admin = people.find(jdbc.sql("SELECT id FROM person WHERE username = 'admin'").query(Long.class).single())
                .orElseThrow().asUser();
        String token = tokens.issue("browser test", admin.id()).secret();
        long survey = jdbc.sql("SELECT id FROM survey WHERE code = 'recommend'").query(Long.class).single();
        JsonNode link = api("POST", "/api/v1/surveys/" + survey + "/links", token,
                "{\"outletId\": " + chain.outletA().id() + "}");

        try (Browser customer = Browser.start(base(), "zh-CN").phone()) {
            customer.go("/s/" + link.get("token").asText());
            customer.looksRight();
            customer.touchTargets("label.choice");
            customer.click("label.choice:nth-of-type(10)");
            customer.click("form button[type=submit]");
            customer.waitFor("main");
            assertThat(customer.pageText()).contains("谢谢");
            customer.looksRight();
        }
        Browser b = zh().phone().go("/surveys/" + survey);
        assertThat(b.text(".kpi")).isEqualTo("1");
        assertThat(b.all("canvas, svg").size()).as("charts on the survey page").isPositive();
        b.looksRight();
    }

    @Test
    @Order(3)
    void theStarterLibraryFillsAnOutletTypeAndTheCheckerAdvisesOnAVagueStandard() {
        Browser b = zh().desktop().go("/standards?outletType=pharmacy");
        b.js("document.querySelector(\"select[name=industry]\").value = 'pharmacy';");
        b.click("form[action$='/standards/starter'] button[type=submit]");
        b.waitFor(".card li a");
        assertThat(b.all(".card li a[href*='/standards/']").size()).as("standards pre-filled").isGreaterThan(10);
        b.looksRight();
        b.phone().go("/standards/new?outletType=pharmacy").type("#behaviour", "尽快热情地接待顾客");
        b.waitForText("#advice", "");
        b.waitFor("#advice .badge");
        assertThat(b.all("#advice .badge")).isNotEmpty();
        b.looksRight();
    }

    @Test
    @Order(4)
    void counterStaffRecordACaseOnAPhoneAndCloseItWithAFollowUpCall() {
        Fixtures.Chain chain = fixtures.chain();
        AppUser clerk = fixtures.person(Role.STAFF, chain.outletA().id());
        try (Browser b = Browser.start(base(), "zh-CN").phone()) {
            signIn(b, clerk.username(), Fixtures.PASSWORD);
            b.go("/cases/new");
            b.looksRight();
            b.touchTargets("label.choice");
            b.js("document.getElementById('outletId').value = arguments[0];", String.valueOf(chain.outletA().id()));
            choose(b, "channel", "COUNTER");
            choose(b, "caseType", "COMPLAINT");
            choose(b, "severity", "MEDIUM");
            b.type("#description", "排队二十分钟，没有人引导");
            b.click("form[action$='/cases'] button[type=submit]");
            b.waitFor("h1");
            assertThat(b.path()).matches("/cases/\\d+");
            assertThat(b.text("h1")).contains("已受理");
            b.looksRight();

            move(b, "RESOLVED");
            assertThat(b.text("h1")).contains("已解决");
            move(b, "FOLLOW_UP");
            b.js("document.querySelector(\"input[name=satisfaction][value='4']\").click();");
            b.js("document.querySelector(\"form[action$='/follow-up'] button[type=submit]\").click();");
            b.waitForText("h1", "已结案");
            assertThat(b.pageText()).doesNotContain("Follow-up").doesNotContain("satisfied");
            b.looksRight();
        }
    }

    private static void choose(Browser b, String field, String value) {
        b.js("document.querySelector(\"input[name='\" + arguments[0] + \"'][value='\" + arguments[1] + \"']\").click();", field, value);
    }

    /** Presses the status button that moves the case to the given status. */
    private static void move(Browser b, String to) {
        String before = b.text("h1");
        b.js("document.querySelector(\"form[action$='/status'] input[name=to][value='\" + arguments[0] + \"']\").form"
                + ".querySelector('button').click();", to);
        // the heading read while the next page replaces this one is stale: read it again
        new WebDriverWait(b.driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> !b.text("h1").equals(before));
    }

    @Test
    @Order(5)
    void aManagerHandsACaseOverAndTheReceiverFindsItInTheInbox() {
        Fixtures.Chain chain = fixtures.chain();
        AppUser manager = fixtures.person(Role.MANAGER, chain.outletA().id());
        AppUser pharmacist = fixtures.person(Role.STAFF, chain.outletA().id());
        long id = cases.record(manager, new CaseForm(chain.outletA().id(), null, null, null, Channel.PHONE,
                CaseType.REQUEST, Severity.LOW, "Wants a medicine ordered in", null, null)).id();
        try (Browser b = Browser.start(base(), "en-GB").phone()) {
            signIn(b, manager.username(), Fixtures.PASSWORD);
            b.go("/cases/" + id);
            b.looksRight();
            b.touchTargets("nav.action-bar a, nav.action-bar button");
            b.click("a[data-sheet=hand-over]");
            b.waitFor("#hand-over select");
            b.js("document.getElementById('ho-receiver').value = arguments[0];", "person-" + pharmacist.id());
            b.type("#ho-reason", "She knows the supplier");
            b.click("#hand-over button[type=submit]");
            b.waitForText("body", "Handed over to");
            b.looksRight();
        }
        try (Browser b = Browser.start(base(), "en-GB").phone()) {
            signIn(b, pharmacist.username(), Fixtures.PASSWORD);
            b.go("/inbox");
            assertThat(b.text("ul.inbox")).contains("#" + id).contains("She knows the supplier");
            b.looksRight();
        }
    }

    @Test
    @Order(6)
    void theHandbookPdfDownloadedInTheBrowsersSessionPrintsChinese() throws Exception {
        Browser b = zh().phone().go("/handbook?outletType=pharmacy");
        assertThat(b.pageText()).contains("服务手册");
        b.looksRight();
        // the same download a person starts from the page, with the browser's own session cookie
        String cookies = b.driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base()
                + "/api/v1/handbook/pharmacy/pdf?lang=zh")).header("Cookie", cookies).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("服务手册");
        }
    }

    @Test
    @Order(7)
    void pageBehavioursRunUnderAPolicyWithoutInlineScript() {
        Fixtures.Chain chain = fixtures.chain();
        Browser b = zh().desktop().go("/settings/cases");
        // an outlet picked in the list shows that outlet's hours at once (data-autosubmit)
        new Select(b.find("select[data-autosubmit]")).selectByValue(Long.toString(chain.outletB().id()));
        new WebDriverWait(b.driver, Duration.ofSeconds(10)).until(d -> b.path().contains("outletId=" + chain.outletB().id()));
        b.looksRight();
        // the split of the priorities follows the slider (data-split-out)
        b.go("/standards/priorities?outletType=pharmacy");
        String before = b.text("#split-out");
        b.find("#proceduralWeight").sendKeys(Keys.ARROW_RIGHT);
        b.waitFor("#split-out");
        String value = (String) b.js("return document.getElementById('proceduralWeight').value;");
        assertThat(b.text("#split-out")).isNotEqualTo(before).isEqualTo(value + " / " + (100 - Integer.parseInt(value)));
        b.looksRight();
        // htmx took its settings from the meta tag, not from an inline script
        assertThat(b.js("return htmx.config.allowEval + ' ' + htmx.config.includeIndicatorStyles;")).isEqualTo("false false");
        assertThat(b.js("return document.querySelectorAll('style').length;")).isEqualTo(0L);
    }

    private JsonNode api(String method, String path, String token, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("%s %s: %s", method, path, r.body()).isBetween(200, 299);
        return json.readTree(r.body());
    }
}
