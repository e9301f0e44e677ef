package com.serviceloop.demo;

import static com.serviceloop.casework.CaseStatus.CLOSED;
import static com.serviceloop.casework.CaseStatus.FOLLOW_UP;
import static com.serviceloop.casework.CaseStatus.IN_PROGRESS;
import static com.serviceloop.casework.CaseStatus.RECEIVED;
import static com.serviceloop.casework.CaseStatus.RESOLVED;
import static com.serviceloop.casework.CaseType.COMPLAINT;
import static com.serviceloop.casework.CaseType.PRAISE;
import static com.serviceloop.casework.CaseType.REQUEST;
import static com.serviceloop.casework.CaseType.SUGGESTION;
import static com.serviceloop.casework.Severity.HIGH;
import static com.serviceloop.casework.Severity.LOW;
import static com.serviceloop.casework.Severity.MEDIUM;

import com.serviceloop.casework.CaseHistoryImport;
import com.serviceloop.casework.CaseHistoryImport.PastCall;
import com.serviceloop.casework.CaseHistoryImport.PastCase;
import com.serviceloop.casework.CaseHistoryImport.PastClock;
import com.serviceloop.casework.CaseHistoryImport.PastEvent;
import com.serviceloop.casework.CaseHistoryImport.PastFailure;
import com.serviceloop.casework.CaseStatus;
import com.serviceloop.casework.CaseType;
import com.serviceloop.casework.Channel;
import com.serviceloop.casework.Severity;
import com.serviceloop.casework.SlaKind;
import com.serviceloop.customer.CustomerBulkLoad;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.PersonService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.stereotype.Component;

/**
 * Eighteen months of cases for the demo chain: mostly closed with their clocks, follow-up calls
 * and recoveries, the last two weeks still open (some of them late, so the sweep has work), and SQI
 * failure events. Targets are counted in wall-clock minutes here; live cases use business hours.
 */
@Component
class DemoCases {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    // Chinese, English, and the topic (of the pharmacy defaults) the text is about
    private static final String[][] COMPLAINTS = {
            {"处方药缺货，顾客白跑一趟", "Prescription medicine out of stock; the customer came for nothing", "OUT_OF_STOCK"},
            {"收银排队超过十分钟", "More than ten minutes in the checkout queue", "QUEUEING"},
            {"店员解释用药剂量不清楚", "Staff could not explain the dosage clearly", "MEDICATION_ADVICE"},
            {"会员积分没有到账", "Loyalty points missing after purchase", "CHECKOUT"},
            {"电话咨询无人接听", "Nobody answered the phone enquiry", "ATTITUDE"},
            {"找零错误", "Wrong change given", "CHECKOUT"},
            {"药品包装破损", "Damaged medicine packaging", "OTHER"}};
    private static final String[][] OTHERS = {
            {"希望增加夜间营业时间", "Asks for longer evening opening hours", "OTHER"},
            {"需要代购一种进口药", "Wants an imported medicine ordered in", "OUT_OF_STOCK"},
            {"感谢药师耐心讲解", "Thanks the pharmacist for a patient explanation", "MEDICATION_ADVICE"},
            {"建议设置老人座椅", "Suggests seats for elderly customers", "OTHER"}};
    private static final Map<Severity, Integer> RESOLUTION_MINUTES = Map.of(HIGH, 240, MEDIUM, 1440, LOW, 2880);
    // the counter twice: most complaints are made in the shop
    private static final Channel[] CHANNELS = {Channel.COUNTER, Channel.COUNTER, Channel.PHONE, Channel.ONLINE,
            Channel.LETTER};
    private final PersonService people;
    private final CustomerBulkLoad customerLoad;
    private final CaseHistoryImport history;
    private final Clock clock;

    DemoCases(PersonService people, CustomerBulkLoad customerLoad, CaseHistoryImport history, Clock clock) {
        this.people = people;
        this.customerLoad = customerLoad;
        this.history = history;
        this.clock = clock;
    }

    int load(Random rnd, List<OrgUnit> outlets, int months) {
        OffsetDateTime now = OffsetDateTime.now(clock).withNano(0);
        LocalDate start = now.atZoneSameInstant(ZONE).toLocalDate().minusMonths(months);
        long days = ChronoUnit.DAYS.between(start, now.atZoneSameInstant(ZONE).toLocalDate());
        int count = 0;
        for (OrgUnit outlet : outlets) {
            List<Long> staff = people.activeStaffIds(outlet.id());
            List<Long> customers = customerLoad.customerIdsAt(outlet.id());
            List<PastCase> cases = new ArrayList<>();
            List<PastFailure> failures = new ArrayList<>();
            // outlets differ: the first ones handle complaints faster than the last ones
            double lateShare = 0.06 + 0.05 * outlets.indexOf(outlet);
            int perOutlet = 200 + rnd.nextInt(120);
            for (int i = 0; i < perOutlet; i++) {
                ZonedDateTime local = start.plusDays((long) (rnd.nextDouble() * days)).atTime(9 + rnd.nextInt(12), rnd.nextInt(60))
                        .atZone(ZONE);
                OffsetDateTime created = local.toOffsetDateTime();
                if (created.isAfter(now)) {
                    created = now.minusHours(1 + rnd.nextInt(48));
                }
                int kind = rnd.nextInt(100);
                CaseType type = kind < 60 ? COMPLAINT : kind < 78 ? REQUEST : kind < 90 ? PRAISE : SUGGESTION;
                Severity severity = type != COMPLAINT && type != REQUEST ? LOW
                        : rnd.nextInt(10) < 2 ? HIGH : rnd.nextInt(10) < 6 ? MEDIUM : LOW;
                String[] text = type == COMPLAINT ? COMPLAINTS[rnd.nextInt(COMPLAINTS.length)]
                        : type == PRAISE ? OTHERS[2] : type == SUGGESTION ? OTHERS[rnd.nextBoolean() ? 0 : 3]
                        : OTHERS[1];
                Long customer = customers.isEmpty() || rnd.nextInt(10) < 2 ? null : customers.get(rnd.nextInt(customers.size()));
                long owner = staff.get(rnd.nextInt(staff.size()));
                boolean open = created.isAfter(now.minusDays(14)) && rnd.nextInt(10) < 7;
                int target = type == COMPLAINT || type == REQUEST ? RESOLUTION_MINUTES.get(severity) : 2880;
                boolean late = rnd.nextDouble() < lateShare;
                int took = late ? target + 60 + rnd.nextInt(target * 2) : 20 + rnd.nextInt(Math.max(30, target - 30));
                OffsetDateTime firstDue = created.plusMinutes(severity == HIGH ? 30 : severity == MEDIUM ? 60 : 240);
                OffsetDateTime resolved = created.plusMinutes(took);
                CaseStatus status = open ? (resolved.isBefore(now) ? RESOLVED : rnd.nextBoolean() ? IN_PROGRESS : RECEIVED)
                        : CLOSED;
                boolean problem = type == COMPLAINT && late && rnd.nextInt(3) == 0;
                Channel channel = CHANNELS[rnd.nextInt(CHANNELS.length)];
                boolean remedied = type == COMPLAINT && !open;
                BigDecimal cost = remedied ? BigDecimal.valueOf(5 + rnd.nextInt(40)) : null;
                boolean responded = status != RECEIVED;
                OffsetDateTime firstStop = responded ? created.plusMinutes(5 + rnd.nextInt(late ? 120 : 50)) : null;
                List<PastClock> clocks = new ArrayList<>();
                clocks.add(clock(SlaKind.FIRST_RESPONSE, created, firstDue, firstStop));
                boolean resolvedYet = status == RESOLVED || status == CLOSED;
                clocks.add(clock(SlaKind.RESOLUTION, created, created.plusMinutes(target), resolvedYet ? resolved : null));
                if (resolvedYet) {
                    clocks.add(clock(SlaKind.FOLLOW_UP, resolved, resolved.plusDays(2), status == CLOSED ? resolved.plusDays(1) : null));
                }
                List<PastEvent> events = new ArrayList<>();
                events.add(new PastEvent(created, owner, "CREATED", null, RECEIVED, null));
                PastCall call = null;
                if (status == CLOSED) {
                    events.add(new PastEvent(resolved, owner, "STATUS", IN_PROGRESS, RESOLVED, null));
                    int satisfaction = late ? 3 + rnd.nextInt(2) : 3 + rnd.nextInt(3); // closed: 3 or more
                    call = new PastCall(owner, resolved.plusDays(1), "CLOSED", satisfaction, rnd.nextInt(10) < 7, null);
                    events.add(new PastEvent(resolved.plusDays(1), owner, "STATUS", FOLLOW_UP, CLOSED,
                            "Follow-up: satisfied " + satisfaction + "/5"));
                }
                List<PastFailure> lateness = late && resolvedYet
                        ? List.of(new PastFailure(outlet.id(), took - target > 1440 ? "LATE_OVER_1_DAY" : "LATE_UP_TO_1_DAY",
                                resolved.atZoneSameInstant(ZONE).toLocalDate(), resolved))
                        : List.of();
                cases.add(new PastCase(outlet.id(), customer, channel, type, severity, status, text[0] + " / " + text[1],
                        owner, created, resolvedYet ? resolved : null, status == CLOSED ? resolved.plusDays(1) : null,
                        remedied ? "致歉并送货上门 / Apology and home delivery" : null, cost, problem, clocks, events, call,
                        lateness, text[2]));
            }
            // failures that do not come from cases: unanswered calls, invoice corrections
            for (int d = 0; d < days; d += 3 + rnd.nextInt(6)) {
                failures.add(new PastFailure(outlet.id(), rnd.nextBoolean() ? "UNANSWERED_CALL" : "INVOICE_ADJUSTED",
                        start.plusDays(d), start.plusDays(d).atTime(12, 0).atZone(ZONE).toOffsetDateTime()));
            }
            // one call per outlet keeps each table's rows, and so their ids, in the order the demo always wrote them
            count += history.record(cases, failures);
        }
        return count;
    }

    /** Demo targets are wall-clock minutes, so the warning is simply at 80 % of the span. */
    private static PastClock clock(SlaKind kind, OffsetDateTime started, OffsetDateTime due, OffsetDateTime stopped) {
        long span = Duration.between(started, due).toMinutes();
        return new PastClock(kind, started, started.plusMinutes(span * 8 / 10), due, stopped);
    }
}
