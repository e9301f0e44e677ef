package com.serviceloop.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.Fixtures;
import com.serviceloop.PageTest;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import java.time.YearMonth;
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
                .andExpect(content().string(containsString("How was your visit today?")));
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
        var lastMonth = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1);
        page(manager, "/surveys/" + survey + "?outletId=" + chain.outletA().id(), "en").andExpect(status().isOk())
                .andExpect(content().string(containsString("/surveys/" + survey + "/report.pdf")))
                .andExpect(content().string(containsString("name=\"outletId\" value=\"" + chain.outletA().id() + "\"")))
                .andExpect(content().string(containsString("value=\"" + lastMonth.atDay(1) + "\"")))
                .andExpect(content().string(containsString("value=\"" + lastMonth.atEndOfMonth() + "\"")))
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
}
