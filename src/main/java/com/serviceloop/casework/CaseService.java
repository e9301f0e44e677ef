package com.serviceloop.casework;

import com.serviceloop.customer.CustomerForm;
import com.serviceloop.customer.CustomerService;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.Person;
import com.serviceloop.organisation.PersonRepository;
import com.serviceloop.organisation.Role;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.OutletScope;
import com.serviceloop.platform.Rows;
import com.serviceloop.platform.Text;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases from first contact to closing. Whoever records a case owns it until they hand it over to
 * a named person or team; every change is an event in an append-only history; the SLA clocks
 * follow the status (see {@link ClockEffects}) and count the outlet's business hours. A case
 * closes only through its follow-up call or a manager's waiver.
 */
@Service
public class CaseService {
    static final String SELECT = """
            SELECT c.id, c.outlet_id, o.name AS outlet_name, c.customer_id, cu.name AS customer_name, c.channel,
                   c.case_type, c.severity, c.status, c.description, c.owner_id, p.display_name AS owner_name,
                   c.owner_team_id, t.name AS owner_team_name, c.received_by, c.remedy, c.remedy_cost, c.problem,
                   c.created_at, c.updated_at, c.resolved_at, c.closed_at, c.version
            FROM support_case c JOIN org_unit o ON o.id = c.outlet_id
            LEFT JOIN person p ON p.id = c.owner_id LEFT JOIN org_unit t ON t.id = c.owner_team_id
            LEFT JOIN customer cu ON cu.id = c.customer_id""";
    private final JdbcClient jdbc;
    private final OrgService org;
    private final PersonRepository people;
    private final CustomerService customers;
    private final CalendarRepository calendars;
    private final SlaTargets targets;
    private final CaseJournal journal;
    private final OutletManagers outletManagers;
    private final CaseIntake intake;
    private final Clock clock;
    private final int warnPercent;

    public CaseService(JdbcClient jdbc, OrgService org, PersonRepository people, CustomerService customers,
                       CalendarRepository calendars, SlaTargets targets, CaseJournal journal,
                       OutletManagers outletManagers, CaseIntake intake, Clock clock,
                       @Value("${serviceloop.cases.warn-at-percent:80}") int warnPercent) {
        this.jdbc = jdbc;
        this.org = org;
        this.people = people;
        this.customers = customers;
        this.calendars = calendars;
        this.targets = targets;
        this.journal = journal;
        this.outletManagers = outletManagers;
        this.intake = intake;
        this.clock = clock;
        this.warnPercent = warnPercent;
    }

    public SupportCase get(AppUser user, long id) {
        OutletScope scope = org.scopeOf(user);
        return scope.bind(jdbc.sql(SELECT + " WHERE c.id = :id AND " + scope.sqlFilter("c.outlet_id")))
                .param("id", id).query(Rows.of(SupportCase.class)).optional()
                .orElseThrow(() -> new NotFoundException("Case", id));
    }

    /** Records a case in the caller's transaction (a case raised by a survey response commits with it). */
    @Transactional
    public SupportCase create(AppUser user, CaseForm f) {
        return intake.store(prepare(user, f));
    }

    /**
     * Records a case from the counter, the phone or the API: checked here, then stored by group
     * commit together with the other cases recorded at the same moment, and answered once committed.
     */
    public SupportCase record(AppUser user, CaseForm f) {
        return intake.write(prepare(user, f));
    }

    /** Checks the case (scope, customer), creates a customer given by name, and works out its first two deadlines. */
    private CaseIntake.NewCase prepare(AppUser user, CaseForm f) {
        OutletScope scope = org.scopeOf(user);
        if (!scope.contains(f.outletId())) {
            throw new BadInputException("outletId", "No outlet with id " + f.outletId() + " in your scope");
        }
        Long customerId = f.customerId();
        if (customerId != null && scope.bind(jdbc.sql("SELECT COUNT(*) FROM customer WHERE id = :id AND "
                        + scope.sqlFilter("home_outlet_id"))).param("id", customerId).query(Long.class).single() == 0) {
            throw new BadInputException("customerId", "No customer with id " + customerId + " in your scope");
        }
        if (customerId == null && Text.blankToNull(f.customerName()) != null) {
            customerId = quickCustomer(user, f).longValue();
        }
        OffsetDateTime now = now();
        return new CaseIntake.NewCase(f.outletId(), customerId, f.channel(), f.caseType(), f.severity(),
                f.description().strip(), user.id(), now,
                deadline(f.outletId(), f.caseType(), f.severity(), SlaKind.FIRST_RESPONSE, now.toInstant(), List.of()),
                deadline(f.outletId(), f.caseType(), f.severity(), SlaKind.RESOLUTION, now.toInstant(), List.of()));
    }

    /**
     * A case raised by the system (a very negative survey response, say): recorded for and owned by
     * the outlet's nearest manager. Empty when the outlet has no manager to own it.
     */
    @Transactional
    public Optional<SupportCase> raise(long outletId, Long customerId, Channel channel, CaseType type,
                                                 Severity severity, String description) {
        return outletManagers.nearest(outletId).stream().findFirst()
                .flatMap(m -> people.findById(m.id()))
                .map(p -> create(p.asUser(), new CaseForm(outletId, customerId, null, null, channel, type, severity,
                        description.length() > 4000 ? description.substring(0, 4000) : description)));
    }

    private Long quickCustomer(AppUser user, CaseForm f) {
        String memberNo = "Q" + now().format(DateTimeFormatter.ofPattern("yyMMdd")) + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).toUpperCase();
        return customers.create(user, new CustomerForm(memberNo, f.customerName().strip(), Text.blankToNull(f.customerPhone()),
                null, f.outletId(), null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null)).id();
    }

    @Transactional
    public SupportCase move(AppUser user, long id, CaseCommands.Move m) {
        SupportCase c = get(user, id);
        if (m.to() == CaseStatus.CLOSED) {
            throw new BadInputException("to", "A case closes by recording its follow-up call, or by a manager's waiver");
        }
        if (!c.status().canMoveTo(m.to())) {
            throw new BadInputException("to", "A case that is " + c.status() + " can go to " + c.status().next());
        }
        transition(user, c, m.version(), m.to(), m.note());
        return get(user, id);
    }

    /** Changes the status and applies what the move does to the clocks; the caller checked it is allowed. */
    private void transition(AppUser user, SupportCase c, int version, CaseStatus to, String note) {
        OffsetDateTime now = now();
        String extra = to == CaseStatus.RESOLVED ? ", resolved_at = :now" : to == CaseStatus.CLOSED ? ", closed_at = :now" : "";
        bump(c, version, "status = :status" + extra, "status", to.name(), now);
        ClockEffects effects = ClockEffects.of(c.status(), to);
        long id = c.id();
        if (effects.pauseResolution()) {
            jdbc.sql("INSERT INTO case_pause (case_id, paused_at) VALUES (:id, :now)").param("id", id).param("now", now).update();
            jdbc.sql("UPDATE case_clock SET due_at = NULL, warn_at = NULL, warn_pending_at = NULL, escalate_pending_at = NULL "
                            + "WHERE case_id = :id AND clock_kind = 'RESOLUTION'")
                    .param("id", id).update();
        }
        if (effects.resumeResolution()) {
            jdbc.sql("UPDATE case_pause SET resumed_at = :now WHERE case_id = :id AND resumed_at IS NULL")
                    .param("id", id).param("now", now).update();
            recomputeDue(c, SlaKind.RESOLUTION);
        }
        for (SlaKind k : effects.stop()) {
            stopClock(c, k, now);
        }
        for (SlaKind k : effects.start()) {
            startClock(c, k, now);
        }
        boolean reopened = c.status().isReopenedBy(to);
        journal.event(c, user.id(), now, reopened ? "REOPENED" : "STATUS", c.status(), to, note);
        if (reopened) {
            journal.failure(c, "COMPLAINT_REOPENED", localDay(c, now), null, now);
        }
    }

    /** First-contact responsibility passes only by an explicit hand-over to a named person or a team. */
    @Transactional
    public SupportCase handOver(AppUser user, long id, CaseCommands.HandOver h) {
        SupportCase c = get(user, id);
        if ((h.personId() == null) == (h.teamId() == null)) {
            throw new BadInputException("personId", "Name either a person or a team to hand the case over to");
        }
        OffsetDateTime now = now();
        String from = c.ownerName() != null ? c.ownerName() : c.ownerTeamName();
        if (h.personId() != null) {
            Person to = people.findById(h.personId()).filter(Person::active)
                    .orElseThrow(() -> new BadInputException("personId", "No active person with id " + h.personId()));
            if (c.ownerId() != null && to.id() == c.ownerId()) {
                throw new BadInputException("personId", "The case is already owned by " + to.displayName());
            }
            bump(c, h.version(), "owner_id = :owner, owner_team_id = NULL", "owner", to.id(), now);
            journal.event(c, user.id(), now, "HANDED_OVER", c.status(), c.status(),
                    from + " -> " + to.displayName() + ": " + h.reason().strip());
        } else {
            String team = scopeTeam(user, h.teamId());
            bump(c, h.version(), "owner_id = NULL, owner_team_id = :team", "team", h.teamId(), now);
            journal.event(c, user.id(), now, "HANDED_OVER", c.status(), c.status(),
                    from + " -> " + team + ": " + h.reason().strip());
        }
        return get(user, id);
    }

    private String scopeTeam(AppUser user, long teamId) {
        OutletScope scope = org.scopeOf(user);
        return scope.bind(jdbc.sql("SELECT t.name FROM org_unit t WHERE t.id = :id AND t.kind = 'TEAM' AND "
                        + scope.sqlFilter("t.parent_id"))).param("id", teamId).query(String.class).optional()
                .orElseThrow(() -> new BadInputException("teamId", "No team with id " + teamId + " in your scope"));
    }

    /**
     * Records the follow-up call. Not reached: the case waits in follow-up. Reached: satisfied
     * (3 or more out of 5) closes the case; less reopens it, because the customer is still unhappy.
     */
    @Transactional
    public SupportCase followUp(AppUser user, long id, CaseCommands.FollowUp f) {
        SupportCase c = get(user, id);
        if (c.status() != CaseStatus.RESOLVED && c.status() != CaseStatus.FOLLOW_UP) {
            throw new ConflictException("Case " + id + " is " + c.status() + "; the follow-up call comes after it is resolved");
        }
        if (f.reached() && f.satisfaction() == null) {
            throw new BadInputException("satisfaction", "How satisfied was the customer with the resolution (1-5)?");
        }
        int version = f.version();
        if (c.status() == CaseStatus.RESOLVED) {
            transition(user, c, version, CaseStatus.FOLLOW_UP, null);
            c = get(user, id);
            version = c.version();
        }
        String outcome = !f.reached() ? "NOT_REACHED" : f.satisfaction() >= 3 ? "CLOSED" : "REOPENED";
        recordFollowUp(c, user, outcome, f.reached() ? f.satisfaction() : null, f.reached() ? f.cameBack() : null,
                f.comment());
        switch (outcome) {
            case "CLOSED" -> transition(user, c, version, CaseStatus.CLOSED, "Follow-up: satisfied " + f.satisfaction() + "/5");
            case "REOPENED" -> transition(user, c, version, CaseStatus.IN_PROGRESS,
                    "Follow-up: not satisfied " + f.satisfaction() + "/5");
            default -> {
                bump(c, version, "", Map.of(), now());
                journal.event(c, user.id(), now(), "FOLLOW_UP", c.status(), c.status(), "Customer not reached");
            }
        }
        return get(user, id);
    }

    /** A manager may close a resolved case without the call (customer asked not to be called, say). */
    @Transactional
    public SupportCase waive(AppUser user, long id, CaseCommands.Waiver w) {
        if (user.role() != Role.MANAGER && user.role() != Role.ADMIN) {
            throw new AccessDeniedException("Only a manager can waive the follow-up call");
        }
        SupportCase c = get(user, id);
        if (c.status() != CaseStatus.RESOLVED && c.status() != CaseStatus.FOLLOW_UP) {
            throw new ConflictException("Case " + id + " is " + c.status() + "; only a resolved case can skip its follow-up call");
        }
        int version = w.version();
        if (c.status() == CaseStatus.RESOLVED) {
            transition(user, c, version, CaseStatus.FOLLOW_UP, null);
            c = get(user, id);
            version = c.version();
        }
        recordFollowUp(c, user, "WAIVED", null, null, w.reason());
        transition(user, c, version, CaseStatus.CLOSED, "Follow-up waived: " + w.reason().strip());
        return get(user, id);
    }

    private void recordFollowUp(SupportCase c, AppUser user, String outcome, Integer satisfaction, Boolean cameBack,
                                String comment) {
        jdbc.sql("""
                INSERT INTO case_follow_up (case_id, recorded_by, recorded_at, outcome, satisfaction, came_back, comment)
                VALUES (:c, :by, :at, :outcome, :sat, :back, :comment)""")
                .param("c", c.id()).param("by", user.id()).param("at", now()).param("outcome", outcome)
                .param("sat", satisfaction).param("back", cameBack).param("comment", Text.blankToNull(comment)).update();
    }

    public List<FollowUpRecord> followUps(AppUser user, long id) {
        get(user, id);
        return jdbc.sql("""
                SELECT f.id, f.case_id, f.recorded_by, p.display_name AS recorded_by_name, f.recorded_at, f.outcome,
                       f.satisfaction, f.came_back, f.comment
                FROM case_follow_up f JOIN person p ON p.id = f.recorded_by WHERE f.case_id = :id ORDER BY f.id""")
                .param("id", id).query(Rows.of(FollowUpRecord.class)).list();
    }

    /** Recovery and learning: remedy and its cost, the standards the case breached, a problem to work on. */
    @Transactional
    public SupportCase recover(AppUser user, long id, CaseCommands.Recovery r) {
        SupportCase c = get(user, id);
        List<Long> standardIds = r.standardIds() == null ? List.of() : r.standardIds().stream().distinct().toList();
        for (Long s : standardIds) {
            if (s == null || jdbc.sql("SELECT COUNT(*) FROM standard WHERE id = :id").param("id", s).query(Long.class).single() == 0) {
                throw new BadInputException("standardIds", "No standard with id " + s);
            }
        }
        OffsetDateTime now = now();
        boolean problem = r.problem() != null ? r.problem() : c.problem();
        var values = new HashMap<String, Object>();
        values.put("remedy", Text.blankToNull(r.remedy()));
        values.put("cost", r.remedyCost());
        values.put("problem", problem);
        bump(c, r.version(), "remedy = :remedy, remedy_cost = :cost, problem = :problem", values, now);
        jdbc.sql("DELETE FROM case_standard WHERE case_id = :id").param("id", id).update();
        for (Long s : standardIds) {
            jdbc.sql("INSERT INTO case_standard (case_id, standard_id) VALUES (:c, :s)").param("c", id).param("s", s).update();
        }
        journal.event(c, user.id(), now, "RECOVERY", c.status(), c.status(),
                (r.remedy() == null ? "" : r.remedy().strip()) + (r.remedyCost() == null ? "" : " (" + r.remedyCost() + ")")
                        + (problem && !c.problem() ? " [marked as a problem]" : ""));
        return get(user, id);
    }

    @Transactional
    public SupportCase markProblem(AppUser user, long id, boolean problem) {
        SupportCase c = get(user, id);
        bump(c, c.version(), "problem = :problem", "problem", problem, now());
        journal.event(c, user.id(), now(), problem ? "PROBLEM" : "NOT_PROBLEM", c.status(), c.status(), null);
        return get(user, id);
    }

    public List<Long> standards(AppUser user, long id) {
        get(user, id);
        return jdbc.sql("SELECT standard_id FROM case_standard WHERE case_id = :id ORDER BY standard_id")
                .param("id", id).query(Long.class).list();
    }

    public List<CaseEvent> history(AppUser user, long id) {
        get(user, id);
        return jdbc.sql("""
                SELECT e.id, e.case_id, e.occurred_at, e.actor_id, p.display_name AS actor_name, e.kind, e.from_status,
                       e.to_status, e.detail
                FROM case_event e JOIN person p ON p.id = e.actor_id WHERE e.case_id = :id ORDER BY e.id""")
                .param("id", id).query(Rows.of(CaseEvent.class)).list();
    }

    public List<CaseClock> clocks(AppUser user, long id) {
        get(user, id);
        return jdbc.sql("SELECT clock_kind, started_at, warn_at, due_at, stopped_at, warned_at, escalated_at "
                + "FROM case_clock WHERE case_id = :id ORDER BY clock_kind").param("id", id)
                .query(Rows.of(CaseClock.class)).list();
    }

    private void bump(SupportCase c, int version, String set, String param, Object value, OffsetDateTime now) {
        bump(c, version, set, Map.of(param, value), now);
    }

    /** Every change goes through here: the version the caller read must still be the stored one. */
    private void bump(SupportCase c, int version, String set, Map<String, ?> params, OffsetDateTime now) {
        var sql = jdbc.sql("UPDATE support_case SET " + (set.isEmpty() ? "" : set + ", ")
                        + "updated_at = :now, version = version + 1 WHERE id = :id AND version = :version")
                .param("now", now).param("id", c.id()).param("version", version);
        for (var p : params.entrySet()) {
            sql = sql.param(p.getKey(), p.getValue());
        }
        if (sql.update() == 0) {
            throw stale(c);
        }
    }

    private static ConflictException stale(SupportCase c) {
        return new ConflictException("Case " + c.id() + " was changed by someone else; reload and try again");
    }

    /** A fresh start has no pauses, so the deadline is computed before the row is written. */
    private void startClock(SupportCase c, SlaKind kind, OffsetDateTime now) {
        jdbc.sql("DELETE FROM case_clock WHERE case_id = :id AND clock_kind = :k").param("id", c.id())
                .param("k", kind.name()).update();
        Deadline d = deadline(c, kind, now.toInstant(), List.of());
        jdbc.sql("INSERT INTO case_clock (case_id, clock_kind, started_at, warn_at, due_at, warn_pending_at, escalate_pending_at) "
                        + "VALUES (:id, :k, :now, :warn, :due, :warn, :due)")
                .param("id", c.id()).param("k", kind.name()).param("now", now).param("warn", d.warn()).param("due", d.due())
                .update();
    }

    /** Stopping after the deadline is a failure event for the SQI: an unanswered query or a late resolution. */
    private void stopClock(SupportCase c, SlaKind kind, OffsetDateTime now) {
        OffsetDateTime due = jdbc.sql("SELECT due_at FROM case_clock WHERE case_id = :id AND clock_kind = :k AND stopped_at IS NULL")
                .param("id", c.id()).param("k", kind.name()).query(OffsetDateTime.class).optional().orElse(null);
        jdbc.sql("UPDATE case_clock SET stopped_at = :now, warn_pending_at = NULL, escalate_pending_at = NULL "
                        + "WHERE case_id = :id AND clock_kind = :k AND stopped_at IS NULL")
                .param("id", c.id()).param("k", kind.name()).param("now", now).update();
        if (due == null || now.isBefore(due)) {
            return;
        }
        if (kind == SlaKind.FIRST_RESPONSE) {
            journal.failure(c, "UNANSWERED_QUERY", localDay(c, now), "First response late", now);
        } else if (kind == SlaKind.RESOLUTION) {
            boolean overADay = Duration.between(due, now).compareTo(Duration.ofDays(1)) > 0;
            journal.failure(c, overADay ? "LATE_OVER_1_DAY" : "LATE_UP_TO_1_DAY", localDay(c, now), "Resolved late", now);
        }
    }

    /** The deadline counts business time from the clock's start, minus every pause since then. */
    private void recomputeDue(SupportCase c, SlaKind kind) {
        OffsetDateTime started = jdbc.sql("SELECT started_at FROM case_clock WHERE case_id = :id AND clock_kind = :k")
                .param("id", c.id()).param("k", kind.name()).query(OffsetDateTime.class).single();
        List<SlaClock.Pause> pauses = kind != SlaKind.RESOLUTION ? List.of() : jdbc.sql(
                        "SELECT paused_at, resumed_at FROM case_pause WHERE case_id = :id AND paused_at >= :started")
                .param("id", c.id()).param("started", started)
                .query((rs, i) -> new SlaClock.Pause(instant(rs.getObject(1, OffsetDateTime.class)),
                        instant(rs.getObject(2, OffsetDateTime.class)))).list();
        Deadline d = deadline(c, kind, started.toInstant(), pauses);
        // a clock that already warned or escalated does not do it again for the moved deadline
        jdbc.sql("""
                UPDATE case_clock SET due_at = :due, warn_at = :warn,
                    warn_pending_at = CASE WHEN warned_at IS NULL AND escalated_at IS NULL AND stopped_at IS NULL
                                           THEN CAST(:warn AS TIMESTAMP WITH TIME ZONE) END,
                    escalate_pending_at = CASE WHEN escalated_at IS NULL AND stopped_at IS NULL
                                               THEN CAST(:due AS TIMESTAMP WITH TIME ZONE) END
                WHERE case_id = :id AND clock_kind = :k""")
                .param("due", d.due()).param("warn", d.warn()).param("id", c.id()).param("k", kind.name()).update();
    }

    record Deadline(OffsetDateTime warn, OffsetDateTime due) {
    }

    private Deadline deadline(SupportCase c, SlaKind kind, Instant started, List<SlaClock.Pause> pauses) {
        return deadline(c.outletId(), c.caseType(), c.severity(), kind, started, pauses);
    }

    /** No target for this type and severity: the clock runs without a deadline. */
    private Deadline deadline(long outletId, CaseType type, Severity severity, SlaKind kind, Instant started,
                              List<SlaClock.Pause> pauses) {
        Integer minutes = targets.minutes(outletId, type, severity, kind).orElse(null);
        if (minutes == null) {
            return new Deadline(null, null);
        }
        BusinessCalendar calendar = calendars.forOutlet(outletId);
        Duration target = Duration.ofMinutes(minutes);
        Instant due = SlaClock.deadline(calendar, started, target, pauses);
        Instant warn = SlaClock.deadline(calendar, started, target.multipliedBy(warnPercent).dividedBy(100), pauses);
        return new Deadline(warn.atOffset(ZoneOffset.UTC), due.atOffset(ZoneOffset.UTC));
    }

    private LocalDate localDay(SupportCase c, OffsetDateTime at) {
        return at.atZoneSameInstant(calendars.forOutlet(c.outletId()).zone()).toLocalDate();
    }

    /** Microseconds, as both databases store them, so a stored time reads back equal. */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
