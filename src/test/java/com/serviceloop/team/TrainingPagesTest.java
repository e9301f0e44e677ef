package com.serviceloop.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.Fixtures;
import com.serviceloop.PageTest;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import com.serviceloop.standard.Kind;
import com.serviceloop.standard.StandardForm;
import com.serviceloop.standard.StandardService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TrainingPagesTest extends PageTest {
    @Autowired StandardService standards;
    @Autowired JobService jobs;
    @Autowired ProgrammeService programmes;
    @Autowired SessionService sessions;
    @Autowired EvaluationService evaluations;
    @Autowired TrainingRecords records;
    @Autowired Clock clock;
    private AppUser admin;
    private Fixtures.Chain chain;
    private AppUser manager;
    private AppUser staff;
    private long greet;
    private String name;

    @BeforeEach
    void setUp() {
        admin = fixtures.admin();
        chain = fixtures.chain();
        manager = fixtures.person(Role.MANAGER, chain.outletA().id());
        staff = fixtures.person(Role.STAFF, chain.outletA().id());
        greet = standards.create(admin, new StandardForm("pharmacy", "ATTITUDE", "30 秒内招呼每一位进店顾客 " + Fixtures.unique(""),
                Kind.SOFT, null, null, null, null, null, null, null, null)).id();
        name = Fixtures.unique("投诉处理与服务补救");
    }

    private long programme() {
        return programmes.create(new ProgrammeForm(name, "pharmacy", "倾听、致歉、解决、回访", List.of(greet), null)).id();
    }

    @Test
    void theChainAddsAProgrammeFromTheListAndOthersOnlyReadIt() throws Exception {
        page(admin, "/training", "zh").andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("新建培训项目"), containsString("评价的分级方法"),
                        containsString("优秀"), containsString("/training/gaps"))));
        submit(admin, "/training/programmes", "name", name, "outletType", "pharmacy", "description", "倾听、致歉",
                "standardIds", String.valueOf(greet)).andExpect(status().is3xxRedirection());
        Programme p = programmes.list("pharmacy").stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        assertThat(p.standardIds()).containsExactly(greet);
        // a second programme of the same name is refused and said so on the list
        submit(admin, "/training/programmes", "name", name, "outletType", "pharmacy")
                .andExpect(redirectedUrl("/training")).andExpect(flash().attribute("problem", containsString(name)));
        page(staff, "/training", "en").andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(name), not(containsString("Add programme")))));
        submit(staff, "/training/programmes", "name", "x").andExpect(status().isForbidden());
        page(staff, "/training/programmes/" + p.id(), "en").andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("No sessions in your outlets yet; your manager plans them."),
                        containsString("No evaluations yet"), not(containsString("Plan a session")),
                        not(containsString("Edit the programme")))));
        // the menu leads here, and the job list links to it
        page(staff, "/jobs", "en").andExpect(content().string(containsString("href=\"/training\"")));
    }

    @Test
    void aManagerPlansASessionAndTicksTheResults() throws Exception {
        long id = programme();
        String day = LocalDate.now(clock).minusDays(7).toString();
        page(manager, "/training/programmes/" + id, "zh").andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("安排培训场次"), containsString("您所辖门店还没有培训场次"))));
        var created = submit(manager, "/training/programmes/" + id + "/sessions", "outletId", "" + chain.outletA().id(),
                "heldOn", day, "trainerId", "" + manager.id(), "note", "第一期", "attendeeIds", "" + staff.id())
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long sessionId = Long.parseLong(created.substring(created.lastIndexOf('/') + 1));
        page(manager, created, "zh").andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("在岗技能观察通过"), containsString("未记录"),
                        containsString("name=\"attended-" + staff.id() + "\""))));
        // a day that is not one is shown, not saved
        submit(manager, created + "/results", "attended-" + staff.id(), "true", "attendedOn-" + staff.id(), "2026-13-45",
                "knowledge-" + staff.id(), "", "skill-" + staff.id(), "")
                .andExpect(flash().attribute("problem", containsString("2026-13-45")));
        assertThat(sessions.get(manager, sessionId).attendees().getFirst().attended()).isNull();
        submit(manager, created + "/results", "attended-" + staff.id(), "true", "attendedOn-" + staff.id(), "",
                "knowledge-" + staff.id(), "true", "knowledgeOn-" + staff.id(), "", "skill-" + staff.id(), "true",
                "skillOn-" + staff.id(), "").andExpect(redirectedUrl(created));
        TrainingSession.Attendee a = sessions.get(manager, sessionId).attendees().getFirst();
        assertThat(a.passed()).isTrue();
        assertThat(a.attendedOn()).hasToString(day);
        assertThat(a.skillOn()).isEqualTo(LocalDate.now(clock));
        // staff read the results without a form
        page(staff, created, "en").andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("yes · " + day), not(containsString("Save the results")))));
        submit(staff, created + "/results", "attended-" + staff.id(), "false").andExpect(status().isForbidden());
        // another outlet's manager does not see the session
        page(fixtures.person(Role.MANAGER, chain.outletB().id()), created, "en").andExpect(status().isNotFound());
    }

    @Test
    void thePersonsRecordAndTheGapsPageSayWhatIsMissingAndWhereItIsTaught() throws Exception {
        long job = jobs.create(new JobForm(Fixtures.unique("营业员"), null, List.of(greet), null)).id();
        jobs.assign(manager, job, staff.id());
        page(manager, "/training/people/" + staff.id(), "zh").andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("尚缺"), containsString("目前还没有讲授这项标准的培训项目"),
                        containsString("尚未参加任何培训场次"))));
        long id = programme();
        page(manager, "/training/people/" + staff.id(), "en")
                .andExpect(content().string(allOf(containsString("Taught in"), containsString(name))));
        page(manager, "/training/gaps?outletId=" + chain.outletA().id(), "en").andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("1 of 1 people with a job still lack something"),
                        containsString("/training/people/" + staff.id()))));
        assertThat(records.gaps(manager, chain.outletA().id()).withGaps()).isEqualTo(1);
        page(manager, "/jobs/" + job, "en").andExpect(content().string(containsString("/training/people/" + staff.id())));
        // an outlet the caller does not see is not chosen
        page(fixtures.person(Role.MANAGER, chain.outletB().id()), "/training/gaps?outletId=" + chain.outletA().id(), "en")
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("/training/people/" + staff.id()))));
        page(fixtures.person(Role.MANAGER, chain.outletB().id()), "/training/people/" + staff.id(), "en")
                .andExpect(status().isNotFound());
        assertThat(id).isPositive();
    }

    @Test
    void theEvaluationFormKeepsTheAnswersWhenAnItemIsMissingAndThenShowsTheResult() throws Exception {
        long id = programme();
        page(staff, "/training/programmes/" + id + "/evaluate", "zh").andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("培训师本身接受过如何培训的训练"), containsString("5 出色"),
                        containsString("name=\"score20\""))));
        List<String> fields = new ArrayList<>();
        for (int i = 1; i <= 19; i++) {
            fields.add("score" + i);
            fields.add(String.valueOf(EvaluationScoringTest.FIRST.get(i - 1)));
        }
        submit(staff, "/training/programmes/" + id + "/evaluations", fields.toArray(String[]::new))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Item 20 has no score yet"),
                        containsString("name=\"score1\" value=\"5\" required checked=\"checked\""))));
        fields.add("score20");
        fields.add("4");
        submit(staff, "/training/programmes/" + id + "/evaluations", fields.toArray(String[]::new))
                .andExpect(redirectedUrl("/training/programmes/" + id + "#evaluations"))
                .andExpect(flash().attribute("saved", "Thank you. Total 73 of 100, fair; improve now: items 7, 17, 18."));
        page(manager, "/training/programmes/" + id, "en").andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("1 evaluations"), containsString("73.0"),
                        containsString("id=\"training-trend\""), containsString("Managers and supervisors take part"),
                        containsString("7, 17, 18"))));
        assertThat(evaluations.summary(manager, id).improveNow()).containsExactly(7, 17, 18);
    }
}
