package com.serviceloop.demo;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.PersonService;
import com.serviceloop.staff.Review;
import com.serviceloop.staff.ReviewForms;
import com.serviceloop.staff.ReviewService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Two review cycles for the staff of the first four outlets, by their outlet's manager: the half
 * year before last, discussed with goals, and the last half year, whose review checks those goals.
 * In the latest cycle the last person of each outlet still waits for the discussion.
 */
@Component
class DemoReviews {
    private static final String[] SELF_NOTES = {"招呼顾客比以前主动，排队高峰时还会紧张", "用药讲解更有耐心了，处方审核要再细一些",
            "会员积分问题处理得快，推荐关联商品还不够自然", "收银准确，遇到投诉时需要先稳定顾客情绪"};
    private static final String[] MANAGER_NOTES = {"顾客多次点名表扬，值得肯定", "高峰期能主动补位，但交接记录常有遗漏",
            "专业知识扎实，讲解时可以少用术语", "态度认真，处理投诉时要及时上报店长"};
    private static final String[] GOALS = {"高峰时主动开第二个收银台，排队不超过 3 人", "每位慢病顾客离店前讲清用法用量",
            "投诉当天回复顾客并记录在案", "带教一名新同事完成招呼顾客的训练", "每周检查一次近效期商品"};
    private static final String[] OUTCOMES = {"MET", "PARTLY", "NOT_MET", "MET"};
    private final ReviewService reviews;
    private final PersonService people;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoReviews(ReviewService reviews, PersonService people, JdbcClient jdbc, Clock clock) {
        this.reviews = reviews;
        this.people = people;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    int load(List<OrgUnit> outlets) {
        Random rnd = new Random(20261130L);
        LocalDate today = LocalDate.now(clock);
        LocalDate lastMonthEnd = today.withDayOfMonth(1).minusDays(1);
        int n = 0;
        for (OrgUnit outlet : outlets.subList(0, Math.min(4, outlets.size()))) {
            AppUser manager = people.get(jdbc.sql("SELECT MIN(id) FROM person WHERE role = 'MANAGER' AND scope_unit_id = :o")
                    .param("o", outlet.id()).query(Long.class).single()).asUser();
            List<Long> staff = jdbc.sql("""
                    SELECT p.id FROM person p LEFT JOIN org_unit t ON t.id = p.team_id
                    WHERE p.role = 'STAFF' AND (p.scope_unit_id = :o OR t.parent_id = :o) ORDER BY p.id""")
                    .param("o", outlet.id()).query(Long.class).list();
            for (int i = 0; i < staff.size(); i++) {
                long person = staff.get(i);
                AppUser self = people.get(person).asUser();
                cycle(manager, self, lastMonthEnd.minusMonths(12).plusDays(1), lastMonthEnd.minusMonths(6), rnd,
                        true, lastMonthEnd.minusMonths(6).plusDays(10));
                Review second = reviews.prepare(manager, new ReviewForms.Prepare(person, lastMonthEnd.minusMonths(6).plusDays(1),
                        lastMonthEnd));
                for (Review.Goal g : second.toCheck()) {
                    reviews.check(manager, second.id(), g.id(), new ReviewForms.Check(OUTCOMES[rnd.nextInt(OUTCOMES.length)]));
                }
                finish(manager, self, second, rnd, i < staff.size() - 1, today.minusDays(3));
                n += 2;
            }
        }
        return n;
    }

    private Review cycle(AppUser manager, AppUser self, LocalDate from, LocalDate to, Random rnd, boolean discuss,
                         LocalDate discussedOn) {
        Review r = reviews.prepare(manager, new ReviewForms.Prepare(self.id(), from, to));
        finish(manager, self, r, rnd, discuss, discussedOn);
        return r;
    }

    /** Both assessments, and the discussion with two goals when {@code discuss}. */
    private void finish(AppUser manager, AppUser self, Review r, Random rnd, boolean discuss, LocalDate discussedOn) {
        List<ReviewForms.Rating> mine = new ArrayList<>();
        List<ReviewForms.Rating> theirs = new ArrayList<>();
        for (Review.StandardRef s : r.standards()) {
            int rating = 3 + rnd.nextInt(3);
            mine.add(new ReviewForms.Rating(s.id(), rating));
            theirs.add(new ReviewForms.Rating(s.id(), Math.max(1, rating - rnd.nextInt(2))));
        }
        reviews.assess(self, r.id(), new ReviewForms.Assess(SELF_NOTES[rnd.nextInt(SELF_NOTES.length)], mine));
        reviews.assess(manager, r.id(), new ReviewForms.Assess(MANAGER_NOTES[rnd.nextInt(MANAGER_NOTES.length)], theirs));
        if (!discuss) {
            return;
        }
        List<ReviewForms.Goal> goals = new ArrayList<>();
        int g = rnd.nextInt(GOALS.length);
        for (int k = 0; k < 2; k++) {
            Long standard = r.standards().isEmpty() ? null : r.standards().get((g + k) % r.standards().size()).id();
            // the first goal of the latest cycle falls due within the week, so its reminder is in the outbox
            int days = k == 0 ? 6 : 90;
            goals.add(new ReviewForms.Goal(standard, GOALS[(g + k) % GOALS.length], discussedOn.plusDays(days)));
        }
        reviews.discuss(manager, r.id(), new ReviewForms.Discuss(discussedOn, "面谈约四十分钟，双方对照岗位标准逐项交流",
                "待客热情，顾客信任", goals));
    }
}
