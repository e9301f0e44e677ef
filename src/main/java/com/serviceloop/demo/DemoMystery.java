package com.serviceloop.demo;

import com.serviceloop.audit.AuditForm;
import com.serviceloop.audit.AuditForms;
import com.serviceloop.audit.AuditHistoryImport.PastAnswer;
import com.serviceloop.audit.FormItem;
import com.serviceloop.audit.FormVersion;
import com.serviceloop.audit.MysteryHistoryImport;
import com.serviceloop.audit.MysteryHistoryImport.PastDebrief;
import com.serviceloop.audit.MysteryHistoryImport.PastVisit;
import com.serviceloop.audit.MysteryProgramme;
import com.serviceloop.audit.MysteryProgrammeForm;
import com.serviceloop.audit.MysteryProgrammes;
import com.serviceloop.audit.MysteryShoppers;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.Person;
import com.serviceloop.organisation.PersonForm;
import com.serviceloop.organisation.PersonService;
import com.serviceloop.organisation.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One mystery-shopping programme over the demo's 18 months on the walk-around form: three shoppers with nicknames
 * visit each outlet about every two months in turn (so none returns within the two-month period), most reports
 * accepted, a few returned or rejected, one waiting for review, open visits ahead, debriefs on the recent ones.
 * Its own random stream, so the rest of the demo stays as it was.
 */
@Component
class DemoMystery {
    private static final Logger log = LoggerFactory.getLogger(DemoMystery.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Shoppers see the outlets a little less kindly than the region managers do. */
    private static final double[] BASE = {0.78, 0.84, 0.66, 0.76, 0.83, 0.70};
    private static final double[] TREND = {0.003, 0.001, 0.011, 0.002, -0.010, 0.008};
    private static final String[][] SHOPPERS = {{"林晓岚", "小蓝"}, {"周青青", "小青"}, {"陈紫涵", "阿紫"}};
    private static final String[] WELL = {"进店五秒内就有店员招呼，语气亲切", "药师主动询问过敏史和正在服用的药",
            "结账时清楚说明了用法用量", "顾客犹豫时没有强行推销"};
    private static final String[] IMPROVE = {"提出价格异议后，店员只说“都一样”，没有解释区别", "高峰时段咨询区无人，等了三分钟",
            "没有复述顾客的症状就拿了药", "药袋上没有写服用时间"};
    private static final String[] ACTIONS = {"店长在周一班前会上演练价格异议的回答", "高峰时段安排一名药师专职咨询",
            "在收银台放置用法用量标签，结账前逐盒核对"};
    private final OrgService org;
    private final PersonService people;
    private final AuditForms forms;
    private final MysteryProgrammes programmes;
    private final MysteryShoppers shoppers;
    private final MysteryHistoryImport history;
    private final Clock clock;

    DemoMystery(OrgService org, PersonService people, AuditForms forms, MysteryProgrammes programmes,
                MysteryShoppers shoppers, MysteryHistoryImport history, Clock clock) {
        this.org = org;
        this.people = people;
        this.forms = forms;
        this.programmes = programmes;
        this.shoppers = shoppers;
        this.history = history;
        this.clock = clock;
    }

    /** The number of visits loaded; none when the walk-around form is missing. */
    int load(List<OrgUnit> outlets, int months, String suffix) {
        AuditForm walk = forms.list("pharmacy").stream().filter(f -> f.publishedVersionNo() != null).findFirst().orElse(null);
        if (walk == null) {
            return 0;
        }
        Random rnd = new Random(20261130L);
        long chainId = org.find(outlets.getFirst().parentId()).orElseThrow().parentId();
        Person quality = people.activeSignInStaff(List.of(chainId)).stream().filter(p -> p.role() == Role.MANAGER)
                .findFirst().orElseThrow();
        AppUser author = new AppUser(quality.id(), quality.username(), quality.passwordHash(), quality.displayName(),
                quality.role(), quality.scopeUnitId());
        StringBuilder logins = new StringBuilder("Demo shopper sign-in (passwords shown this once):");
        List<Long> shopperIds = new ArrayList<>();
        for (int i = 0; i < SHOPPERS.length; i++) {
            byte[] b = new byte[12];
            new SecureRandom().nextBytes(b);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            Person p = people.create(new PersonForm(SHOPPERS[i][0], "shopper" + (i + 1) + suffix, password, Role.SHOPPER,
                    chainId, null, null, null, true, null));
            shoppers.nickname(p.id(), SHOPPERS[i][1] + suffix);
            shopperIds.add(p.id());
            logins.append("\n    shopper").append(i + 1).append(suffix).append("  ").append(password);
        }
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        LocalDate from = today.minusMonths(months - 1L).withDayOfMonth(1);
        MysteryProgramme p = programmes.create(author, new MysteryProgrammeForm("顾客眼中的柜台服务", "从普通顾客的角度检查柜台的招呼、"
                + "用药咨询和异议处理，找出巡店时看不到的差距", walk.id(), from, today.plusMonths(2), 1, 2,
                outlets.stream().map(OrgUnit::id).toList(), List.of(
                new MysteryProgrammeForm.MysteryScenarioForm("给七十岁的母亲买止咳药", "她有高血压，晚上咳得睡不着", "这个太贵了，有没有便宜一点的？"),
                new MysteryProgrammeForm.MysteryScenarioForm("给三岁的孩子买维生素D", "孩子不爱晒太阳，想给他补一补", "网上买只要一半的价钱"),
                new MysteryProgrammeForm.MysteryScenarioForm("凭处方取降压药", "医生说要换一种药，我有点担心副作用", "要等这么久？我赶时间")), null));
        FormVersion form = forms.latest(walk.id());
        List<FormItem> items = form.items().filter(i -> !i.answerType().upload()).toList();
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<PastVisit> visits = new ArrayList<>();
        for (int o = 0; o < outlets.size(); o++) {
            for (int m = o % 2; m < months + 2; m += 2) {
                LocalDate day = from.plusMonths(m).plusDays(3 + rnd.nextInt(22));
                long shopper = shopperIds.get((m / 2 + o) % shopperIds.size());
                Long scenario = p.scenarios().get(rnd.nextInt(p.scenarios().size())).id();
                OffsetDateTime at = day.atTime(10 + rnd.nextInt(9), rnd.nextInt(60)).atZone(ZONE).toOffsetDateTime();
                if (day.isAfter(p.windowTo())) {
                    continue;
                }
                if (at.isAfter(now.minusDays(3))) {
                    visits.add(new PastVisit(outlets.get(o).id(), shopper, scenario, day, at, "ASSIGNED", null, null,
                            List.of(), null));
                    continue;
                }
                double q = Math.clamp(BASE[o] + TREND[o] * m + rnd.nextGaussian() * 0.05, 0.3, 0.98);
                List<PastAnswer> answers = items.stream().map(i -> DemoAudits.answer(rnd, i, rnd.nextDouble() < q, q))
                        .toList();
                boolean recent = at.isAfter(now.minusMonths(4));
                int roll = rnd.nextInt(20);
                String status = recent && o == 3 && at.isAfter(now.minusDays(20)) ? "SUBMITTED"
                        : roll == 0 ? "REJECTED" : roll == 1 && recent ? "RETURNED" : "ACCEPTED";
                String comment = switch (status) {
                    case "REJECTED" -> "小票时间与填写的到访时间相差两个小时，本次报告不予采用";
                    case "RETURNED" -> "“咨询区整洁”一项打了0分，但备注写的是整洁，请核对后重新提交";
                    default -> null;
                };
                int rating = status.equals("REJECTED") ? 1 + rnd.nextInt(2) : 3 + rnd.nextInt(3);
                LocalDate held = day.plusDays(5 + rnd.nextInt(5));
                PastDebrief debrief = status.equals("ACCEPTED") && recent ? new PastDebrief(held.isAfter(today) ? today : held,
                        WELL[rnd.nextInt(WELL.length)], IMPROVE[rnd.nextInt(IMPROVE.length)],
                        ACTIONS[rnd.nextInt(ACTIONS.length)], "店长、当班药师和两名店员") : null;
                visits.add(new PastVisit(outlets.get(o).id(), shopper, scenario, day, at, status, rating, comment, answers,
                        debrief));
            }
        }
        int loaded = history.load(p, author.id(), author.id(), visits);
        log.info(logins.toString());
        return loaded;
    }
}
