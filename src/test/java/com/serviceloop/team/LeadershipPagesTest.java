package com.serviceloop.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class LeadershipPagesTest extends PageTest {
    @Autowired LeadershipService rounds;
    @Autowired LeadershipRaters invitations;
    @Autowired LeadershipPlan plan;
    private Fixtures.Chain chain;
    private AppUser leader;
    private String address;

    @BeforeEach
    void setUp() {
        fixtures.admin();
        chain = fixtures.chain();
        leader = fixtures.person(Role.MANAGER, chain.outletA().id());
        address = "10.%d.%d.%d".formatted(ThreadLocalRandom.current().nextInt(1, 255),
                ThreadLocalRandom.current().nextInt(1, 255), ThreadLocalRandom.current().nextInt(1, 255));
    }

    private static List<Integer> scores(int a, int b, int c, int d, int e) {
        List<Integer> out = new ArrayList<>();
        for (int v : new int[] {a, b, c, d, e}) {
            out.addAll(Collections.nCopies(4, v));
        }
        return out;
    }

    private List<String> tokens(long round, String... names) {
        List<LeadershipInvitationForm.LeadershipInvitee> invitees = new ArrayList<>();
        for (String n : names) {
            invitees.add(new LeadershipInvitationForm.LeadershipInvitee(n, null));
        }
        return invitations.invite(leader, round, new LeadershipInvitationForm(invitees, null)).stream()
                .map(i -> i.link().substring(i.link().lastIndexOf('/') + 1)).toList();
    }

    private ResultActions rater(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        }).accept(MediaType.TEXT_HTML));
    }

    /** The rater's form as a phone posts it: s1 … s20. */
    private ResultActions rate(String token, List<Integer> scores, String language) throws Exception {
        MockHttpServletRequestBuilder request = post("/s/leadership/" + token).header("Accept-Language", language)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED);
        for (int i = 0; i < scores.size(); i++) {
            if (scores.get(i) != null) {
                request.param("s" + (i + 1), String.valueOf(scores.get(i)));
            }
        }
        return rater(request);
    }

    @Test
    void withTwoAnswersThePageWaitsAndWithThreeItDrawsTheMap() throws Exception {
        long round = rounds.start(leader, new LeadershipRoundForm("2026 上半年")).id();
        rounds.rateSelf(leader, round, new LeadershipScoresForm(scores(5, 4, 4, 4, 3)));
        List<String> links = tokens(round, "王芳", "李强", "赵敏");
        // the rater's page, in Chinese, without signing in
        rater(get("/s/leadership/" + links.get(0)).header("Accept-Language", "zh")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("良好的沟通"), containsString("成功的决策"),
                        containsString(leader.displayName()), containsString("name=\"s20\""), containsString("匿名"))));
        rate(links.get(0), scores(4, 3, 2, 5, 3), "zh").andExpect(status().isOk())
                .andExpect(content().string(containsString("您的评价已收到")));
        rate(links.get(1), scores(5, 4, 2, 5, 3), "en").andExpect(status().isOk());

        String waiting = page(leader, "/leadership/rounds/" + round, "en").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(waiting).contains("Waiting for at least 3 answers: 2 answered so far")
                .doesNotContain("leadership-data").doesNotContain("leadership-radar")
                // the only figures are the leader's own: communication 5.00 … decisions 3.00
                .contains("5.00").doesNotContain("4.50").doesNotContain("2.00").doesNotContain(">strength<");
        page(leader, "/leadership/rounds/" + round, "zh").andExpect(content().string(containsString("目前已有 2 人作答")));

        rate(links.get(2), scores(3, 5, 2, 5, 3), "en").andExpect(status().isOk());
        page(leader, "/leadership/rounds/" + round, "en").andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("leadership-data"), containsString("Others (mean of 3)"),
                        containsString("2.00"), containsString(">weakness<"), containsString(">strength<"),
                        not(containsString("Waiting for at least")))));
        // the same link twice: a page saying it was used, answered 410
        rate(links.get(0), scores(1, 1, 1, 1, 1), "en").andExpect(status().isGone())
                .andExpect(content().string(containsString("used already")));
        rater(get("/s/leadership/" + LeadershipRaters.newToken())).andExpect(status().isNotFound());
        assertThat(rounds.result(leader, round, Locale.ENGLISH).counted()).isEqualTo(3);
    }

    @Test
    void aMissingAnswerIsAskedForAgainKeepingTheOthers() throws Exception {
        long round = rounds.start(leader, new LeadershipRoundForm(null)).id();
        String link = tokens(round, "王芳").getFirst();
        List<Integer> partial = new ArrayList<>(scores(4, 4, 4, 4, 4));
        partial.set(7, null);
        rate(link, partial, "en").andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Please rate every statement"),
                        containsString("name=\"s1\" value=\"4\" required checked=\"checked\""))));
        List<Integer> forged = new ArrayList<>(scores(4, 4, 4, 4, 4));
        forged.set(0, 9);
        rate(link, forged, "en").andExpect(status().isBadRequest());
        rate(link, scores(4, 4, 4, 4, 4), "en").andExpect(status().isOk());
        assertThat(rounds.round(leader, round).answered()).isEqualTo(1);
    }

    @Test
    void theLeaderRatesInvitesAndPlansThroughTheForms() throws Exception {
        page(leader, "/leadership", "zh").andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("服务领导力问卷"), containsString("开始一轮评估"))));
        submit(leader, "/leadership/rounds", "title", "春季评估").andExpect(status().is3xxRedirection());
        long round = rounds.rounds(leader).getFirst().id();
        assertThat(rounds.round(leader, round).title()).isEqualTo("春季评估");
        List<String> fields = new ArrayList<>();
        for (int no = 1; no <= 20; no++) {
            fields.add("s" + no);
            fields.add(no <= 4 ? "5" : "3");
        }
        submit(leader, "/leadership/rounds/" + round + "/self", fields.toArray(String[]::new))
                .andExpect(redirectedUrl("/leadership/rounds/" + round));
        assertThat(rounds.round(leader, round).selfScores()).startsWith(5, 5, 5, 5, 3);
        submit(leader, "/leadership/rounds/" + round + "/invitations", "people", "王芳\n李强, li@example.com\n\n赵敏；zhao@example.com",
                "validDays", "7").andExpect(redirectedUrl("/leadership/rounds/" + round));
        List<LeadershipInvitation> invited = invitations.list(leader, round);
        assertThat(invited).extracting(LeadershipInvitation::name).containsExactly("王芳", "李强", "赵敏");
        assertThat(invited).extracting(LeadershipInvitation::email).containsExactly(null, "li@example.com", "zhao@example.com");
        String due = LocalDate.now().plusDays(20).toString();
        submit(leader, "/leadership/rounds/" + round + "/plan", "principle", "REWARD", "action", "每周例会上具体表扬两位员工",
                "dueOn", due).andExpect(redirectedUrl("/leadership/rounds/" + round));
        LeadershipAction action = plan.actions(leader, round).getFirst();
        submit(leader, "/leadership/rounds/" + round + "/plan/" + action.id(), "principle", "REWARD",
                "action", action.action(), "dueOn", due, "done", "true", "version", "0");
        assertThat(plan.actions(leader, round).getFirst().done()).isTrue();
        submit(leader, "/leadership/rounds/" + round + "/plan", "principle", "REWARD", "action", "x", "dueOn", "someday")
                .andExpect(status().is3xxRedirection()).andExpect(result -> assertThat(result.getFlashMap().get("problem"))
                        .asString().contains("year-month-day"));
        String html = page(leader, "/leadership/rounds/" + round, "zh").andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(html).contains("每周例会上具体表扬两位员工", "data-copy=\"http", "自我评价", "生成链接");

        // the region's manager reads the round without its forms; the staff of the outlet do not see it
        AppUser region = fixtures.person(Role.MANAGER, chain.region().id());
        page(region, "/leadership/rounds/" + round, "en").andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("only " + leader.displayName() + " can change it"),
                        not(containsString("data-copy")), not(containsString("Save my rating")))));
        submit(region, "/leadership/rounds/" + round + "/invitations", "people", "x")
                .andExpect(result -> assertThat(result.getFlashMap().get("problem")).isNotNull());
        assertThat(invitations.list(leader, round)).hasSize(3);
        AppUser staff = fixtures.person(Role.STAFF, chain.outletA().id());
        page(staff, "/leadership/rounds/" + round, "en").andExpect(status().isNotFound());
        page(staff, "/leadership", "en").andExpect(status().isOk())
                .andExpect(content().string(not(containsString("春季评估"))));
        AppUser auditor = fixtures.person(Role.AUDITOR, chain.region().id());
        page(auditor, "/leadership", "en").andExpect(status().isForbidden());
    }

    @Test
    void theMenuAndTheJobsPageLeadToTheQuestionnaire() throws Exception {
        page(leader, "/jobs", "en").andExpect(content().string(allOf(containsString("href=\"/leadership\""),
                containsString("Leadership questionnaire"))));
        AppUser auditor = fixtures.person(Role.AUDITOR, chain.region().id());
        page(auditor, "/jobs", "en").andExpect(content().string(not(containsString("href=\"/leadership\""))));
    }
}
