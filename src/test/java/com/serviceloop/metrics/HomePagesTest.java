package com.serviceloop.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.Fixtures;
import com.serviceloop.PageTest;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import com.serviceloop.organisation.UnitKind;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The home page per role, against a month worked out by hand. All of it happens this month, between
 * {@code base} (three hours ago, or the start of the month if that is later) and now.
 *
 * <p>Outlet A, 250 visits: a late complaint (1, resolution overdue, running), a request due in two
 * hours (2), a closed request resolved on time whose call scored 4 (3), a complaint resolved late
 * whose follow-up call is overdue (4), and praise handed over to A's manager (5). Staff own 1 to 4.
 * Cases 5; complaints 2 / 250 visits = 8.0 per 1,000; deadlines due 4 (1 late running, 3 on time,
 * 4 late, 4's call late running), met 1 = 25.0 %; calls with a score 1, average 4.0; late now 2 (1 and 4).
 *
 * <p>Outlet B, 100 visits: two complaints resolved on time, calls scoring 5 and 2. Cases 2;
 * 2 / 100 = 20.0 per 1,000; 2 of 2 deadlines = 100.0 %; (5 + 2) / 2 = 3.5; late now 0.
 *
 * <p>The region: cases 7; 4 / 350 = 11.4 per 1,000; 3 of 6 = 50.0 %; (4 + 5 + 2) / 3 = 3.7; late now 2.
 */
class HomePagesTest extends PageTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    private Fixtures.Chain chain;
    private AppUser staff;
    private AppUser outletManager;
    private AppUser regionManager;
    private OffsetDateTime base;
    private Duration span;
    private long late;
    private long handed;
    private long customer;

    @BeforeEach
    void setUp() {
        AppUser admin = fixtures.admin();
        chain = fixtures.chain();
        long a = chain.outletA().id();
        long b = chain.outletB().id();
        staff = fixtures.person(Role.STAFF, a);
        AppUser staffB = fixtures.person(Role.STAFF, b);
        outletManager = fixtures.person(Role.MANAGER, a);
        regionManager = fixtures.person(Role.MANAGER, chain.region().id());
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime monthStart = LocalDate.now(clock.withZone(SHANGHAI)).withDayOfMonth(1).atStartOfDay(SHANGHAI)
                .toOffsetDateTime();
        base = now.minusHours(3).isBefore(monthStart) ? monthStart : now.minusHours(3);
        span = Duration.between(base, now);
        customer = fixtures.customer(admin, a, "Ms Lin");
        visits(a, customer, 250);
        visits(b, customer, 100);

        late = kase(a, staff, "COMPLAINT", "IN_PROGRESS", "Wrong dosage label on the box");
        clock(late, "RESOLUTION", at(.6), null);
        long due = kase(a, staff, "REQUEST", "ACKNOWLEDGED", "Order the cough syrup in the large bottle");
        clock(due, "RESOLUTION", now.plusHours(2), null);
        long closed = kase(a, staff, "REQUEST", "CLOSED", "Closed request about opening hours");
        clock(closed, "RESOLUTION", at(.5), at(.3));
        call(closed, "CLOSED", 4);
        long calling = kase(a, staff, "COMPLAINT", "FOLLOW_UP", "Queue at the till took twenty minutes");
        clock(calling, "RESOLUTION", at(.3), at(.5));
        clock(calling, "FOLLOW_UP", at(.7), null);
        handed = kase(a, outletManager, "PRAISE", "ACKNOWLEDGED", "Thanks to the pharmacist for her advice");
        jdbc.sql("INSERT INTO case_event (case_id, occurred_at, actor_id, kind, from_status, to_status, detail) "
                        + "VALUES (:c, :t, :p, 'HANDED_OVER', 'ACKNOWLEDGED', 'ACKNOWLEDGED', 'for the manager')")
                .param("c", handed).param("t", at(.4)).param("p", staff.id()).update();

        long pleased = kase(b, staffB, "COMPLAINT", "CLOSED", "B complaint one");
        clock(pleased, "RESOLUTION", at(.5), at(.3));
        call(pleased, "CLOSED", 5);
        long unhappy = kase(b, staffB, "COMPLAINT", "IN_PROGRESS", "B complaint two");
        clock(unhappy, "RESOLUTION", at(.5), at(.3));
        call(unhappy, "REOPENED", 2);

        notify(outletManager, late, "ESCALATION", null);
        notify(outletManager, late, "ESCALATION", at(.9)); // read already
        notify(outletManager, late, "WARNING", null);       // a warning is not an escalation
        notify(regionManager, late, "ESCALATION", null);
    }

    private OffsetDateTime at(double share) {
        return base.plus(Duration.ofMillis((long) (span.toMillis() * share)));
    }

    private void visits(long outlet, long customer, int n) {
        for (int i = 0; i < n; i++) {
            jdbc.sql("INSERT INTO visit (customer_id, outlet_id, visited_at, amount, items, dedup_key) VALUES (:c, :o, :t, 10, 1, :k)")
                    .param("c", customer).param("o", outlet).param("t", at(.2).atZoneSameInstant(SHANGHAI).toLocalDateTime())
                    .param("k", UUID.randomUUID()).update();
        }
    }

    private long kase(long outlet, AppUser owner, String type, String status, String description) {
        jdbc.sql("""
                INSERT INTO support_case (outlet_id, customer_id, channel, case_type, severity, status, description,
                    owner_id, received_by, created_at, updated_at)
                VALUES (:o, :customer, 'COUNTER', :type, 'MEDIUM', :status, :d, :p, :p, :t, :t)""")
                .param("o", outlet).param("customer", customer).param("type", type).param("status", status).param("d", description)
                .param("p", owner.id()).param("t", at(.1)).update();
        return jdbc.sql("SELECT MAX(id) FROM support_case").query(Long.class).single();
    }

    private void clock(long kase, String kind, OffsetDateTime due, OffsetDateTime stopped) {
        jdbc.sql("INSERT INTO case_clock (case_id, clock_kind, started_at, due_at, stopped_at) VALUES (:c, :k, :s, :d, :e)")
                .param("c", kase).param("k", kind).param("s", at(.1)).param("d", due).param("e", stopped).update();
    }

    private void call(long kase, String outcome, int satisfaction) {
        jdbc.sql("INSERT INTO case_follow_up (case_id, recorded_by, recorded_at, outcome, satisfaction) VALUES (:c, :p, :t, :o, :s)")
                .param("c", kase).param("p", staff.id()).param("t", at(.7)).param("o", outcome).param("s", satisfaction).update();
    }

    private void notify(AppUser to, long kase, String kind, OffsetDateTime read) {
        jdbc.sql("INSERT INTO notification (person_id, case_id, kind, clock_kind, due_at, message, created_at, read_at) "
                        + "VALUES (:p, :c, :k, 'RESOLUTION', :d, 'm', :t, :r)")
                .param("p", to.id()).param("c", kase).param("k", kind).param("d", at(.6)).param("t", at(.8))
                .param("r", read).update();
    }

    private String home(AppUser who, String language) throws Exception {
        return page(who, "/", language).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** What a person reads: the page without its tags, in one line. */
    private static String text(String html) {
        return html.replaceAll("<[^>]+>", " ").replace("&#39;", "'").replaceAll("\\s+", " ");
    }

    /** The league table's row of one outlet, as read. */
    private static String row(String html, long outletId) {
        int start = html.indexOf("data-outlet=\"" + outletId + "\"");
        assertThat(start).as("row of outlet " + outletId).isPositive();
        return text(html.substring(start, html.indexOf("</tr>", start))).replaceFirst("^[^>]*>", "").strip();
    }

    @Test
    void staffSeeTheButtonTheirOpenCasesAndTheirCalls() throws Exception {
        String en = home(staff, "en");
        assertThat(en).contains("class=\"button big\" href=\"/cases/new\">Record a case</a>");
        String read = text(en);
        // 1, 2 and 4 are open and theirs; 3 is closed, 5 is the manager's. Nearest deadline first:
        // 1 (resolution due at .6), 4 (its call, due at .7), 2 (due in two hours)
        assertThat(read).contains("My open cases (3)", "My follow-up calls due (1)")
                .doesNotContain("Closed request about opening hours", "Thanks to the pharmacist");
        assertThat(read.indexOf("Wrong dosage label")).isLessThan(read.indexOf("Queue at the till"));
        assertThat(read.indexOf("Queue at the till")).isLessThan(read.indexOf("Order the cough syrup"));
        assertThat(en).contains("class=\"chip bad\">late since", "class=\"chip\">due ");
        assertThat(en).contains("href=\"tel:138 0000 0000\"").doesNotContain("Late cases");

        String zh = text(home(staff, "zh-CN"));
        assertThat(zh).contains("登记案件", "我的未结案件（3）", "我今天要打的回访电话（1）", "起逾期", "拨打 138 0000 0000");
    }

    @Test
    void anOutletsManagerSeesWhatIsLateOrWaitingAndTheMonthSoFar() throws Exception {
        String en = home(outletManager, "en");
        String read = text(en);
        // a late case is one past its first-response or resolution deadline; a late call is listed with the calls, in red
        assertThat(read.indexOf("Late cases (1)")).isLessThan(read.indexOf("Follow-up calls due (1) Ms Lin"));
        assertThat(read).contains("Late cases (1) Wrong dosage label", "Handed over to me (1) Thanks to the pharmacist",
                "Unread escalations (1) Wrong dosage label");
        assertThat(en).contains("<li class=\"late\">").contains("href=\"/cases/" + handed + "\"");
        // this month at outlet A
        assertThat(read).contains("This month at " + chain.outletA().name(),
                "5 cases received",
                "8.0 complaints per 1,000 visits (2 complaints, 250 visits)",
                "25.0 % deadlines met (1 of 4)",
                "4.0 / 5 follow-up satisfaction, out of 5 (1 call)");
        assertThat(en).contains("href=\"/cases/indicators?from=");

        String zh = text(home(outletManager, "zh-CN"));
        assertThat(zh).contains("今天要打的回访电话（1）", "逾期案件（1）", "转交给我的案件（1）", "未读的升级提醒（1）",
                chain.outletA().name() + "本月情况", "每千次到店投诉数（投诉 2 件，到店 250 次）", "25.0%",
                "按时完成率（4 项时限中按时 1 项）", "4.0/5", "回访满意度（1 次回访）");
    }

    @Test
    void aRegionsManagerSeesItsOutletsSideBySide() throws Exception {
        String en = home(regionManager, "en");
        // A has fewer complaints per 1,000 visits, so it comes first
        assertThat(en.indexOf("data-outlet=\"" + chain.outletA().id() + "\""))
                .isLessThan(en.indexOf("data-outlet=\"" + chain.outletB().id() + "\""));
        assertThat(row(en, chain.outletA().id())).isEqualTo(chain.outletA().name() + " 5 8.0 25.0 % 4.0 2");
        assertThat(row(en, chain.outletB().id())).isEqualTo(chain.outletB().name() + " 2 20.0 100.0 % 3.5 0");
        String read = text(en);
        assertThat(read).contains("Outlets in " + chain.region().name() + " this month",
                "All outlets 7 11.4 50.0 % 3.7 2", "Unread escalations: 1.");
        assertThat(en).contains("href=\"/cases?queue=OVERDUE&amp;outletId=" + chain.outletA().id() + "&amp;open=true\"");

        String zh = home(regionManager, "zh-CN");
        assertThat(row(zh, chain.outletA().id())).isEqualTo(chain.outletA().name() + " 5 8.0 25.0% 4.0 2");
        assertThat(text(zh)).contains(chain.region().name() + "各门店本月情况", "全部门店 7 11.4 50.0% 3.7 2",
                "每千次到店投诉", "回访满意度");
    }

    @Test
    void administratorsSeeEveryOutletOfTheChain() throws Exception {
        AppUser admin = fixtures.admin();
        String en = home(admin, "en");
        assertThat(text(en)).contains("All outlets this month");
        assertThat(row(en, chain.outletA().id())).isEqualTo(chain.outletA().name() + " 5 8.0 25.0 % 4.0 2");
        assertThat(row(en, chain.outletB().id())).isEqualTo(chain.outletB().name() + " 2 20.0 100.0 % 3.5 0");
        String zh = home(admin, "zh-CN");
        assertThat(text(zh)).contains("全部门店本月情况");
        assertThat(row(zh, chain.outletB().id())).isEqualTo(chain.outletB().name() + " 2 20.0 100.0% 3.5 0");
    }

    @Test
    void emptyListsSayWhatToDoNext() throws Exception {
        AppUser newcomer = fixtures.person(Role.STAFF, fixtures.chain().outletA().id());
        assertThat(text(home(newcomer, "en"))).contains("My open cases (0)", "record it with the button above",
                "No follow-up call is due today.");
        assertThat(text(home(newcomer, "zh-CN"))).contains("您手上没有未结案件", "今天没有要打的回访电话");
        AppUser quietManager = fixtures.person(Role.MANAGER, fixtures.chain().outletB().id());
        assertThat(text(home(quietManager, "en"))).contains("No case is late.", "No one has handed you a case.",
                "No unread escalations.", "0 cases received", "(no complaints, no visits)");
        AppUser nowhere = fixtures.person(Role.MANAGER, fixtures.unit(null, UnitKind.CHAIN,
                "Empty chain").id());
        assertThat(text(home(nowhere, "zh-CN"))).contains("您负责的范围内还没有门店");
    }
}
