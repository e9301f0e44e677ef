package com.serviceloop.audit;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.OutletScope;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audit schedules per outlet and the due list, computed when asked (no job): a schedule is due on its
 * first date and every {@code everyMonths} after it; an audit started from the schedule takes the next
 * open date, so a missed month stays on the list as overdue until someone audits it.
 */
@Service
public class Schedules {
    static final int DUE_WITHIN_DAYS = 7;
    private final JdbcClient jdbc;
    private final OrgService org;
    private final AuditForms forms;
    private final Clock clock;

    public Schedules(JdbcClient jdbc, OrgService org, AuditForms forms, Clock clock) {
        this.jdbc = jdbc;
        this.org = org;
        this.forms = forms;
        this.clock = clock;
    }

    @Transactional
    public Schedule create(AppUser user, ScheduleForm f) {
        if (!org.scopeOf(user).contains(f.outletId())) {
            throw BadInputException.of("outletId", "error.audit.outletOutOfScope", String.valueOf(f.outletId()));
        }
        AuditForm form = forms.find(f.formId())
                .orElseThrow(() -> BadInputException.of("formId", "error.audit.unknownForm", String.valueOf(f.formId())));
        if (!form.outletType().equals(org.find(f.outletId()).orElseThrow().outletType())) {
            throw BadInputException.of("formId", "error.audit.formForOtherType", form.name(), form.outletType());
        }
        if (f.assigneeId() != null) {
            checkAssignee(f.assigneeId());
        }
        LocalDate today = LocalDate.now(clock);
        if (f.firstDue().isBefore(today.minusYears(2)) || f.firstDue().isAfter(today.plusYears(2))) {
            throw BadInputException.of("firstDue", "error.audit.firstDueRange");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO audit_schedule (outlet_id, form_id, every_months, assignee_id, first_due, created_at)
                VALUES (:o, :f, :every, :who, :first, :at)""").param("o", f.outletId()).param("f", f.formId())
                .param("every", f.everyMonths()).param("who", f.assigneeId()).param("first", f.firstDue())
                .param("at", OffsetDateTime.now(clock)).update(keys, "id");
        return get(user, keys.getKey().longValue());
    }

    /**
     * Changes what the request names and nothing else: a new assignee, paused ({@code active=false}) or resumed, another
     * interval. Pausing keeps the schedule's history; resuming picks up at the next open date, overdue if it is past.
     */
    @Transactional
    public Schedule change(AppUser user, long id, ScheduleChange c) {
        get(user, id, false);
        if (c.assigneeId() != null) {
            checkAssignee(c.assigneeId());
        }
        jdbc.sql("""
                UPDATE audit_schedule SET assignee_id = COALESCE(:who, assignee_id), active = COALESCE(:active, active),
                    every_months = COALESCE(:every, every_months) WHERE id = :id""").param("who", c.assigneeId())
                .param("active", c.active()).param("every", c.everyMonths()).param("id", id).update();
        return get(user, id, false);
    }

    /** Auditors and managers (administrators too) who can be given a schedule: active and able to sign in. */
    public List<Assignee> assignees() {
        return jdbc.sql("""
                SELECT id, display_name FROM person WHERE active = TRUE AND username IS NOT NULL
                  AND role IN ('ADMIN', 'MANAGER', 'AUDITOR') ORDER BY display_name, id LIMIT 500""")
                .query((rs, i) -> new Assignee(rs.getLong(1), rs.getString(2))).list();
    }

    public record Assignee(long id, String name) {
    }

    /** Asked of the one person: the picker's list stops at 500 names, a chain has more people than that. */
    private void checkAssignee(long personId) {
        if (jdbc.sql("""
                SELECT COUNT(*) FROM person WHERE id = :id AND active = TRUE AND username IS NOT NULL
                  AND role IN ('ADMIN', 'MANAGER', 'AUDITOR')""").param("id", personId).query(Long.class).single() == 0) {
            throw BadInputException.of("assigneeId", "error.audit.unknownAssignee", String.valueOf(personId));
        }
    }

    public Schedule get(AppUser user, long id) {
        return get(user, id, true);
    }

    private Schedule get(AppUser user, long id, boolean activeOnly) {
        return query(org.scopeOf(user), activeOnly, " AND s.id = :id", id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("Audit schedule", id));
    }

    /** Every active schedule in scope with its next open date, the most overdue first. */
    public List<Schedule> due(AppUser user) {
        return query(org.scopeOf(user), true, "", null).stream()
                .sorted((a, b) -> a.nextDue().compareTo(b.nextDue())).toList();
    }

    /** Every schedule in scope, paused ones too (last), for the page that plans them. */
    public List<Schedule> all(AppUser user) {
        return query(org.scopeOf(user), false, "", null).stream()
                .sorted(Comparator.comparing((Schedule x) -> !x.active()).thenComparing(Schedule::nextDue)).toList();
    }

    /** Every active schedule with someone assigned, whatever the scope: what the reminder job goes through. */
    List<Schedule> assigned() {
        return query(OutletScope.EVERYTHING, true, " AND s.assignee_id IS NOT NULL", null);
    }

    private List<Schedule> query(OutletScope scope, boolean activeOnly, String extra, Long id) {
        LocalDate today = LocalDate.now(clock);
        var spec = jdbc.sql("""
                SELECT s.id, s.outlet_id, u.name, s.form_id, f.name, s.every_months, s.assignee_id, p.display_name,
                       s.first_due, (SELECT MAX(a.due_on) FROM audit a WHERE a.schedule_id = s.id) AS last_due, s.active
                FROM audit_schedule s JOIN org_unit u ON u.id = s.outlet_id JOIN audit_form f ON f.id = s.form_id
                LEFT JOIN person p ON p.id = s.assignee_id
                WHERE %s%s%s ORDER BY s.id""".formatted(activeOnly ? "s.active = TRUE AND " : "",
                scope.sqlFilter("s.outlet_id"), extra));
        spec = id == null ? spec : spec.param("id", id);
        return scope.bind(spec).query((rs, i) -> {
            int every = rs.getInt(6);
            LocalDate first = rs.getDate(9).toLocalDate();
            Date last = rs.getDate(10);
            LocalDate next = last == null ? first : last.toLocalDate().plusMonths(every);
            String state = next.isBefore(today) ? "OVERDUE" : next.isAfter(today.plusDays(DUE_WITHIN_DAYS)) ? "UPCOMING" : "DUE";
            return new Schedule(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5), every,
                    (Long) rs.getObject(7, Long.class), rs.getString(8), first, last == null ? null : last.toLocalDate(),
                    next, state, rs.getBoolean(11));
        }).list();
    }
}
