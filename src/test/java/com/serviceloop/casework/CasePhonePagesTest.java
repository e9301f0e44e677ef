package com.serviceloop.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.Fixtures;
import com.serviceloop.PageTest;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;

/** The case screens as counter staff and managers use them on a phone, in both languages. */
class CasePhonePagesTest extends PageTest {
    @Autowired CaseService cases;
    @Autowired CaseQueries queries;
    @Autowired JdbcClient jdbc;
    private Fixtures.Chain chain;
    private AppUser staff;
    private AppUser manager;

    @BeforeEach
    void setUp() {
        fixtures.admin();
        chain = fixtures.chain();
        staff = fixtures.person(Role.STAFF, chain.outletA().id(), chain.teamA().id(), null);
        manager = fixtures.person(Role.MANAGER, chain.outletA().id());
    }

    private long open(AppUser by, Long customerId, String description) {
        return cases.create(by, CaseForm.of(chain.outletA().id(), customerId, Channel.COUNTER, CaseType.COMPLAINT,
                Severity.MEDIUM, description)).id();
    }

    private void close(long id) {
        cases.move(staff, id, new CaseCommands.Move(CaseStatus.RESOLVED, cases.get(staff, id).version(), null));
        cases.followUp(staff, id, new CaseCommands.FollowUp(true, 5, null, null, cases.get(staff, id).version()));
    }

    /** A form posted by htmx: the answer is the case, to be swapped in place. */
    private ResultActions htmx(AppUser who, String url, String language, String... fieldsAndValues) throws Exception {
        var request = post(url).with(user(who)).with(csrf()).header("HX-Request", "true")
                .header("Accept-Language", language).contentType(MediaType.APPLICATION_FORM_URLENCODED);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            request.param(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return mvc.perform(request);
    }

    @Test
    void theCasePageNamesItsTopicAndProductInTheReadersLanguage() throws Exception {
        long id = cases.create(staff, new CaseForm(chain.outletA().id(), null, null, null, Channel.COUNTER, CaseType.COMPLAINT,
                Severity.LOW, "Asked for a medicine we did not have", "OUT_OF_STOCK", "Amoxicillin 250 mg")).id();
        page(staff, "/cases/" + id, "en").andExpect(content().string(containsString("<dd>Out of stock</dd>")))
                .andExpect(content().string(containsString("<dd>Amoxicillin 250 mg</dd>")));
        page(staff, "/cases/" + id, "zh-CN").andExpect(content().string(containsString("<dt>主题</dt>")))
                .andExpect(content().string(containsString("<dt>相关商品</dt>")));
        long none = open(staff, null, "No topic given");
        page(staff, "/cases/" + none, "en").andExpect(content().string(not(containsString("<dt>Topic</dt>"))));
    }

    @Test
    void myQueueIsACardListOfOpenCasesWithTheTimeLeft() throws Exception {
        String open = Fixtures.unique("Waited twenty minutes for a pharmacist");
        String closed = Fixtures.unique("Wrong change given at the till");
        open(staff, null, open);
        close(open(staff, null, closed));

        for (String lang : new String[] {"en", "zh-CN"}) {
            String html = page(staff, "/cases?queue=MINE", lang).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(html).contains("class=\"case-card\"", open).doesNotContain(closed);
            // a medium complaint's first response is due within hours of business time: green, "left"
            assertThat(html).contains(lang.equals("en") ? "First response: " : "首次响应还剩")
                    .contains("class=\"chip ahead\"")
                    .contains(lang.equals("en") ? "Time left" : "剩余时间");
        }
        page(staff, "/cases?queue=MINE&open=false", "zh-CN")
                .andExpect(content().string(containsString(closed))).andExpect(content().string(not(containsString(open))));
        page(staff, "/cases?queue=ALL", "en")
                .andExpect(content().string(containsString(closed))).andExpect(content().string(containsString(open)));
    }

    @Test
    void aLateCaseShowsARedChip() throws Exception {
        long id = open(staff, null, Fixtures.unique("Prescription lost"));
        jdbc.sql("UPDATE case_clock SET due_at = :at WHERE case_id = :id AND clock_kind = 'FIRST_RESPONSE'")
                .param("at", OffsetDateTime.now().minusMinutes(90)).param("id", id).update();
        page(staff, "/cases?queue=MINE", "zh-CN").andExpect(content().string(containsString("首次响应已超时 1 小时 3")));
        page(staff, "/cases/" + id, "en").andExpect(content().string(containsString("class=\"chip late\"")))
                .andExpect(content().string(containsString("First response: late by 1 h 3")));
    }

    @Test
    void theCasePageCallsTheCustomerListsTheirOtherCasesAndKeepsTheActionsAtHand() throws Exception {
        long customer = fixtures.customer(staff, chain.outletA().id(), "Wang Fang");
        String earlier = Fixtures.unique("Out of stock last week");
        open(staff, customer, earlier);
        long id = open(staff, customer, "Out of stock again");

        for (String lang : new String[] {"en", "zh-CN"}) {
            String html = page(staff, "/cases/" + id, lang).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(html).contains("href=\"tel:13800000000\"", earlier, "class=\"action-bar\"",
                    "hx-post=\"/cases/" + id + "/status\"", "href=\"#hand-over\"", "/js/case.js")
                    .contains(lang.equals("en") ? "Call Wang Fang: 138 0000 0000" : "致电Wang Fang：138 0000 0000")
                    .contains(lang.equals("en") ? ">Acknowledge<" : ">确认受理<")
                    .contains(lang.equals("en") ? "This customer&#39;s other cases" : "该顾客的其他案例")
                    .doesNotContain("value=\"person-" + staff.id() + "\"");
        }
        AppUser auditor = fixtures.person(Role.AUDITOR, chain.outletA().id());
        page(auditor, "/cases/" + id, "en").andExpect(status().isOk())
                .andExpect(content().string(not(containsString("tel:"))))
                .andExpect(content().string(not(containsString("138 0000 0000"))))
                .andExpect(content().string(not(containsString("action-bar"))));
    }

    @Test
    void actionsAnswerHtmxWithTheCaseInPlaceAndPlainFormsWithARedirect() throws Exception {
        long id = open(staff, null, "Asked for a smaller pack");
        String swapped = htmx(staff, "/cases/" + id + "/status", "zh-CN", "to", "ACKNOWLEDGED", "version", "0")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(swapped).startsWith("<div id=\"case\"").doesNotContain("<html", "<header")
                .contains("已确认受理，顾客已得到首次答复。", "已确认");
        assertThat(cases.get(staff, id).status()).isEqualTo(CaseStatus.ACKNOWLEDGED);

        htmx(staff, "/cases/" + id + "/status", "zh-CN", "to", "RESOLVED", "version", "0")
                .andExpect(status().isOk()).andExpect(content().string(containsString("该案例刚被他人修改")));
        htmx(staff, "/cases/" + id + "/status", "zh-CN", "to", "CLOSED", "version", "1")
                .andExpect(content().string(containsString("案例当前的状态不能进行这一步。")));

        submit(staff, "/cases/" + id + "/status", "to", "RESOLVED", "version", "1")
                .andExpect(redirectedUrl("/cases/" + id))
                .andExpect(flash().attribute("notice", "Case resolved; the follow-up call comes next."));
        htmx(staff, "/cases/" + id + "/follow-up", "en", "reached", "true", "satisfaction", "4", "version", "2")
                .andExpect(content().string(containsString("Case closed: the customer is satisfied (4/5).")));
        assertThat(cases.get(staff, id).status()).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void aCaseIsResolvedAtTheCounterInOneStep() throws Exception {
        long id = open(staff, null, "Swapped a damaged pack on the spot");
        page(staff, "/cases/" + id, "zh-CN").andExpect(content().string(containsString(">已解决<")));
        htmx(staff, "/cases/" + id + "/status", "zh-CN", "to", "RESOLVED", "version", "0")
                .andExpect(content().string(containsString("案例已解决，接下来请回访顾客。")))
                .andExpect(content().string(containsString("href=\"#follow-up\"")));
        assertThat(queries.clocks(staff, id)).filteredOn(k -> k.clockKind() != SlaKind.FOLLOW_UP)
                .allSatisfy(k -> assertThat(k.stoppedAt()).isNotNull());
    }

    @Test
    void handingOverSaysToWhomAndTheReceiverReadsItInTheirLanguage() throws Exception {
        long id = open(staff, null, "Refund for a damaged thermometer");
        htmx(staff, "/cases/" + id + "/handover", "zh-CN", "receiver", "person-" + manager.id(),
                "reason", "退款需要经理批准", "version", "0")
                .andExpect(content().string(containsString("已移交给MANAGER person。")));
        page(manager, "/inbox", "zh-CN").andExpect(content().string(containsString("移交给您")))
                .andExpect(content().string(containsString("案例 #" + id + "（Outlet A）已移交给您。原因：退款需要经理批准")));
        page(manager, "/inbox", "en").andExpect(content().string(containsString(
                "Case #" + id + " (Outlet A) was handed over to you. Reason: 退款需要经理批准")));

        submit(manager, "/cases/" + id + "/handover", "receiver", "team-" + chain.teamA().id(), "reason", "Team job",
                "version", "1").andExpect(flash().attribute("notice", "Handed over to Team A."));
        submit(manager, "/cases/" + id + "/handover", "receiver", "someone", "reason", "x", "version", "2")
                .andExpect(flash().attribute("error", "Choose a person or a team from the list."));
        htmx(manager, "/cases/" + id + "/handover", "zh-CN", "receiver", "person-" + staff.id(), "reason", " ",
                "version", "2").andExpect(content().string(containsString("请填写原因。")));
    }

    @Test
    void theFollowUpListPutsLateCallsFirstAndShowsAManagerEveryone() throws Exception {
        AppUser other = fixtures.person(Role.STAFF, chain.outletA().id());
        long later = open(staff, null, Fixtures.unique("Call about the delivery"));
        long late = open(staff, null, Fixtures.unique("Call about the refund"));
        long colleagues = open(other, null, Fixtures.unique("Call about the queue"));
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        OffsetDateTime endOfToday = queries.today().plusDays(1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toOffsetDateTime();
        for (long id : new long[] {later, late, colleagues}) {
            AppUser owner = id == colleagues ? other : staff;
            cases.move(owner, id, new CaseCommands.Move(CaseStatus.RESOLVED, 0, null));
            jdbc.sql("UPDATE case_clock SET due_at = :at WHERE case_id = :id AND clock_kind = 'FOLLOW_UP'")
                    .param("at", id == late ? now.minusHours(3) : now.plus(Duration.between(now, endOfToday).dividedBy(2)))
                    .param("id", id).update();
        }
        for (String lang : new String[] {"en", "zh-CN"}) {
            String html = page(manager, "/follow-ups", lang).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(html).contains("/cases/" + later, "/cases/" + colleagues, "class=\"case-card late\"")
                    .contains(lang.equals("en") ? "late since" : "超时");
            assertThat(html.indexOf("/cases/" + late + "\"")).isLessThan(html.indexOf("/cases/" + later + "\""))
                    .isLessThan(html.indexOf("/cases/" + colleagues + "\""));
            assertThat(html.indexOf("case-card late")).isLessThan(html.indexOf("/cases/" + late + "\""));
        }
        page(manager, "/follow-ups?personId=" + manager.id(), "en")
                .andExpect(content().string(not(containsString("/cases/" + late + "\""))));
        page(staff, "/follow-ups", "en").andExpect(content().string(containsString("/cases/" + late + "\"")))
                .andExpect(content().string(not(containsString("/cases/" + colleagues + "\""))));
    }
}
