package com.serviceloop.demo;

import com.serviceloop.audit.AnswerType;
import com.serviceloop.audit.AuditForms;
import com.serviceloop.audit.AuditHistoryImport;
import com.serviceloop.audit.AuditHistoryImport.PastAction;
import com.serviceloop.audit.AuditHistoryImport.PastAnswer;
import com.serviceloop.audit.AuditHistoryImport.PastAudit;
import com.serviceloop.audit.AuditHistoryPhotos;
import com.serviceloop.audit.DraftForm;
import com.serviceloop.audit.FormItem;
import com.serviceloop.audit.FormVersion;
import com.serviceloop.audit.NewForm;
import com.serviceloop.audit.ScheduleForm;
import com.serviceloop.audit.Schedules;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.Person;
import com.serviceloop.organisation.PersonService;
import com.serviceloop.organisation.Role;
import com.serviceloop.standard.StandardService;
import com.serviceloop.standard.StarterService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Monthly walk-around audits of the demo outlets by their region managers, on a form built from the pharmacy
 * standards: Jiefang Rd and Dongmen improving, Futian slipping, three critical misses (no pharmacist at the
 * counter), Chinese notes on what was missed and corrective actions on the recent misses.
 */
@Component
class DemoAudits {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final double[] BASE = {0.82, 0.86, 0.70, 0.80, 0.86, 0.72};
    private static final double[] TREND = {0.002, 0.001, 0.012, 0.003, -0.012, 0.008};
    private static final String[] NOTES = {"顾客进店后等了约一分钟才有人招呼", "处方交接超时，药师正在盘点", "药盒上没有写用法用量",
            "结账时没有提示扫码评价", "店员未佩戴工牌", "没有复述顾客症状就推荐了药品", "咨询区被货箱占用",
            "推荐的保健品与顾客需求不符", "退换货处理等了一刻钟"};
    private final OrgService org;
    private final PersonService people;
    private final StandardService standards;
    private final StarterService starter;
    private final AuditForms forms;
    private final AuditHistoryImport history;
    private final AuditHistoryPhotos photos;
    private final Schedules schedules;
    private final Clock clock;

    DemoAudits(OrgService org, PersonService people, StandardService standards, StarterService starter, AuditForms forms,
               AuditHistoryImport history, AuditHistoryPhotos photos, Schedules schedules, Clock clock) {
        this.photos = photos;
        this.schedules = schedules;
        this.org = org;
        this.people = people;
        this.standards = standards;
        this.starter = starter;
        this.forms = forms;
        this.history = history;
        this.clock = clock;
    }

    private Person manager(long unitId) {
        return people.activeSignInStaff(List.of(unitId)).stream().filter(p -> p.role() == Role.MANAGER).findFirst()
                .orElseThrow();
    }

    /** The number of audits loaded. */
    int load(Random rnd, List<OrgUnit> outlets, int months) {
        long chainId = org.find(outlets.getFirst().parentId()).orElseThrow().parentId();
        Person quality = manager(chainId);
        AppUser author = new AppUser(quality.id(), quality.username(), quality.passwordHash(), quality.displayName(),
                quality.role(), quality.scopeUnitId());
        // the standards module's starter library, unless the chain has written its pharmacy standards already
        if (standards.list("pharmacy", false).isEmpty()) {
            starter.apply(author, "pharmacy", "pharmacy", Locale.SIMPLIFIED_CHINESE);
        }
        FormVersion draft = forms.create(author, new NewForm("pharmacy", "月度巡店检查表"));
        Set<String> heavy = Set.of("TIMELINESS", "ATTITUDE", "ORGANISATION");
        List<DraftForm.Section> sections = draft.sections().stream().map(s -> new DraftForm.Section(s.areaCode(),
                heavy.contains(s.areaCode()) ? BigDecimal.TWO : BigDecimal.ONE, s.items().stream()
                .map(i -> new DraftForm.Item(i.standardId(), null, i.answerType(), BigDecimal.ONE,
                        s.areaCode().equals("ORGANISATION") && i.answerType().scored(),
                        s.areaCode().equals("ADAPTABILITY") || s.areaCode().equals("ANTICIPATION"), true)).toList()))
                .collect(Collectors.toCollection(ArrayList::new));
        // a photo of the shop front closes the walk-around (the demo's latest audits carry one each)
        DraftForm.Section last = sections.getLast();
        List<DraftForm.Item> closing = new ArrayList<>(last.items());
        closing.add(new DraftForm.Item(null, "门头与店堂全景照片", AnswerType.PHOTO, BigDecimal.ONE, false, false, false, null,
                null));
        sections.set(sections.size() - 1, new DraftForm.Section(last.areaCode(), last.weight(), closing));
        forms.saveDraft(author, draft.formId(), new DraftForm("月度巡店检查表", sections, null));
        FormVersion form = forms.publish(author, draft.formId());
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate start = now.atZoneSameInstant(ZONE).toLocalDate().minusMonths(months - 1L).withDayOfMonth(1);
        List<PastAudit> audits = new ArrayList<>();
        for (int o = 0; o < outlets.size(); o++) {
            OrgUnit outlet = outlets.get(o);
            long auditor = manager(outlet.parentId()).id();
            long outletManager = manager(outlet.id()).id();
            for (int m = 0; m < months; m++) {
                LocalDate due = start.plusMonths(m).plusDays(14);
                OffsetDateTime at = due.plusDays(rnd.nextInt(10) - 4L).atTime(10 + rnd.nextInt(6), rnd.nextInt(60))
                        .atZone(ZONE).toOffsetDateTime();
                if (at.isAfter(now)) {
                    continue;
                }
                double q = Math.clamp(BASE[o] + TREND[o] * m + rnd.nextGaussian() * 0.04, 0.3, 0.98);
                boolean criticalMiss = o == 4 && (m == months - 2 || m == months - 5) || o == 2 && m == 3;
                boolean recent = at.isAfter(now.minusMonths(4));
                List<PastAnswer> answers = new ArrayList<>();
                List<PastAction> actions = new ArrayList<>();
                for (FormItem item : form.items().filter(i -> !i.answerType().upload()).toList()) {
                    PastAnswer a = answer(rnd, item, item.critical() ? !criticalMiss : rnd.nextDouble() < q, q);
                    answers.add(a);
                    boolean missed = "NOT_MET".equals(a.choice()) || a.text() != null;
                    if (missed && (item.critical() || recent && rnd.nextInt(10) < 4)) {
                        OffsetDateTime doneAt = at.plusDays(8).isBefore(now) ? at.plusDays(8) : null;
                        actions.add(new PastAction(item.id(), outletManager, at.toLocalDate().plusDays(14),
                                item.critical() ? "排班保证营业时间柜台始终有药师在岗" : "店长组织班前会，对照标准逐项复训", doneAt));
                    }
                }
                audits.add(new PastAudit(outlet.id(), auditor, due, at, at.plusMinutes(50),
                        at.isBefore(now.minusDays(10)) ? outletManager : null, answers, actions));
            }
        }
        int loaded = history.load(draft.formId(), audits);
        photos.attach(draft.formId(), 3, DemoPhotos::shopFront);
        // the monthly walk-around planned ahead for each outlet by its region manager; the slipping outlet's is late
        LocalDate today = now.atZoneSameInstant(ZONE).toLocalDate();
        for (int o = 0; o < outlets.size(); o++) {
            OrgUnit outlet = outlets.get(o);
            LocalDate next = o == 4 ? today.minusDays(6) : today.plusDays(3L + o * 5L);
            schedules.create(author, new ScheduleForm(outlet.id(), draft.formId(), 1, manager(outlet.parentId()).id(), next));
        }
        return loaded;
    }

    /** A missed answer carries a note (its text), so the demo can tell a miss from a pass without the scoring rules. */
    static PastAnswer answer(Random rnd, FormItem item, boolean kept, double q) {
        if (item.naAllowed() && rnd.nextInt(10) == 0) {
            return new PastAnswer(item.id(), null, null, null, null, true);
        }
        String note = kept ? null : NOTES[rnd.nextInt(NOTES.length)];
        if (item.answerType() == AnswerType.SCALE) {
            return new PastAnswer(item.id(), null, Math.clamp(Math.round(4 * q + rnd.nextGaussian() * 0.7), 0, 4), null,
                    null, false);
        }
        if (item.answerType() != AnswerType.MEASURED) {
            return new PastAnswer(item.id(), kept ? "MET" : "NOT_MET", null, null, note, false);
        }
        BigDecimal target = item.targetValue();
        boolean ceiling = item.targetUnit().isTime();
        double factor = ceiling ? kept ? 0.5 + rnd.nextDouble() * 0.5 : 1.2 + rnd.nextDouble() : kept ? 1 : 0.8;
        BigDecimal value = target.multiply(BigDecimal.valueOf(factor)).setScale(0, ceiling ? RoundingMode.HALF_UP
                : kept ? RoundingMode.CEILING : RoundingMode.FLOOR);
        if (!ceiling && !kept && value.compareTo(target) >= 0) {
            value = target.subtract(BigDecimal.ONE).max(BigDecimal.ZERO);
        }
        return new PastAnswer(item.id(), null, null, value, note, false);
    }
}
