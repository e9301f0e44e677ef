package com.serviceloop.casework;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.platform.Database;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.OutletScope;
import com.serviceloop.platform.PageRequest;
import com.serviceloop.platform.PageResult;
import com.serviceloop.platform.Rows;
import com.serviceloop.platform.Text;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reading cases: one case with its history, clocks, calls and breached standards; lists of cases
 * (queues, filters, search, the CSV export) and the follow-up calls due.
 */
@Service
class CaseQueries {
    static final String SELECT = """
            SELECT c.id, c.outlet_id, o.name AS outlet_name, c.customer_id, cu.name AS customer_name, c.channel,
                   c.case_type, c.severity, c.status, c.description, c.owner_id, p.display_name AS owner_name,
                   c.owner_team_id, t.name AS owner_team_name, c.received_by, c.remedy, c.remedy_cost, c.problem,
                   c.created_at, c.updated_at, c.resolved_at, c.closed_at, c.version, c.topic, c.product
            FROM support_case c JOIN org_unit o ON o.id = c.outlet_id
            LEFT JOIN person p ON p.id = c.owner_id LEFT JOIN org_unit t ON t.id = c.owner_team_id
            LEFT JOIN customer cu ON cu.id = c.customer_id""";
    private final JdbcClient jdbc;
    private final OrgService org;
    private final Clock clock;
    private final ZoneId zone;
    private final Database db;

    public CaseQueries(JdbcClient jdbc, OrgService org, Clock clock, Database db,
                       @Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone) {
        this.db = db;
        this.jdbc = jdbc;
        this.org = org;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** The case, if it belongs to an outlet in the user's scope; otherwise not found. */
    public SupportCase get(AppUser user, long id) {
        OutletScope scope = org.scopeOf(user);
        return scope.bind(jdbc.sql(SELECT + " WHERE c.id = :id AND " + scope.sqlFilter("c.outlet_id")))
                .param("id", id).query(Rows.of(SupportCase.class)).optional()
                .orElseThrow(() -> new NotFoundException("Case", id));
    }

    public List<FollowUpRecord> followUps(AppUser user, long id) {
        get(user, id);
        return jdbc.sql("""
                SELECT f.id, f.case_id, f.recorded_by, p.display_name AS recorded_by_name, f.recorded_at, f.outcome,
                       f.satisfaction, f.came_back, f.comment
                FROM case_follow_up f JOIN person p ON p.id = f.recorded_by WHERE f.case_id = :id ORDER BY f.id""")
                .param("id", id).query(Rows.of(FollowUpRecord.class)).list();
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

    /** The name of a team in one of the user's outlets, the only teams a case can be handed to. */
    Optional<String> teamName(AppUser user, long teamId) {
        OutletScope scope = org.scopeOf(user);
        return scope.bind(jdbc.sql("SELECT t.name FROM org_unit t WHERE t.id = :id AND t.kind = 'TEAM' AND "
                        + scope.sqlFilter("t.parent_id"))).param("id", teamId).query(String.class).optional();
    }

    record Where(String sql, Map<String, Object> params) {
    }

    Where where(AppUser user, CaseFilter f, OutletScope scope) {
        List<String> and = new ArrayList<>();
        Map<String, Object> p = new HashMap<>();
        and.add(scope.sqlFilter("c.outlet_id"));
        OffsetDateTime now = OffsetDateTime.now(clock);
        switch (f.queueOrAll()) {
            case MINE -> {
                and.add("c.owner_id = :me");
                p.put("me", user.id());
            }
            case TEAM -> {
                and.add("""
                        (c.owner_team_id = (SELECT team_id FROM person WHERE id = :me)
                         OR c.owner_id IN (SELECT m.id FROM person m WHERE m.team_id = (SELECT team_id FROM person WHERE id = :me)))""");
                p.put("me", user.id());
            }
            case OVERDUE -> {
                and.add("EXISTS (SELECT 1 FROM case_clock k WHERE k.case_id = c.id AND k.stopped_at IS NULL AND k.due_at <= :now)");
                p.put("now", now);
            }
            case DUE_SOON -> {
                and.add("EXISTS (SELECT 1 FROM case_clock k WHERE k.case_id = c.id AND k.stopped_at IS NULL "
                        + "AND k.warn_at <= :now AND k.due_at > :now)");
                p.put("now", now);
            }
            case ALL -> { }
        }
        if (f.status() != null) {
            and.add("c.status = :status");
            p.put("status", f.status().name());
        }
        if (f.caseType() != null) {
            and.add("c.case_type = :type");
            p.put("type", f.caseType().name());
        }
        if (f.severity() != null) {
            and.add("c.severity = :severity");
            p.put("severity", f.severity().name());
        }
        if (f.outletId() != null) {
            and.add("c.outlet_id = :outlet");
            p.put("outlet", f.outletId());
        }
        if (f.topic() != null) {
            and.add("c.topic = :topic");
            p.put("topic", f.topic());
        }
        if (f.problem() != null) {
            and.add("c.problem = :problem");
            p.put("problem", f.problem());
        }
        if (f.open() != null) {
            and.add(f.open() ? "c.status <> 'CLOSED'" : "c.status = 'CLOSED'");
        }
        if (f.from() != null) {
            and.add("c.created_at >= :from");
            p.put("from", f.from().atStartOfDay(zone).toOffsetDateTime());
        }
        if (f.to() != null) {
            and.add("c.created_at < :to");
            p.put("to", f.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        String q = Text.blankToNull(f.q());
        if (q != null) {
            // backslash is the LIKE escape on both databases; no ESCAPE clause, so that PostgreSQL
            // matches the pattern against its trigram indexes (V10)
            String like = "%" + q.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            // the customer's name and phone through their ids, not the join, so that each part of
            // the OR can be answered from an index of its own
            String customers = "SELECT s.id FROM customer s WHERE LOWER(s.name) LIKE :q OR s.phone LIKE :q";
            Long id = caseNumber(q);
            and.add("(LOWER(c.description) LIKE :q OR LOWER(c.remedy) LIKE :q OR c.customer_id "
                    + (db.isPostgres() ? "= ANY(ARRAY(" + customers + "))" : "IN (" + customers + ")")
                    + (id == null ? "" : " OR c.id = :qid") + ")");
            p.put("q", like);
            if (id != null) {
                p.put("qid", id);
            }
        }
        return new Where(" WHERE " + String.join(" AND ", and), p);
    }

    /** A search for "1234" or "#1234" also finds case 1234. */
    private static Long caseNumber(String q) {
        String digits = q.startsWith("#") ? q.substring(1) : q;
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(digits);
    }

    private JdbcClient.StatementSpec bind(OutletScope scope, String sql, Where w) {
        var spec = scope.bind(jdbc.sql(sql));
        for (var e : w.params().entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec;
    }

    public PageResult<SupportCase> list(AppUser user, CaseFilter f, PageRequest page) {
        OutletScope scope = org.scopeOf(user);
        Where w = where(user, f, scope);
        var rows = bind(scope, SELECT + w.sql() + " ORDER BY c.created_at DESC, c.id DESC LIMIT :limit OFFSET :offset", w)
                .param("limit", page.size()).param("offset", page.offset()).query(Rows.of(SupportCase.class)).list();
        long total = bind(scope, "SELECT COUNT(*) FROM support_case c LEFT JOIN customer cu ON cu.id = c.customer_id" + w.sql(), w)
                .query(Long.class).single();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    /** A follow-up call that is due: the case, its customer, and when the call must be made. */
    public record CallDue(long caseId, String outletName, String customerName, String customerPhone, CaseType caseType,
                          CaseStatus status, String description, OffsetDateTime dueAt, Long ownerId, String ownerName) {
    }

    /**
     * Follow-up calls due by the end of the given day (overdue ones included) for one person, or for
     * everyone in scope when personId is null.
     */
    public List<CallDue> callsDue(AppUser user, Long personId, LocalDate day) {
        OutletScope scope = org.scopeOf(user);
        var spec = scope.bind(jdbc.sql("""
                SELECT c.id, o.name, cu.name, cu.phone, c.case_type, c.status, c.description, k.due_at, c.owner_id,
                       p.display_name
                FROM case_clock k JOIN support_case c ON c.id = k.case_id JOIN org_unit o ON o.id = c.outlet_id
                LEFT JOIN customer cu ON cu.id = c.customer_id LEFT JOIN person p ON p.id = c.owner_id
                WHERE k.clock_kind = 'FOLLOW_UP' AND k.stopped_at IS NULL AND k.due_at < :end AND\s"""
                + scope.sqlFilter("c.outlet_id") + (personId == null ? "" : " AND c.owner_id = :person")
                + " ORDER BY k.due_at, c.id LIMIT 500"))
                .param("end", day.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        if (personId != null) {
            spec = spec.param("person", personId);
        }
        return spec.query((rs, i) -> new CallDue(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                CaseType.valueOf(rs.getString(5)), CaseStatus.valueOf(rs.getString(6)), rs.getString(7),
                rs.getObject(8, OffsetDateTime.class), (Long) rs.getObject(9), rs.getString(10))).list();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
