package com.serviceloop.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.LowLimits;
import com.serviceloop.TestClock;
import com.serviceloop.organisation.Role;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.node.ObjectNode;

/**
 * Public answers are limited per client address, per device cookie and per link: a script from one
 * address is refused with 429, a real Retry-After and a message in the caller's language, and no
 * more answers are stored than the limit; other addresses and devices go on.
 */
// 30 a minute per address, 5 per device, 100 per link
@LowLimits
class PublicAnswerLimitsIntegrationTest extends ApiTest {
    @Autowired SurveyRepository surveys;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    private String token;
    private List<Question> questions;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @BeforeEach
    void link() throws Exception {
        // no token comes back while a test runs: the counts are exact however slow the machine
        clock.freeze();
        fixtures.admin();
        Fixtures.Chain chain = fixtures.chain();
        String manager = token(fixtures.person(Role.MANAGER, chain.outletA().id()));
        long survey = surveys.byCode("post-visit").orElseThrow().id();
        token = body(postJson("/api/v1/surveys/" + survey + "/links", manager,
                Map.of("outletId", chain.outletA().id(), "channel", "QR"))).get("token").asText();
        questions = surveys.questions(survey);
    }

    /** An address of this run's own: the limits' table is shared by every test on the database. */
    private static String address() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    private String answers() {
        ObjectNode body = json.createObjectNode();
        ObjectNode answers = body.putObject("answers");
        for (Question q : questions) {
            if (q.qtype().isNumeric()) {
                answers.put(String.valueOf(q.id()), q.qtype().max());
            } else if (q.required()) {
                answers.put(String.valueOf(q.id()), q.qtype() == QuestionType.TEXT ? "fine" : "0");
            }
        }
        body.put("submissionKey", Fixtures.unique("limit-key"));
        return body.toString();
    }

    private MockHttpServletResponse answer(String address, Cookie device, String language) throws Exception {
        var request = post("/api/v1/public/surveys/" + token + "/responses").contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", language).content(answers()).with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                });
        if (device != null) {
            request.cookie(device);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private long stored() {
        return jdbc.sql("SELECT COUNT(*) FROM survey_response WHERE link_token = :t").param("t", token).query(Long.class).single();
    }

    @Test
    void aScriptFromOneAddressIsRefusedBeyondTheLimitAndAnotherAddressIsNot() throws Exception {
        String script = address();
        int accepted = 0;
        MockHttpServletResponse refused = null;
        for (int i = 0; i < 200; i++) {
            MockHttpServletResponse r = answer(script, null, "en");
            if (r.getStatus() == 201) {
                accepted++;
            } else {
                assertThat(r.getStatus()).isEqualTo(429);
                refused = r;
            }
        }
        assertThat(accepted).isEqualTo(30);
        assertThat(stored()).isEqualTo(30);
        assertThat(refused).isNotNull();
        // 30 a minute refill one every 2 s
        assertThat(refused.getHeader("Retry-After")).isEqualTo("2");
        assertThat(refused.getContentAsString()).contains("Too many answers").contains("try again in");

        MockHttpServletResponse zh = answer(script, null, "zh-CN");
        assertThat(zh.getStatus()).isEqualTo(429);
        assertThat(zh.getContentAsString()).contains("秒后再试");

        assertThat(answer(address(), null, "en").getStatus()).as("another address").isEqualTo(201);
        assertThat(stored()).isEqualTo(31);
    }

    @Test
    void oneDeviceIsLimitedWhateverAddressItComesFrom() throws Exception {
        MockHttpServletResponse page = mvc.perform(get("/api/v1/public/surveys/" + token)).andReturn().getResponse();
        String setCookie = page.getHeader("Set-Cookie");
        assertThat(setCookie).startsWith(AnswerLimits.DEVICE_COOKIE + "=").contains("HttpOnly", "SameSite=Lax", "Max-Age=");
        Cookie device = page.getCookie(AnswerLimits.DEVICE_COOKIE);
        for (int i = 0; i < 5; i++) {
            assertThat(answer(address(), device, "en").getStatus()).isEqualTo(201);
        }
        MockHttpServletResponse refused = answer(address(), device, "en");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("12");
        assertThat(answer(address(), new Cookie(AnswerLimits.DEVICE_COOKIE, "another-device-0123456789"), "en").getStatus())
                .as("another device").isEqualTo(201);
        assertThat(stored()).isEqualTo(6);
    }

    @Test
    void thePublicPageSaysSoInItsLanguageWith429() throws Exception {
        String script = address();
        int status = 0;
        String html = "";
        for (int i = 0; i < 31; i++) {
            var request = post("/s/" + token).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .header("Accept-Language", "en").param("submissionKey", Fixtures.unique("page-key")).with(r -> {
                        r.setRemoteAddr(script);
                        return r;
                    });
            for (Question q : questions) {
                if (q.qtype().isNumeric()) {
                    request.param("q" + q.id(), String.valueOf(q.qtype().max()));
                }
            }
            MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
            status = r.getStatus();
            html = r.getContentAsString();
        }
        assertThat(status).isEqualTo(429);
        assertThat(html).contains("Too many answers");
        assertThat(stored()).isEqualTo(30);
    }
}
