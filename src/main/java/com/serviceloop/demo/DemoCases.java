package com.serviceloop.demo;

import com.serviceloop.organisation.OrgUnit;
import java.math.BigDecimal;
import java.sql.Timestamp;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Eighteen months of cases for the demo chain: mostly closed with their clocks, follow-up calls
 * and recoveries, the last two weeks still open (some of them late, so the sweep has work), and SQI
 * failure events. Targets are counted in wall-clock minutes here; live cases use business hours.
 */
@Component
class DemoCases {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String[][] COMPLAINTS = {
            {"处方药缺货，顾客白跑一趟", "Prescription medicine out of stock; the customer came for nothing"},
            {"收银排队超过十分钟", "More than ten minutes in the checkout queue"},
            {"店员解释用药剂量不清楚", "Staff could not explain the dosage clearly"},
            {"会员积分没有到账", "Loyalty points missing after purchase"},
            {"电话咨询无人接听", "Nobody answered the phone enquiry"},
            {"找零错误", "Wrong change given"},
            {"药品包装破损", "Damaged medicine packaging"}};
    private static final String[][] OTHERS = {
            {"希望增加夜间营业时间", "Asks for longer evening opening hours"},
            {"需要代购一种进口药", "Wants an imported medicine ordered in"},
            {"感谢药师耐心讲解", "Thanks the pharmacist for a patient explanation"},
            {"建议设置老人座椅", "Suggests seats for elderly customers"}};
    private static final Map<String, Integer> RESOLUTION_MINUTES = Map.of("HIGH", 240, "MEDIUM", 1440, "LOW", 2880);
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;

    DemoCases(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    int load(Random rnd, List<OrgUnit> outlets, int months) {
        OffsetDateTime now = OffsetDateTime.now(clock).withNano(0);
        LocalDate start = now.atZoneSameInstant(ZONE).toLocalDate().minusMonths(months);
        long days = ChronoUnit.DAYS.between(start, now.atZoneSameInstant(ZONE).toLocalDate());
        List<Object[]> clocks = new ArrayList<>();
        List<Object[]> calls = new ArrayList<>();
        List<Object[]> events = new ArrayList<>();
        List<Object[]> failures = new ArrayList<>();
        int count = 0;
        for (OrgUnit outlet : outlets) {
            List<Long> staff = jdbc.sql("SELECT id FROM person WHERE scope_unit_id = :o AND role IN ('STAFF', 'MANAGER') ORDER BY id")
                    .param("o", outlet.id()).query(Long.class).list();
            List<Long> customers = jdbc.sql("SELECT id FROM customer WHERE home_outlet_id = :o ORDER BY id")
                    .param("o", outlet.id()).query(Long.class).list();
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
                String type = kind < 60 ? "COMPLAINT" : kind < 78 ? "REQUEST" : kind < 90 ? "PRAISE" : "SUGGESTION";
                String severity = !type.equals("COMPLAINT") && !type.equals("REQUEST") ? "LOW"
                        : rnd.nextInt(10) < 2 ? "HIGH" : rnd.nextInt(10) < 6 ? "MEDIUM" : "LOW";
                String[] text = type.equals("COMPLAINT") ? COMPLAINTS[rnd.nextInt(COMPLAINTS.length)]
                        : type.equals("PRAISE") ? OTHERS[2] : type.equals("SUGGESTION") ? OTHERS[rnd.nextBoolean() ? 0 : 3]
                        : OTHERS[1];
                Long customer = customers.isEmpty() || rnd.nextInt(10) < 2 ? null : customers.get(rnd.nextInt(customers.size()));
                long owner = staff.get(rnd.nextInt(staff.size()));
                boolean open = created.isAfter(now.minusDays(14)) && rnd.nextInt(10) < 7;
                int target = type.equals("COMPLAINT") || type.equals("REQUEST") ? RESOLUTION_MINUTES.get(severity) : 2880;
                boolean late = rnd.nextDouble() < lateShare;
                int took = late ? target + 60 + rnd.nextInt(target * 2) : 20 + rnd.nextInt(Math.max(30, target - 30));
                OffsetDateTime firstDue = created.plusMinutes(severity.equals("HIGH") ? 30 : severity.equals("MEDIUM") ? 60 : 240);
                OffsetDateTime resolved = created.plusMinutes(took);
                String status = open ? (resolved.isBefore(now) ? "RESOLVED" : rnd.nextBoolean() ? "IN_PROGRESS" : "RECEIVED")
                        : "CLOSED";
                boolean problem = type.equals("COMPLAINT") && late && rnd.nextInt(3) == 0;
                var keys = new GeneratedKeyHolder();
                jdbc.sql("""
                        INSERT INTO support_case (outlet_id, customer_id, channel, case_type, severity, status, description,
                            owner_id, received_by, created_at, updated_at, resolved_at, closed_at, remedy, remedy_cost, problem)
                        VALUES (:o, :c, :ch, :t, :s, :st, :d, :p, :p, :at, :at, :res, :closed, :remedy, :cost, :problem)""")
                        .param("o", outlet.id()).param("c", customer)
                        .param("ch", new String[] {"COUNTER", "COUNTER", "PHONE", "ONLINE", "LETTER"}[rnd.nextInt(5)])
                        .param("t", type).param("s", severity).param("st", status).param("d", text[0] + " / " + text[1])
                        .param("p", owner).param("at", created)
                        .param("res", status.equals("RESOLVED") || status.equals("CLOSED") ? resolved : null)
                        .param("closed", status.equals("CLOSED") ? resolved.plusDays(1) : null)
                        .param("remedy", type.equals("COMPLAINT") && !open ? "致歉并送货上门 / Apology and home delivery" : null)
                        .param("cost", type.equals("COMPLAINT") && !open ? BigDecimal.valueOf(5 + rnd.nextInt(40)) : null)
                        .param("problem", problem).update(keys, "id");
                long id = keys.getKey().longValue();
                count++;
                boolean responded = !status.equals("RECEIVED");
                OffsetDateTime firstStop = responded ? created.plusMinutes(5 + rnd.nextInt(late ? 120 : 50)) : null;
                clocks.add(clock(id, "FIRST_RESPONSE", created, firstDue, firstStop));
                boolean resolvedYet = status.equals("RESOLVED") || status.equals("CLOSED");
                clocks.add(clock(id, "RESOLUTION", created, created.plusMinutes(target), resolvedYet ? resolved : null));
                if (resolvedYet) {
                    clocks.add(clock(id, "FOLLOW_UP", resolved, resolved.plusDays(2), status.equals("CLOSED") ? resolved.plusDays(1) : null));
                }
                events.add(new Object[] {id, ts(created), owner, "CREATED", null, "RECEIVED", null});
                if (status.equals("CLOSED")) {
                    events.add(new Object[] {id, ts(resolved), owner, "STATUS", "IN_PROGRESS", "RESOLVED", null});
                    int satisfaction = late ? 3 + rnd.nextInt(2) : 3 + rnd.nextInt(3); // closed: 3 or more
                    calls.add(new Object[] {id, owner, ts(resolved.plusDays(1)), "CLOSED", satisfaction, rnd.nextInt(10) < 7, null});
                    events.add(new Object[] {id, ts(resolved.plusDays(1)), owner, "STATUS", "FOLLOW_UP", "CLOSED",
                            "Follow-up: satisfied " + satisfaction + "/5"});
                }
                if (late && resolvedYet) {
                    failures.add(new Object[] {outlet.id(), took - target > 1440 ? "LATE_OVER_1_DAY" : "LATE_UP_TO_1_DAY",
                            resolved.atZoneSameInstant(ZONE).toLocalDate(), id, ts(resolved)});
                }
            }
            // failures that do not come from cases: unanswered calls, invoice corrections
            for (int d = 0; d < days; d += 3 + rnd.nextInt(6)) {
                failures.add(new Object[] {outlet.id(), rnd.nextBoolean() ? "UNANSWERED_CALL" : "INVOICE_ADJUSTED",
                        start.plusDays(d), null, ts(start.plusDays(d).atTime(12, 0).atZone(ZONE).toOffsetDateTime())});
            }
        }
        batch.batchUpdate("INSERT INTO case_clock (case_id, clock_kind, started_at, warn_at, due_at, stopped_at, "
                + "warn_pending_at, escalate_pending_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", clocks);
        batch.batchUpdate("INSERT INTO case_event (case_id, occurred_at, actor_id, kind, from_status, to_status, detail) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", events);
        batch.batchUpdate("INSERT INTO case_follow_up (case_id, recorded_by, recorded_at, outcome, satisfaction, came_back, comment) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", calls);
        batch.batchUpdate("INSERT INTO sqi_event (outlet_id, failure_code, occurred_on, quantity, case_id, created_at) "
                + "VALUES (?, ?, ?, 1, ?, ?)", failures);
        return count;
    }

    private static Object[] clock(long id, String kind, OffsetDateTime started, OffsetDateTime due, OffsetDateTime stopped) {
        long span = Duration.between(started, due).toMinutes();
        OffsetDateTime warn = started.plusMinutes(span * 8 / 10);
        return new Object[] {id, kind, ts(started), ts(warn), ts(due), ts(stopped), stopped == null ? ts(warn) : null,
                stopped == null ? ts(due) : null};
    }

    private static Timestamp ts(OffsetDateTime t) {
        return t == null ? null : Timestamp.from(t.toInstant());
    }
}
