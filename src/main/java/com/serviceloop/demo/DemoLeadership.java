package com.serviceloop.demo;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.PersonService;
import com.serviceloop.team.LeadershipActionForm;
import com.serviceloop.team.LeadershipInvitation;
import com.serviceloop.team.LeadershipInvitationForm;
import com.serviceloop.team.LeadershipPlan;
import com.serviceloop.team.LeadershipRaters;
import com.serviceloop.team.LeadershipRoundForm;
import com.serviceloop.team.LeadershipScoresForm;
import com.serviceloop.team.LeadershipService;
import com.serviceloop.team.Principle;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two outlet managers run a leadership round. The first rated themself and six colleagues and staff
 * answered, so the map shows (others see them strong on communication, weak on reward and
 * motivation, which they rate higher themselves) and they wrote a plan; the second has two answers
 * so far and waits for a third. All through the same services as the pages and the rater links.
 */
@Component
class DemoLeadership {
    /** Items 1–4 communication, 5–8 positive force, 9–12 reward, 13–16 authority, 17–20 decisions. */
    private static final String FIRST_SELF = "55455444443444444444";
    private static final String[] FIRST_OTHERS = {
        "54544434323243434434", "45444344232334334344", "54454443322343343443",
        "44543444233233434434", "45444444323334344343", "54444344232243333444"};
    private static final String SECOND_SELF = "44444344334344343443";
    private static final String[] SECOND_OTHERS = {"43443344333344433343", "34444434343343344434"};
    private static final String[] COLLEAGUES = {"王芳", "李强", "张敏", "刘洋", "陈静", "杨磊", "赵丽", "黄伟"};

    private final LeadershipService rounds;
    private final LeadershipRaters raters;
    private final LeadershipPlan plan;
    private final PersonService people;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoLeadership(LeadershipService rounds, LeadershipRaters raters, LeadershipPlan plan, PersonService people,
                   JdbcClient jdbc, Clock clock) {
        this.rounds = rounds;
        this.raters = raters;
        this.plan = plan;
        this.people = people;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The two rounds: the one with its map, and the one still waiting. */
    record Loaded(long mapped, long waiting) {
    }

    @Transactional
    public Loaded load(String suffix) {
        AppUser first = manager("manager1" + suffix);
        long mapped = round(first, "2026 年上半年服务领导力评估", FIRST_SELF, FIRST_OTHERS, 1);
        LocalDate today = LocalDate.now(clock);
        plan.add(first, mapped, new LeadershipActionForm(Principle.REWARD,
                "每周晨会点名表扬两位服务出色的员工，并说清楚他们具体做对了什么", today.plusDays(30), false, null));
        plan.add(first, mapped, new LeadershipActionForm(Principle.REWARD,
                "与每位员工单独谈一次，了解各自最看重的激励方式，记入员工档案", today.plusDays(60), false, null));
        plan.add(first, mapped, new LeadershipActionForm(Principle.REWARD,
                "把月度“服务之星”的评选依据改为服务标准达成率和顾客表扬信，并在店内公示", today.plusDays(90), false, null));
        plan.add(first, mapped, new LeadershipActionForm(Principle.AUTHORITY,
                "明确营业员可当场为顾客办理 200 元以内的退换货，无须请示店长", today.plusDays(14), true, null));
        AppUser second = manager("manager2" + suffix);
        long waiting = round(second, "2026 年上半年服务领导力评估", SECOND_SELF, SECOND_OTHERS, 2);
        return new Loaded(mapped, waiting);
    }

    private AppUser manager(String username) {
        long id = jdbc.sql("SELECT id FROM person WHERE username = :u").param("u", username).query(Long.class).single();
        return people.get(id).asUser();
    }

    /** A round with the leader's own scores, one link per answer given and some links still open. */
    private long round(AppUser leader, String title, String self, String[] answers, int stillOpen) {
        long id = rounds.start(leader, new LeadershipRoundForm(title)).id();
        rounds.rateSelf(leader, id, scores(self));
        List<LeadershipInvitationForm.LeadershipInvitee> invitees = new ArrayList<>();
        for (int i = 0; i < answers.length + stillOpen; i++) {
            invitees.add(new LeadershipInvitationForm.LeadershipInvitee(COLLEAGUES[i % COLLEAGUES.length], null));
        }
        List<LeadershipInvitation> links = raters.invite(leader, id, new LeadershipInvitationForm(invitees, 21));
        for (int i = 0; i < answers.length; i++) {
            String link = links.get(i).link();
            raters.answer(link.substring(link.lastIndexOf('/') + 1), scores(answers[i]));
        }
        return id;
    }

    private static LeadershipScoresForm scores(String digits) {
        return new LeadershipScoresForm(Arrays.stream(digits.split("")).map(Integer::valueOf).toList());
    }
}
