package com.serviceloop.casework;

import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.Person;
import com.serviceloop.organisation.PersonRepository;
import com.serviceloop.platform.AppUser;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.OutletScope;
import com.serviceloop.platform.PageRequest;
import com.serviceloop.platform.PageResult;
import com.serviceloop.platform.Rows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases from first contact to closing. Whoever records a case owns it until they hand it over to
 * a named person; every change is an event in an append-only history; the SLA clocks follow the
 * status (see {@link ClockEffects}) and count the outlet's business hours.
 */
@Service
public class CaseService {
    private static final String SELECT = """
            SELECT c.id, c.outlet_id, c.customer_id, c.channel, c.case_type, c.severity, c.status, c.description,
                   c.owner_id, p.display_name AS owner_name, c.received_by, c.created_at, c.updated_at, c.version
            FROM support_case c LEFT JOIN person p ON p.id = c.owner_id""";
    private final JdbcClient jdbc;
    private final OrgService org;
    private final PersonRepository people;
    private final CalendarRepository calendars;
    private final Clock clock;

    public CaseService(JdbcClient jdbc, OrgService org, PersonRepository people, CalendarRepository calendars,
                       Clock clock) {
        this.jdbc = jdbc;
        this.org = org;
        this.people = people;
        this.calendars = calendars;
        this.clock = clock;
    }

    public SupportCase get(AppUser user, long id) {
        OutletScope scope = org.scopeOf(user);
        return scope.bind(jdbc.sql(SELECT + " WHERE c.id = :id AND " + scope.sqlFilter("c.outlet_id")))
                .param("id", id).query(Rows.of(SupportCase.class)).optional()
                .orElseThrow(() -> new NotFoundException("Case", id));
    }

    public PageResult<SupportCase> list(AppUser user, CaseStatus status, boolean mine, PageRequest page) {
        OutletScope scope = org.scopeOf(user);
        String where = " WHERE " + scope.sqlFilter("c.outlet_id") + (status == null ? "" : " AND c.status = :status")
                + (mine ? " AND c.owner_id = :me" : "");
        var list = scope.bind(jdbc.sql(SELECT + where + " ORDER BY c.id DESC LIMIT :limit OFFSET :offset"))
                .param("limit", page.size()).param("offset", page.offset());
        var count = scope.bind(jdbc.sql("SELECT COUNT(*) FROM support_case c" + where));
        if (status != null) {
            list = list.param("status", status.name());
            count = count.param("status", status.name());
        }
        if (mine) {
            list = list.param("me", user.id());
            count = count.param("me", user.id());
        }
        return new PageResult<>(list.query(Rows.of(SupportCase.class)).list(), page.page(), page.size(),
                count.query(Long.class).single());
    }

    @Transactional
    public SupportCase create(AppUser user, CaseForm f) {
        OutletScope scope = org.scopeOf(user);
        if (!scope.contains(f.outletId())) {
            throw new BadInputException("outletId", "No outlet with id " + f.outletId() + " in your scope");
        }
        if (f.customerId() != null && scope.bind(jdbc.sql("SELECT COUNT(*) FROM customer WHERE id = :id AND "
                        + scope.sqlFilter("home_outlet_id"))).param("id", f.customerId()).query(Long.class).single() == 0) {
            throw new BadInputException("customerId", "No customer with id " + f.customerId() + " in your scope");
        }
        OffsetDateTime now = now();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO support_case (outlet_id, customer_id, channel, case_type, severity, status, description,
                    owner_id, received_by, created_at, updated_at)
                VALUES (:outlet, :customer, :channel, :type, :severity, 'RECEIVED', :description, :me, :me, :now, :now)""")
                .param("outlet", f.outletId()).param("customer", f.customerId()).param("channel", f.channel().name())
                .param("type", f.caseType().name()).param("severity", f.severity().name())
                .param("description", f.description().strip()).param("me", user.id()).param("now", now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        event(id, user.id(), now, "CREATED", null, CaseStatus.RECEIVED, f.channel().name());
        SupportCase c = get(user, id);
        startClock(c, SlaKind.FIRST_RESPONSE, now);
        startClock(c, SlaKind.RESOLUTION, now);
        return c;
    }

    @Transactional
    public SupportCase move(AppUser user, long id, CaseCommands.Move m) {
        SupportCase c = get(user, id);
        if (!c.status().canMoveTo(m.to())) {
            throw new BadInputException("to", "A case that is " + c.status() + " can go to " + c.status().next());
        }
        OffsetDateTime now = now();
        bump(c, m.version(), "status = :status", "status", m.to().name(), now);
        ClockEffects effects = ClockEffects.of(c.status(), m.to());
        if (effects.pauseResolution()) {
            jdbc.sql("INSERT INTO case_pause (case_id, paused_at) VALUES (:id, :now)").param("id", id).param("now", now).update();
            jdbc.sql("UPDATE case_clock SET due_at = NULL WHERE case_id = :id AND clock_kind = 'RESOLUTION'")
                    .param("id", id).update();
        }
        if (effects.resumeResolution()) {
            jdbc.sql("UPDATE case_pause SET resumed_at = :now WHERE case_id = :id AND resumed_at IS NULL")
                    .param("id", id).param("now", now).update();
            recomputeDue(c, SlaKind.RESOLUTION);
        }
        for (SlaKind k : effects.stop()) {
            jdbc.sql("UPDATE case_clock SET stopped_at = :now WHERE case_id = :id AND clock_kind = :k AND stopped_at IS NULL")
                    .param("id", id).param("k", k.name()).param("now", now).update();
        }
        for (SlaKind k : effects.start()) {
            startClock(c, k, now);
        }
        event(id, user.id(), now, c.status().isReopenedBy(m.to()) ? "REOPENED" : "STATUS", c.status(), m.to(), m.note());
        return get(user, id);
    }

    /** First-contact responsibility passes only by an explicit hand-over to a named, active person. */
    @Transactional
    public SupportCase handOver(AppUser user, long id, CaseCommands.HandOver h) {
        SupportCase c = get(user, id);
        Person to = people.findById(h.personId()).filter(Person::active)
                .orElseThrow(() -> new BadInputException("personId", "No active person with id " + h.personId()));
        if (to.id() == c.ownerId()) {
            throw new BadInputException("personId", "The case is already owned by " + to.displayName());
        }
        OffsetDateTime now = now();
        bump(c, h.version(), "owner_id = :owner", "owner", to.id(), now);
        event(id, user.id(), now, "HANDED_OVER", c.status(), c.status(),
                c.ownerName() + " -> " + to.displayName() + ": " + h.reason().strip());
        return get(user, id);
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
        return jdbc.sql("SELECT clock_kind, started_at, due_at, stopped_at FROM case_clock WHERE case_id = :id "
                + "ORDER BY clock_kind").param("id", id).query(Rows.of(CaseClock.class)).list();
    }

    private void bump(SupportCase c, int version, String set, String param, Object value, OffsetDateTime now) {
        int n = jdbc.sql("UPDATE support_case SET " + set + ", updated_at = :now, version = version + 1 "
                        + "WHERE id = :id AND version = :version")
                .param(param, value).param("now", now).param("id", c.id()).param("version", version).update();
        if (n == 0) {
            throw new ConflictException("Case " + c.id() + " was changed by someone else; reload and try again");
        }
    }

    private void startClock(SupportCase c, SlaKind kind, OffsetDateTime now) {
        jdbc.sql("DELETE FROM case_clock WHERE case_id = :id AND clock_kind = :k").param("id", c.id())
                .param("k", kind.name()).update();
        jdbc.sql("INSERT INTO case_clock (case_id, clock_kind, started_at) VALUES (:id, :k, :now)")
                .param("id", c.id()).param("k", kind.name()).param("now", now).update();
        recomputeDue(c, kind);
    }

    /** The deadline counts business time from the clock's start, minus every pause since then. */
    private void recomputeDue(SupportCase c, SlaKind kind) {
        Integer minutes = jdbc.sql("SELECT minutes FROM sla_target WHERE case_type = :t AND severity = :s AND clock_kind = :k")
                .param("t", c.caseType().name()).param("s", c.severity().name()).param("k", kind.name())
                .query(Integer.class).optional().orElse(null);
        if (minutes == null) {
            return; // no target for this type and severity: the clock runs without a deadline
        }
        OffsetDateTime started = jdbc.sql("SELECT started_at FROM case_clock WHERE case_id = :id AND clock_kind = :k")
                .param("id", c.id()).param("k", kind.name()).query(OffsetDateTime.class).single();
        List<SlaClock.Pause> pauses = kind != SlaKind.RESOLUTION ? List.of() : jdbc.sql(
                        "SELECT paused_at, resumed_at FROM case_pause WHERE case_id = :id AND paused_at >= :started")
                .param("id", c.id()).param("started", started)
                .query((rs, i) -> new SlaClock.Pause(instant(rs.getObject(1, OffsetDateTime.class)),
                        instant(rs.getObject(2, OffsetDateTime.class)))).list();
        Instant due = SlaClock.deadline(calendars.forOutlet(c.outletId()), started.toInstant(),
                Duration.ofMinutes(minutes), pauses);
        jdbc.sql("UPDATE case_clock SET due_at = :due WHERE case_id = :id AND clock_kind = :k")
                .param("due", due.atOffset(ZoneOffset.UTC)).param("id", c.id()).param("k", kind.name()).update();
    }

    private void event(long caseId, long actor, OffsetDateTime at, String kind, CaseStatus from, CaseStatus to,
                       String detail) {
        jdbc.sql("""
                INSERT INTO case_event (case_id, occurred_at, actor_id, kind, from_status, to_status, detail)
                VALUES (:c, :at, :actor, :kind, :from, :to, :detail)""")
                .param("c", caseId).param("at", at).param("actor", actor).param("kind", kind)
                .param("from", from == null ? null : from.name()).param("to", to == null ? null : to.name())
                .param("detail", detail == null || detail.isBlank() ? null : detail.strip()).update();
    }

    /** Microseconds, as both databases store them, so a stored time reads back equal. */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
