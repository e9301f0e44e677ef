package com.serviceloop.demo;

import com.serviceloop.customer.ContactHistoryImport;
import com.serviceloop.customer.ContactHistoryImport.DueItem;
import com.serviceloop.customer.ContactHistoryImport.PastContact;
import com.serviceloop.customer.ContactKind;
import com.serviceloop.customer.ContactOutcome;
import com.serviceloop.customer.ContactRuleForm;
import com.serviceloop.customer.ContactRules;
import com.serviceloop.customer.CustomerBulkLoad;
import com.serviceloop.customer.CustomerBulkLoad.Member;
import com.serviceloop.customer.CustomerBulkLoad.NewCustomer;
import com.serviceloop.customer.CustomerBulkLoad.NewVisit;
import com.serviceloop.customer.RosterGroup;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.PersonService;
import com.serviceloop.organisation.Role;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The chain's contact plan with a year of use: four chain-wide rules (thank the truly loyal every
 * quarter, ask latent customers what keeps them away, win back lapsed regulars within 30 days,
 * refill reminders), a few customers on chronic medication and a few regulars who stopped coming,
 * and the due lists of the past year replayed fortnightly with the calls the outlets made. Reached
 * customers of a win-back or a refill come back a little more often, so the effect page has
 * something to compare.
 */
@Component
class DemoContacts {
    static final int EXTRA_CUSTOMERS = 80;
    private static final String[][] NOTES = {
            {"REACHED", "顾客表示感谢，对药师讲解很满意", "顾客说最近工作忙，有空会来", "顾客询问会员积分兑换规则"},
            {"NO_ANSWER", "无人接听，稍后再试", "电话占线"},
            {"DECLINED", "顾客表示不需要，已礼貌结束通话", "顾客不方便通话"},
            {"WILL_COME_BACK", "顾客说这周末来店里取药", "顾客表示药快吃完了，明天过来", "提醒续药，顾客表示会按时来"},
            {"COMPLAINT_RAISED", "顾客反映上次结账排队太久", "顾客投诉某药品缺货多次"},
            {"WRONG_NUMBER", "号码已停用"}};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "周"};
    private static final String[] GIVEN = {"桂芳", "建华", "淑珍", "国强", "玉兰", "志明"};
    private final ContactRules rules;
    private final ContactHistoryImport history;
    private final CustomerBulkLoad customerLoad;
    private final PersonService people;
    private final Clock clock;

    DemoContacts(ContactRules rules, ContactHistoryImport history, CustomerBulkLoad customerLoad, PersonService people,
                 Clock clock) {
        this.rules = rules;
        this.history = history;
        this.customerLoad = customerLoad;
        this.people = people;
        this.clock = clock;
    }

    /** Returns the number of contacts recorded. */
    int load(Random rnd, List<OrgUnit> outlets, String suffix) {
        // the demo writes its chain-wide rules as an administrator would
        AppUser admin = new AppUser(0, "demo", null, "Demo", Role.ADMIN, null);
        rules.create(admin, new ContactRuleForm(null, "每季度感谢真正忠诚顾客", ContactKind.THANK, RosterGroup.TRULY_LOYAL,
                90, 7, null, null, null, true, null), true);
        rules.create(admin, new ContactRuleForm(null, "问候潜在忠诚顾客，了解少来的原因", ContactKind.ASK_LATENT, null,
                180, 0, null, null, null, true, null), true);
        rules.create(admin, new ContactRuleForm(null, "流失常客 30 天内挽回", ContactKind.WIN_BACK, RosterGroup.LAPSED_HEAVY,
                null, 0, 300, 30, null, true, null), true);
        rules.create(admin, new ContactRuleForm(null, "慢病续药提醒", ContactKind.REFILL, null, null, 3, null, null, null,
                true, null), true);
        LocalDate today = LocalDate.now(clock);
        // every visit key written, so that a win-back visit never repeats one (the draws depend on the day)
        Set<UUID> keys = new HashSet<>();
        Map<Long, Member> members = extraCustomers(rnd, outlets, suffix, today, keys);
        Map<Long, List<Long>> staff = new HashMap<>();
        outlets.forEach(o -> staff.put(o.id(), people.activeStaffIds(o.id())));
        return history.replay(outlets.stream().map(OrgUnit::id).toList(), today.minusDays(364), 14,
                item -> decide(rnd, item, today, staff, members, keys));
    }

    private PastContact decide(Random rnd, DueItem item, LocalDate today, Map<Long, List<Long>> staff,
                               Map<Long, Member> members, Set<UUID> keys) {
        // the last few days' items are still waiting on today's list; three in ten are never called
        if (!item.dueOn().isBefore(today.minusDays(3)) || rnd.nextInt(10) < 3) {
            return null;
        }
        List<Long> callers = staff.get(item.outletId());
        if (callers == null || callers.isEmpty()) {
            return null;
        }
        int p = rnd.nextInt(100);
        ContactOutcome outcome = p < 42 ? ContactOutcome.REACHED : p < 62 ? ContactOutcome.NO_ANSWER
                : p < 70 ? ContactOutcome.DECLINED : p < 92 ? ContactOutcome.WILL_COME_BACK
                : p < 97 ? ContactOutcome.COMPLAINT_RAISED : ContactOutcome.WRONG_NUMBER;
        String[] notes = NOTES[outcome.ordinal()];
        LocalDateTime at = item.dueOn().plusDays(rnd.nextInt(4)).atTime(9 + rnd.nextInt(9), rnd.nextInt(60));
        boolean reached = outcome != ContactOutcome.NO_ANSWER && outcome != ContactOutcome.WRONG_NUMBER;
        boolean nudged = item.kind() == ContactKind.WIN_BACK || item.kind() == ContactKind.REFILL;
        Member m = members.get(item.customerId());
        if (reached && nudged && m != null && rnd.nextInt(100) < 45 && at.plusDays(10).toLocalDate().isBefore(today)) {
            LocalDateTime back = at.plusDays(2 + rnd.nextInt(8)).withHour(10 + rnd.nextInt(8));
            UUID key = UUID.nameUUIDFromBytes((m.memberNo() + back).getBytes(StandardCharsets.UTF_8));
            if (keys.add(key)) {
                customerLoad.insertVisits(List.of(new NewVisit(m.id(), m.homeOutletId(), back, new BigDecimal("86.50"), 2,
                        key)));
            }
        }
        return new PastContact(at, outcome, notes[1 + rnd.nextInt(notes.length - 1)],
                callers.get(rnd.nextInt(callers.size())));
    }

    /**
     * Forty customers on chronic medication (a visit about every 30 days for 18 months, some stopping
     * along the way) and forty regulars who came weekly for 60 weeks and then stopped, at some point
     * in the last two years.
     */
    private Map<Long, Member> extraCustomers(Random rnd, List<OrgUnit> outlets, String suffix, LocalDate today,
                                             Set<UUID> keys) {
        List<NewCustomer> rows = new ArrayList<>();
        for (int i = 0; i < EXTRA_CUSTOMERS; i++) {
            OrgUnit home = outlets.get(i % outlets.size());
            rows.add(new NewCustomer("DC%03d%s".formatted(i + 1, suffix),
                    SURNAMES[rnd.nextInt(SURNAMES.length)] + GIVEN[rnd.nextInt(GIVEN.length)],
                    "13%d %04d %04d".formatted(5 + rnd.nextInt(4), rnd.nextInt(10000), rnd.nextInt(10000)), home.id(),
                    rnd.nextBoolean() ? "FEMALE" : "MALE", i < 40 ? "AGE_65_PLUS" : "AGE_35_44", null, null, null,
                    null, i < 40 ? "每月固定购买慢病用药" : "每周来店", null, 5 + rnd.nextInt(6), true, false, true));
        }
        List<Member> stored = customerLoad.insertCustomers(rows);
        List<NewVisit> visits = new ArrayList<>();
        Map<Long, Member> byId = new HashMap<>();
        for (int i = 0; i < stored.size(); i++) {
            Member m = stored.get(i);
            byId.put(m.id(), m);
            LocalDate last = i < 40 ? today.minusDays(rnd.nextInt(10) < 7 ? rnd.nextInt(25) : 60 + rnd.nextInt(200))
                    : today.minusDays(300 + rnd.nextInt(390));
            int count = i < 40 ? 18 : 60;
            for (int v = 0; v < count; v++) {
                int gap = i < 40 ? 28 + rnd.nextInt(5) : 7;
                LocalDateTime at = last.minusDays((long) v * gap).atTime(9 + rnd.nextInt(10), rnd.nextInt(60));
                // the gap is drawn per visit, so two visits of a customer can land on the same minute: keep one
                UUID key = UUID.nameUUIDFromBytes((m.memberNo() + at).getBytes(StandardCharsets.UTF_8));
                if (keys.add(key)) {
                    visits.add(new NewVisit(m.id(), m.homeOutletId(), at, new BigDecimal(i < 40 ? "128.00" : "45.60"),
                            i < 40 ? 3 : 1, key));
                }
            }
        }
        customerLoad.insertVisits(visits);
        return byId;
    }
}
