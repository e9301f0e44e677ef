package com.serviceloop.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.Fixtures;
import com.serviceloop.PageTest;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

/** The respondent's page (no sign-in, phone, two languages, kiosk) and the managers' survey screens. */
class SurveyPagesTest extends PageTest {
    @Autowired SurveyRepository surveys;
    @Autowired SurveyLinks links;
    @Autowired SurveyResponses responses;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    private Fixtures.Chain chain;
    private AppUser manager;

    @BeforeEach
    void setUp() {
        fixtures.admin();
        chain = fixtures.chain();
        manager = fixtures.person(Role.MANAGER, chain.outletA().id());
    }

    private long responses(String token) {
        return jdbc.sql("SELECT COUNT(*) FROM survey_response WHERE link_token = :t").param("t", token).query(Long.class).single();
    }

    @Test
    void aCustomerAnswersOnThePublicPageInTheirLanguage() throws Exception {
        long survey = surveys.byCode("post-visit").orElseThrow().id();
        String token = links.create(manager, survey, new SurveyLinks.LinkForm(chain.outletA().id(), "QR", false, null)).token();
        List<Question> q = surveys.questions(survey);
        mvc.perform(get("/s/" + token).header("Accept-Language", "zh-CN")).andExpect(status().isOk())
                .andExpect(content().string(containsString("今天的光顾体验如何？")))
                .andExpect(content().string(containsString("一定会")));
        mvc.perform(get("/s/" + token).header("Accept-Language", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("How was your visit today?")));
        mvc.perform(get("/s/" + "B".repeat(43))).andExpect(status().isNotFound());

        mvc.perform(post("/s/" + token).header("Accept-Language", "en").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("submissionKey", "page-key-0001").param("q" + q.get(0).id(), "4").param("q" + q.get(4).id(), "1")
                        .param("q" + q.get(6).id(), "The pharmacist explained everything twice, kindly"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Thank you for your feedback")));
        assertThat(responses(token)).isEqualTo(1);
        // the same filling-in sent again (a reload) is thanked but not stored twice
        mvc.perform(post("/s/" + token).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("submissionKey", "page-key-0001").param("q" + q.get(0).id(), "4")).andExpect(status().isOk());
        assertThat(responses(token)).isEqualTo(1);
        // a tampered value comes back as the form with the reason
        mvc.perform(post("/s/" + token).header("Accept-Language", "en").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("submissionKey", "page-key-0002").param("q" + q.get(0).id(), "42"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("class=\"alert\"")))
                .andExpect(content().string(containsString("How was your visit today?")))
                .andExpect(content().string(containsString("Give a whole number from 1 to 5")));
        // the reason in the page's language: a Chinese page says it in Chinese
        mvc.perform(post("/s/" + token).header("Accept-Language", "zh-CN").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("submissionKey", "page-key-0003").param("q" + q.get(0).id(), "42"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("今天的光顾体验如何？")))
                .andExpect(content().string(containsString("请填写 1 到 5 之间的整数")))
                .andExpect(content().string(not(containsString("Give a whole number"))));
        assertThat(responses(token)).isEqualTo(1);
    }

    @Test
    void theKioskGoesBackToAnEmptyForm() throws Exception {
        long survey = surveys.byCode("recommend").orElseThrow().id();
        String token = links.create(manager, survey, new SurveyLinks.LinkForm(chain.outletA().id(), "KIOSK", false, null)).token();
        long q = surveys.questions(survey).getFirst().id();
        mvc.perform(post("/s/" + token).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("submissionKey", "kiosk-key-001").param("q" + q, "10"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("http-equiv=\"refresh\"")))
                .andExpect(content().string(containsString("/s/" + token)));
    }

    @Test
    void managersSeeTheFiguresTheLinksAndPrintTheQrCode() throws Exception {
        long servqual = surveys.byCode("servqual").orElseThrow().id();
        submit(manager, "/surveys/" + servqual + "/links", "outletId", "" + chain.outletA().id(), "channel", "QR");
        String token = links.list(manager, servqual).getFirst().token();
        for (String lang : new String[] {"en", "zh-CN"}) {
            page(manager, "/surveys", lang).andExpect(status().isOk());
            page(manager, "/surveys/" + servqual, lang).andExpect(status().isOk())
                    .andExpect(content().string(containsString("/s/" + token)));
        }
        page(manager, "/surveys/" + servqual, "zh-CN").andExpect(content().string(containsString("信赖度")))
                .andExpect(content().string(containsString("servqual-data")));
        page(manager, "/surveys/links/" + token + "/poster", "en").andExpect(status().isOk())
                .andExpect(content().string(containsString("qr.svg")));
        page(manager, "/surveys/links/" + token + "/qr.svg", "en").andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("image/svg+xml")))
                .andExpect(content().string(containsString("<svg")));
    }

    @Test
    void theFiveGapPageShowsTheGapsSideBySideInBothLanguages() throws Exception {
        long management = surveys.byCode("gaps-management").orElseThrow().id();
        String token = links.create(manager, management, new SurveyLinks.LinkForm(chain.outletA().id(), "LINK", false, null))
                .token();
        var answers = new ObjectMapper().createObjectNode();
        surveys.questions(management).stream().filter(q -> "STANDARD".equals(q.side()))
                .forEach(q -> answers.put(String.valueOf(q.id()), 4));
        responses.submit(token, new SurveyResponses.Submission(answers, "five-gap-page-1", "en", true, null));

        String url = "/surveys/five-gaps?outletId=" + chain.outletA().id();
        page(manager, url, "en").andExpect(status().isOk())
                .andExpect(content().string(containsString("Gap 2: standards")))
                .andExpect(content().string(containsString("five-gaps-data")))
                .andExpect(content().string(containsString("<div class=\"kpi\" id=\"responses-management\">1</div>")))
                // standards rated 4 of 7 everywhere: gap 2 is -3.00 per dimension and overall
                .andExpect(content().string(containsString("<td class=\"bad\">-3.00</td>")))
                .andExpect(content().string(containsString("<th>-3.00</th>")))
                // nobody else answered: the customers' and staff gaps have no data
                .andExpect(content().string(containsString("no data")))
                .andExpect(content().string(containsString("/surveys/" + management + "/links")));
        page(manager, url, "zh-CN").andExpect(status().isOk())
                .andExpect(content().string(containsString("差距 5：顾客感受到的差距")))
                .andExpect(content().string(containsString("信赖度")))
                .andExpect(content().string(containsString("无数据")));
        page(manager, "/surveys", "en").andExpect(content().string(containsString("/surveys/five-gaps")));
        page(manager, "/surveys/five-gaps?from=2026-05-02&to=2026-05-01", "en").andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"alert\"")));
        page(manager, "/surveys/five-gaps?outletId=" + chain.outletB().id(), "en").andExpect(status().isNotFound());
        page(fixtures.person(Role.STAFF, chain.outletA().id()), "/surveys/five-gaps", "en").andExpect(status().isForbidden());
    }

    @Test
    void theSurveyPageDownloadsThePdfReportForItsOutletAndPeriod() throws Exception {
        long survey = surveys.byCode("post-visit").orElseThrow().id();
        page(manager, "/surveys/" + survey + "?outletId=" + chain.outletA().id(), "en").andExpect(status().isOk())
                .andExpect(content().string(containsString("/surveys/" + survey + "/report.pdf")))
                .andExpect(content().string(containsString("<option value=\"" + chain.outletA().id() + "\" selected=\"selected\">")))
                // the page's period, shared by its figures and the report: twelve months up to today
                .andExpect(content().string(containsString("value=\"" + today().withDayOfMonth(1).minusMonths(11) + "\"")))
                .andExpect(content().string(containsString("value=\"" + today() + "\"")))
                .andExpect(content().string(containsString("PDF report")));

        String url = "/surveys/" + survey + "/report.pdf?outletId=" + chain.outletA().id();
        byte[] pdf = page(manager, url + "&from=2026-10-01&to=2026-10-31&language=zh", "en").andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"post-visit_" + chain.outletA().code() + "_2026-10.pdf\""))
                .andReturn().getResponse().getContentAsByteArray();
        try (var doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("2026-10-01", "2026-10-31");
        }
        // the report's language leaves the language of the screens alone
        page(manager, url + "&language=zh", "en").andExpect(status().isOk())
                .andExpect(header().doesNotExist("Set-Cookie"));
        // a period that runs backwards goes back to the page with the reason
        var back = page(manager, url + "&from=2026-10-31&to=2026-10-01", "en").andExpect(status().isSeeOther())
                .andExpect(header().string("Location", containsString("/surveys/" + survey + "?outletId=" + chain.outletA().id())))
                .andReturn();
        assertThat(String.valueOf(back.getFlashMap().get("error"))).contains("after it ends");
        page(fixtures.person(Role.STAFF, chain.outletA().id()), url, "en").andExpect(status().isForbidden());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
    }

    private SurveyResponses.Accepted answer(String token, Object... questionsAndValues) {
        var answers = new ObjectMapper().createObjectNode();
        for (int i = 0; i < questionsAndValues.length; i += 2) {
            long q = (Long) questionsAndValues[i];
            Object v = questionsAndValues[i + 1];
            if (v instanceof Integer n) {
                answers.put(String.valueOf(q), n);
            } else {
                answers.put(String.valueOf(q), (String) v);
            }
        }
        return responses.submit(token, new SurveyResponses.Submission(answers, Fixtures.unique("key"), "en", true, null));
    }

    /** The part of a page from an element with this id to the next element of the same class. */
    private static String section(String html, String id, String nextClass) {
        int from = html.indexOf("id=\"" + id + "\"");
        assertThat(from).as(id).isNotNegative();
        int to = html.indexOf("class=\"" + nextClass + "\"", from);
        return html.substring(from, to < 0 ? html.length() : to).replaceAll("\\s+", " ");
    }

    @Test
    void theListShowsHowManyAnsweredAndWhenLast() throws Exception {
        long survey = surveys.byCode("recommend").orElseThrow().id();
        String token = links.create(manager, survey, new SurveyLinks.LinkForm(chain.outletA().id(), "QR", false, null)).token();
        long q = surveys.questions(survey).getFirst().id();
        page(manager, "/surveys", "en").andExpect(content().string(containsString("<td id=\"answers-" + survey + "\">0</td>")))
                .andExpect(content().string(containsString("none yet")));
        answer(token, q, 10);
        answer(token, q, 3);
        // the manager of outlet A counts outlet A's answers: two, the last today
        page(manager, "/surveys", "en").andExpect(content().string(containsString("<td id=\"answers-" + survey + "\">2</td>")))
                .andExpect(content().string(containsString("<td id=\"last-" + survey + "\">" + today() + "</td>")));
        page(manager, "/surveys", "zh-CN").andExpect(content().string(containsString("最近回答")));
    }

    @Test
    void theSurveyPageShowsTheAverageAndSpreadOfEachQuestion() throws Exception {
        long survey = surveys.byCode("post-visit").orElseThrow().id();
        String token = links.create(manager, survey, new SurveyLinks.LinkForm(chain.outletA().id(), "QR", false, null)).token();
        List<Question> q = surveys.questions(survey);
        long overall = q.get(0).id();
        long comeBack = q.get(4).id();
        answer(token, overall, 5, comeBack, 0);
        answer(token, overall, 4, comeBack, 0);
        answer(token, overall, 4, comeBack, 1);
        answer(token, overall, 2);
        String url = "/surveys/" + survey + "?outletId=" + chain.outletA().id();
        String html = page(manager, url, "en").andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // overall satisfaction 5, 4, 4 and 2: average 15 / 4 = 3.75; 2 gave a 4 (50%), one each a 5 and a 2 (25%)
        String first = section(html, "q-" + overall, "question-stat");
        assertThat(first).contains("4 answers", "<strong class=\"mean\">3.75</strong>", "(scale 1 to 5)")
                .contains("<th scope=\"row\">1</th> <td class=\"bar-cell\"><span class=\"bar\" style=\"width: 0%\"></span></td> <td class=\"nowrap\">0 (0%)</td>")
                .contains("<th scope=\"row\">2</th> <td class=\"bar-cell\"><span class=\"bar\" style=\"width: 25%\"></span></td> <td class=\"nowrap\">1 (25%)</td>")
                .contains("<th scope=\"row\">4</th> <td class=\"bar-cell\"><span class=\"bar\" style=\"width: 50%\"></span></td> <td class=\"nowrap\">2 (50%)</td>")
                .contains("<th scope=\"row\">5</th> <td class=\"bar-cell\"><span class=\"bar\" style=\"width: 25%\"></span></td> <td class=\"nowrap\">1 (25%)</td>");
        // will you come back: three answered, two "certainly" (2 of 3 = 67%), one "probably" (33%); a choice has no average
        String choice = section(html, "q-" + comeBack, "question-stat");
        assertThat(choice).contains("3 answers", ">Certainly</th>", "2 (67%)", ">Probably</th>", "1 (33%)", "0 (0%)")
                .doesNotContain("class=\"mean\"");
        page(manager, url, "zh-CN").andExpect(content().string(containsString("逐题分析")))
                .andExpect(content().string(containsString("一定会")))
                .andExpect(content().string(containsString("2（67%）")));
        // a period that runs backwards is refused in the reader's language, and the default period shown
        page(manager, url + "&from=2026-10-31&to=2026-10-01", "zh-CN").andExpect(status().isOk())
                .andExpect(content().string(containsString("开始日期晚于结束日期")))
                .andExpect(content().string(containsString("<strong class=\"mean\">3.75</strong>")));
        // a period before these answers has none of them
        page(manager, url + "&from=2020-01-01&to=2020-01-31", "en")
                .andExpect(content().string(containsString("id=\"no-answers\"")))
                .andExpect(content().string(not(containsString("id=\"q-" + overall + "\""))));
    }

    @Test
    void aCommentBecomesACaseOnce() throws Exception {
        long survey = surveys.byCode("post-visit").orElseThrow().id();
        String token = links.create(manager, survey, new SurveyLinks.LinkForm(chain.outletA().id(), "QR", false, null)).token();
        List<Question> q = surveys.questions(survey);
        long response = answer(token, q.get(0).id(), 3, q.get(6).id(), "The queue at the pharmacy counter was far too long").id();
        String url = "/surveys/" + survey + "?outletId=" + chain.outletA().id();
        page(manager, url, "en").andExpect(content().string(containsString("The queue at the pharmacy counter was far too long")))
                .andExpect(content().string(containsString("/surveys/" + survey + "/responses/" + response + "/case")))
                .andExpect(content().string(containsString("Turn into a case")));
        page(manager, url, "zh-CN").andExpect(content().string(containsString("转为工单")));

        submit(fixtures.person(Role.STAFF, chain.outletA().id()), "/surveys/" + survey + "/responses/" + response + "/case",
                "caseType", "COMPLAINT").andExpect(status().isForbidden());
        var made = submit(manager, "/surveys/" + survey + "/responses/" + response + "/case", "caseType", "SUGGESTION")
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/cases/*")).andReturn();
        long caseId = Long.parseLong(made.getResponse().getRedirectedUrl().substring("/cases/".length()));
        var stored = jdbc.sql("SELECT outlet_id, channel, case_type, description FROM support_case WHERE id = :id")
                .param("id", caseId).query().singleRow();
        assertThat(stored.get("outlet_id")).isEqualTo(chain.outletA().id());
        assertThat(stored.get("channel")).isEqualTo("SURVEY");
        assertThat(stored.get("case_type")).isEqualTo("SUGGESTION");
        assertThat((String) stored.get("description")).startsWith("The queue at the pharmacy counter was far too long")
                .contains("How was your visit today?", "response " + response);
        // the page links the case instead of offering it again; a second try goes back with the reason
        page(manager, url, "en").andExpect(content().string(containsString("/cases/" + caseId)))
                .andExpect(content().string(not(containsString("/responses/" + response + "/case"))));
        var again = submit(manager, "/surveys/" + survey + "/responses/" + response + "/case", "caseType", "COMPLAINT")
                .andExpect(redirectedUrl("/surveys/" + survey + "#comments")).andReturn();
        assertThat(String.valueOf(again.getFlashMap().get("error"))).contains("already become a case");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM support_case WHERE outlet_id = :o").param("o", chain.outletA().id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void linksShowTheirAddressAndAnswersAndARetiredOneTakesNoMore() throws Exception {
        long survey = surveys.byCode("recommend").orElseThrow().id();
        String token = links.create(manager, survey, new SurveyLinks.LinkForm(chain.outletA().id(), "QR", false, null)).token();
        long q = surveys.questions(survey).getFirst().id();
        String url = "/surveys/" + survey + "?outletId=" + chain.outletA().id();
        // no answers yet: the page says how to get them, with the poster to print
        page(manager, url, "en").andExpect(content().string(containsString("id=\"no-answers\"")))
                .andExpect(content().string(containsString("/surveys/links/" + token + "/poster")))
                .andExpect(content().string(containsString("Print the QR poster")))
                .andExpect(content().string(containsString("no answers yet")));
        answer(token, q, 9);
        // the link's address is the configured base URL (the tests' default), not the request's host
        page(manager, url, "en").andExpect(content().string(not(containsString("id=\"no-answers\""))))
                .andExpect(content().string(containsString("http://localhost:8080/s/" + token)))
                .andExpect(content().string(containsString("1 answer")));

        submit(manager, "/surveys/links/" + token + "/active", "active", "false")
                .andExpect(redirectedUrl("/surveys/" + survey + "#links"));
        mvc.perform(get("/s/" + token)).andExpect(status().isNotFound());
        mvc.perform(post("/s/" + token).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("submissionKey", "retired-link-1").param("q" + q, "10")).andExpect(status().isNotFound());
        assertThat(responses(token)).isEqualTo(1);
        page(manager, url, "en").andExpect(content().string(containsString("retired: takes no answers")))
                .andExpect(content().string(containsString("Take back into use")));
        // outlet B's manager cannot touch outlet A's link
        var other = fixtures.person(Role.MANAGER, chain.outletB().id());
        submit(other, "/surveys/links/" + token + "/active", "active", "true").andExpect(status().isNotFound());
        submit(manager, "/surveys/links/" + token + "/active", "active", "true");
        mvc.perform(get("/s/" + token)).andExpect(status().isOk());
    }

    @Test
    void aLoopbackPublicAddressIsWarnedAbout() throws Exception {
        long survey = surveys.byCode("recommend").orElseThrow().id();
        // the tests run with serviceloop.base-url on localhost
        page(manager, "/surveys/" + survey, "en").andExpect(content().string(containsString("id=\"loopback-warning\"")))
                .andExpect(content().string(containsString("serviceloop.base-url")));
        page(manager, "/surveys/" + survey, "zh-CN").andExpect(content().string(containsString("只有这台电脑能打开")));
        assertThat(PublicAddress.loopback("http://localhost:8080")).isTrue();
        assertThat(PublicAddress.loopback("http://127.0.0.1")).isTrue();
        assertThat(PublicAddress.loopback("http://[::1]:8080")).isTrue();
        assertThat(PublicAddress.loopback("not an address")).isTrue();
        assertThat(PublicAddress.loopback("https://service.example.com")).isFalse();
        assertThat(PublicAddress.loopback("http://192.168.1.20:8080")).isFalse();
    }
}
