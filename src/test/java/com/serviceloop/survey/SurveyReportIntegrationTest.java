package com.serviceloop.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.TestClock;
import com.serviceloop.knowledge.PdfRenderer;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.ResultActions;

/** The PDF report: real figures from responses given through the public API, read back out of the PDF. */
class SurveyReportIntegrationTest extends ApiTest {
    private static final ZoneId BUSINESS = ZoneId.of("Asia/Shanghai");
    @Autowired SurveyRepository surveys;
    @Autowired SurveyReports reports;
    @Autowired PdfRenderer renderer;
    @Autowired TestClock clock;
    private Fixtures.Chain chain;
    private AppUser manager;
    private String managerToken;
    private LocalDate today;

    @BeforeEach
    void setUp() {
        fixtures.admin();
        chain = fixtures.chain();
        manager = fixtures.person(Role.MANAGER, chain.outletA().id());
        managerToken = token(manager);
        today = LocalDate.now(clock.withZone(BUSINESS));
    }

    private long survey(String code) {
        return surveys.byCode(code).orElseThrow().id();
    }

    private String link(String code, long outletId) throws Exception {
        return body(postJson("/api/v1/surveys/" + survey(code) + "/links", managerToken, Map.of("outletId", outletId))
                .andExpect(status().isCreated())).get("token").asText();
    }

    private void answer(String token, Map<Long, Object> answers) throws Exception {
        Map<String, Object> a = new HashMap<>();
        answers.forEach((k, v) -> a.put(String.valueOf(k), v));
        mvc.perform(post("/api/v1/public/surveys/" + token + "/responses").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("answers", a, "submissionKey", UUID.randomUUID().toString()))))
                .andExpect(status().isCreated());
    }

    private ResultActions report(String token, long surveyId, String query) throws Exception {
        return mvc.perform(get("/api/v1/surveys/" + surveyId + "/report.pdf?" + query)
                .header("Authorization", "Bearer " + token).accept(MediaType.APPLICATION_PDF));
    }

    private MockHttpServletResponse pdf(String token, long surveyId, String query) throws Exception {
        MockHttpServletResponse response = report(token, surveyId, query).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        assertThat(new String(response.getContentAsByteArray(), 0, 5)).isEqualTo("%PDF-");
        return response;
    }

    private static String text(MockHttpServletResponse response) throws Exception {
        try (PDDocument doc = Loader.loadPDF(response.getContentAsByteArray())) {
            // table cells and wrapped lines come out with newlines; one space is what a reader sees
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    /** The README's SERVQUAL worked example, reported for the outlet in English. */
    @Test
    void servqualReportForAnOutletCarriesTheGapsWorkedOutByHand() throws Exception {
        String token = link("servqual", chain.outletA().id());
        List<Question> q = surveys.questions(survey("servqual"));
        for (Map<Long, Object> answers : SurveyExamples.servqualWorkedExample(q)) {
            answer(token, answers);
        }
        LocalDate from = today.minusDays(6);
        MockHttpServletResponse response = pdf(managerToken, survey("servqual"),
                "outletId=" + chain.outletA().id() + "&from=" + from + "&to=" + today + "&lang=en");
        assertThat(response.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"servqual_"
                + chain.outletA().code() + "_" + from + "_" + today + ".pdf\"");
        String text = text(response);
        assertThat(text).contains("Service quality: what you expect and what you got", "Outlet: Outlet A",
                "Period: " + from + " to " + today);
        // perceptions scaled 1-7 to 0-100: customer 1 (4+5+4+5+5+3+4)/6/7 = 71.43, customer 2 (5+5+3+4+5+4+3)/6/7 = 69.05
        assertThat(text).contains("Responses", "2 complete", "Satisfaction index (0-100)", "70.2");
        // dimension gaps: tangibles -0.25, reliability -2.5, responsiveness -0.5, assurance +0.5, empathy -1.0;
        // reliability's importance (40 + 30) / 2 = 35 of 100 points
        assertThat(text).contains("Tangibles 6.00 5.75 -0.25", "Reliability 7.00 4.50 -2.50 35%",
                "Responsiveness 6.00 5.50 -0.50", "Assurance 5.50 6.00 0.50", "Empathy 5.50 4.50 -1.00");
        assertThat(text).contains("Overall gap, weighted by importance: -1.05", "unweighted: -0.75");
        assertThat(text).contains("does what it promised by the time it promised.");
        assertThat(text).doesNotContain("There are no responses");

        // the largest shortfalls are the marked statements: reliability 5 (-2.5), empathy 19 (-1.5), then the -0.5s
        var report = reports.report(manager, survey("servqual"), chain.outletA().id(), null, from, today, false);
        assertThat(report.items().stream().filter(SurveyReports.ItemRow::worst).map(SurveyReports.ItemRow::itemNo))
                .containsExactlyInAnyOrder(5, 19, 1, 10, 18);
        assertThat(report.trendPeriod()).isEqualTo(SurveyFigures.Period.WEEK);
    }

    /** A region report in Chinese: both outlets' responses, the ranking inside the region and the comments. */
    @Test
    void regionReportInChineseRanksTheOutletsAndQuotesTheComments() throws Exception {
        AppUser regional = fixtures.person(Role.MANAGER, chain.region().id());
        String regionalToken = token(regional);
        String a = link("post-visit", chain.outletA().id());
        String b = body(postJson("/api/v1/surveys/" + survey("post-visit") + "/links", regionalToken,
                Map.of("outletId", chain.outletB().id())).andExpect(status().isCreated())).get("token").asText();
        List<Question> q = surveys.questions(survey("post-visit"));
        answer(a, Map.of(q.get(0).id(), 5, q.get(1).id(), 4, q.get(5).id(), "Ms Wang",
                q.get(6).id(), "The pharmacist   explained\n everything kindly 药剂师讲解很耐心"));   // 100, 75: 87.5
        answer(a, Map.of(q.get(0).id(), 4, q.get(1).id(), 3));                                  // 75, 50: 62.5
        answer(b, Map.of(q.get(0).id(), 3, q.get(1).id(), 2, q.get(6).id(), "Waited too long at the till")); // 50, 25: 37.5
        answer(b, Map.of(q.get(0).id(), 4, q.get(1).id(), 3, q.get(6).id(), "x".repeat(400)));         // 75, 50: 62.5

        LocalDate from = today.minusDays(200);
        MockHttpServletResponse response = pdf(regionalToken, survey("post-visit"),
                "regionId=" + chain.region().id() + "&from=" + from + "&to=" + today + "&lang=zh");
        assertThat(response.getHeader("Content-Disposition")).contains("post-visit_" + chain.region().code() + "_");
        String text = text(response);
        // (87.5 + 62.5 + 37.5 + 62.5) / 4 = 62.5
        assertThat(text).contains("62.5", "Outlet A", "Outlet B", "Waited too long at the till",
                "The pharmacist explained everything kindly", YearMonth.from(today).toString());
        assertThat(text).doesNotContain("Ms Wang"); // ask-by-name is counted, not quoted
        // ranked inside the region: A (87.5 and 62.5 -> 75.0) before B (37.5 and 62.5 -> 50.0)
        assertThat(text).containsPattern("1\\s+Outlet A\\s+2\\s+75\\.0");
        assertThat(text).containsPattern("2\\s+Outlet B\\s+2\\s+50\\.0");
        var report = reports.report(regional, survey("post-visit"), null, chain.region().id(), from, today, true);
        assertThat(report.summary().responses()).isEqualTo(4);
        assertThat(report.summary().satisfactionIndex()).isEqualTo(62.5);
        // long comments are cut to fit the page, newest first
        assertThat(report.comments()).hasSize(3);
        assertThat(report.comments().getFirst().text()).hasSize(SurveyReports.COMMENT_LENGTH).endsWith("x…");
        assertThat(text).doesNotContain("x".repeat(300));
        assertThat(report.trendPeriod()).isEqualTo(SurveyFigures.Period.MONTH);
        assertThat(report.ranking()).extracting(SurveyFigures.Rank::name).containsExactly("Outlet A", "Outlet B");
        // printed with the font inside the application: the tests point serviceloop.pdf.fonts at no file
        assertThat(renderer.systemFont()).isEmpty();
        assertThat(text).contains("今天的光顾体验如何？", "区域：" + chain.region().name(), "主要指标", "答卷率", "美誉度",
                "药剂师讲解很耐心", "最新留言");
    }

    @Test
    void aPeriodWithoutResponsesStillPrintsAndSaysSo() throws Exception {
        String token = link("recommend", chain.outletA().id());
        answer(token, Map.of(surveys.questions(survey("recommend")).getFirst().id(), 9)); // today, not last month
        MockHttpServletResponse response = pdf(managerToken, survey("recommend"), "outletId=" + chain.outletA().id() + "&lang=en");
        YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
        assertThat(response.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"recommend_"
                + chain.outletA().code() + "_" + lastMonth + ".pdf\"");
        String text = text(response);
        assertThat(text).contains("There are no responses in this period.",
                "Period: " + lastMonth.atDay(1) + " to " + lastMonth.atEndOfMonth());
        assertThat(text).containsPattern("Responses\\s+0");
        // this month's response is there once the period covers today
        String now = text(pdf(managerToken, survey("recommend"), "outletId=" + chain.outletA().id() + "&from=" + today + "&lang=en"));
        assertThat(now).doesNotContain("There are no responses").contains("1 promoters, 0 passives, 0 detractors");
    }

    @Test
    void theReportKeepsToTheCallersScope() throws Exception {
        String token = link("recommend", chain.outletA().id());
        answer(token, Map.of(surveys.questions(survey("recommend")).getFirst().id(), 10));
        long s = survey("recommend");
        String otherManager = token(fixtures.person(Role.MANAGER, chain.outletB().id()));
        report(otherManager, s, "outletId=" + chain.outletA().id()).andExpect(status().isNotFound());
        report(otherManager, s, "regionId=" + chain.region().id()).andExpect(status().isNotFound());
        // everything in scope for the other outlet's manager holds none of outlet A's responses
        String theirs = text(pdf(otherManager, s, "from=" + today + "&lang=en"));
        assertThat(theirs).contains("There are no responses in this period.", "All outlets you are responsible for");
        report(token(fixtures.person(Role.STAFF, chain.outletA().id())), s, "outletId=" + chain.outletA().id())
                .andExpect(status().isForbidden());
        report(managerToken, 999_999_999L, "").andExpect(status().isNotFound());
        report(managerToken, s, "outletId=999999999").andExpect(status().isNotFound());
        // a region is not an outlet, nor an outlet a region
        String admin = token(fixtures.admin());
        report(admin, s, "outletId=" + chain.region().id()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outletId"));
        report(admin, s, "regionId=" + chain.outletA().id()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("regionId"));
        report(admin, s, "outletId=" + chain.outletA().id() + "&regionId=" + chain.region().id())
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("regionId"));
    }

    @Test
    void badDatesAndLanguagesAreRefusedNamingTheField() throws Exception {
        long s = survey("recommend");
        String outlet = "outletId=" + chain.outletA().id();
        report(managerToken, s, outlet + "&from=2026-13-01").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        report(managerToken, s, outlet + "&to=yesterday").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        report(managerToken, s, outlet + "&from=2026-05-02&to=2026-05-01").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        report(managerToken, s, outlet + "&lang=fr").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lang"));
        report(managerToken, s, "outletId=abc").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outletId"));
    }

    @Test
    void aLongPeriodShowsTheTrendMonthByMonth() throws Exception {
        String token = link("recommend", chain.outletA().id());
        long q = surveys.questions(survey("recommend")).getFirst().id();
        answer(token, Map.of(q, 10));
        clock.advance(Duration.ofDays(-40));
        try {
            answer(token, Map.of(q, 3));
            answer(token, Map.of(q, 4));
        } finally {
            clock.reset();
        }
        String text = text(pdf(managerToken, survey("recommend"), "outletId=" + chain.outletA().id()
                + "&from=" + today.minusDays(120) + "&to=" + today + "&lang=en"));
        // this month one promoter (+100), forty days ago two detractors (-100); in all 1 - 2 of 3 = -33.3
        assertThat(text).contains("Month by month", "-33.3");
        // index: 10 of 0-10 is 100; 3 and 4 are 30 and 40, so 35
        assertThat(text).containsPattern(YearMonth.from(today) + "\\s+1\\s+100\\.0\\s+100\\.0");
        assertThat(text).containsPattern(YearMonth.from(today.minusDays(40)) + "\\s+2\\s+35\\.0\\s+-100\\.0");
    }
}
