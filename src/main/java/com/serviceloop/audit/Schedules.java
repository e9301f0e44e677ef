package com.serviceloop.audit;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.PersonService;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.OutletScope;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
    private final PersonService people;
    private final Clock clock;

    public Schedules(JdbcClient jdbc, OrgService org, AuditForms forms, PersonService people, Clock clock) {
        this.jdbc = jdbc;
        this.org = org;
        this.forms = forms;
        this.people = people;
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
        if (f.assigneeId() != null && people.find(f.assigneeId()).filter(p -> p.active()).isEmpty()) {
            throw BadInputException.of("assigneeId", "error.audit.unknownOwner", String.valueOf(f.assigneeId()));
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

    public Schedule get(AppUser user, long id) {
        return query(org.scopeOf(user), " AND s.id = :id", id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("Audit schedule", id));
    }

    /** Every active schedule in scope with its next open date, the most overdue first. */
    public List<Schedule> due(AppUser user) {
        return query(org.scopeOf(user), "", null).stream()
                .sorted((a, b) -> a.nextDue().compareTo(b.nextDue())).toList();
    }

    private List<Schedule> query(OutletScope scope, String extra, Long id) {
        LocalDate today = LocalDate.now(clock);
        var spec = jdbc.sql("""
                SELECT s.id, s.outlet_id, u.name, s.form_id, f.name, s.every_months, s.assignee_id, p.display_name,
                       s.first_due, (SELECT MAX(a.due_on) FROM audit a WHERE a.schedule_id = s.id) AS last_due
                FROM audit_schedule s JOIN org_unit u ON u.id = s.outlet_id JOIN audit_form f ON f.id = s.form_id
                LEFT JOIN person p ON p.id = s.assignee_id
                WHERE s.active = TRUE AND %s%s ORDER BY s.id""".formatted(scope.sqlFilter("s.outlet_id"), extra));
        spec = id == null ? spec : spec.param("id", id);
        return scope.bind(spec).query((rs, i) -> {
            int every = rs.getInt(6);
            LocalDate first = rs.getDate(9).toLocalDate();
            Date last = rs.getDate(10);
            LocalDate next = last == null ? first : last.toLocalDate().plusMonths(every);
            String state = next.isBefore(today) ? "OVERDUE" : next.isAfter(today.plusDays(DUE_WITHIN_DAYS)) ? "UPCOMING" : "DUE";
            return new Schedule(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5), every,
                    (Long) rs.getObject(7, Long.class), rs.getString(8), first, last == null ? null : last.toLocalDate(),
                    next, state);
        }).list();
    }
}
