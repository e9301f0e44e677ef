package com.serviceloop.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.Fixtures;
import com.serviceloop.PageTest;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import com.serviceloop.survey.ClimateHistoryImport.PastAnswer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The "Service climate" page in both languages: the worked example at outlet A, outlet B's two answers held back. */
class ClimatePageTest extends PageTest {
    @Autowired ClimateHistoryImport history;
    @Autowired SurveyRepository surveys;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    private Fixtures.Chain chain;
    private AppUser manager;

    @BeforeEach
    void setUp() {
        fixtures.admin();
        chain = fixtures.chain();
        manager = fixtures.person(Role.MANAGER, chain.region().id());
        OffsetDateTime now = OffsetDateTime.now(clock).minusMinutes(5);
        List<PastAnswer> past = new ArrayList<>();
        for (int[] respondent : ClimateIndexTest.WORKED_EXAMPLE) {
            past.add(new PastAnswer(chain.outletA().id(), now, Arrays.stream(respondent).boxed().toList()));
        }
        past.add(new PastAnswer(chain.outletB().id(), now, Collections.nCopies(14, 7)));
        past.add(new PastAnswer(chain.outletB().id(), now, Collections.nCopies(14, 6)));
        history.load(manager, past);
    }

    private String html(AppUser who, String url, String language) throws Exception {
        return page(who, url, language).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theComparisonShowsOutletAAndSaysWhyOutletBIsNotShown() throws Exception {
        String en = html(manager, "/surveys/climate?unit=" + chain.region().id(), "en");
        assertThat(en).contains("Service climate", "When the manager is away", "at least 3 colleagues")
                .contains("id=\"outlet-" + chain.outletA().id() + "\"", "fewer than 3 answers: not shown")
                .contains("<strong>50.0</strong>", "25.0", "75.0", "id=\"climate-data\"", "/js/climate.js")
                // the statements of the outlets shown, and the staff links section for a manager
                .contains("When the manager is not in", "id=\"links\"", "Staff links");
        String row = en.substring(en.indexOf("id=\"outlet-" + chain.outletB().id() + "\""));
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains("<td>2</td>").doesNotContain("100.0");
        String zh = html(manager, "/surveys/climate?unit=" + chain.region().id(), "zh-CN");
        assertThat(zh).contains("服务氛围", "答卷少于 3 份：为保护团队匿名性不予显示", "店长不在时", "员工链接");

        // an auditor reads the results but makes no links
        AppUser auditor = fixtures.person(Role.AUDITOR, chain.region().id());
        assertThat(html(auditor, "/surveys/climate", "en")).contains("<strong>50.0</strong>").doesNotContain("id=\"links\"");
        page(fixtures.person(Role.STAFF, chain.outletA().id()), "/surveys/climate", "en").andExpect(status().isForbidden());
        // a hand-edited quarter: said so, and the default view instead
        assertThat(html(manager, "/surveys/climate?quarter=2026-Q9", "en")).contains("Give a quarter as yyyy-Qn");
    }

    @Test
    void theSurveyAndTeamPagesLeadHereAndTheSurveyPageOfTheClimateSurveyToo() throws Exception {
        long climate = surveys.byCode("climate").orElseThrow().id();
        page(manager, "/surveys", "en").andExpect(content().string(containsString("/surveys/climate")));
        page(manager, "/jobs", "en").andExpect(content().string(containsString("/surveys/climate")));
        page(fixtures.person(Role.STAFF, chain.outletA().id()), "/jobs", "en")
                .andExpect(content().string(not(containsString("/surveys/climate"))));
        // its answers are only read as results per outlet: the survey page, figures and all, goes there
        page(manager, "/surveys/" + climate, "en").andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/surveys/climate"));
        page(fixtures.person(Role.STAFF, chain.outletA().id()), "/surveys/" + climate, "en")
                .andExpect(redirectedUrl("/surveys/" + climate + "/preview"));
        page(manager, "/surveys/" + climate + "/preview", "en").andExpect(status().isOk())
                .andExpect(content().string(containsString("1 = strongly disagree, 7 = strongly agree")));
    }

    @Test
    void aManagerMakesAStaffLinkForAnOutletAndItOpensThePublicForm() throws Exception {
        submit(manager, "/surveys/climate/links", "outletId", "" + chain.outletA().id(), "channel", "LINK")
                .andExpect(redirectedUrl("/surveys/climate#links"));
        long climate = surveys.byCode("climate").orElseThrow().id();
        List<String> tokens = jdbc.sql("SELECT token FROM survey_link WHERE survey_id = :s AND outlet_id = :o AND channel = 'LINK'")
                .param("s", climate).param("o", chain.outletA().id()).query(String.class).list();
        // the history import made one link, the manager another
        assertThat(tokens).hasSize(2);
        assertThat(html(manager, "/surveys/climate", "en")).contains("/s/" + tokens.get(0), "/s/" + tokens.get(1));
        mvc.perform(get("/s/" + tokens.getFirst()).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("匿名作答")))
                .andExpect(content().string(containsString("店长不在店里时")));
        // no outlet: said on the page, nothing made
        submit(manager, "/surveys/climate/links", "channel", "QR").andExpect(redirectedUrl("/surveys/climate#links"));
        submit(fixtures.person(Role.AUDITOR, chain.region().id()), "/surveys/climate/links", "outletId",
                "" + chain.outletA().id()).andExpect(status().isForbidden());
        mvc.perform(post("/surveys/climate/links").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("outletId", "" + chain.outletA().id())).andExpect(status().is4xxClientError());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM survey_link WHERE survey_id = :s AND outlet_id IN (:o)")
                .param("s", climate).param("o", List.of(chain.outletA().id(), chain.outletB().id())).query(Long.class).single())
                .isEqualTo(3);
    }
}
