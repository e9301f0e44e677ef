package com.serviceloop.casework;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.platform.OutletScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What is waiting for someone when they open the application: their open cases, the late cases
 * and the follow-up calls of their outlets, the cases handed to them and the escalations they
 * have not read — the nearest deadline first, so that a short list shows what matters.
 */
@Service
public class TodaysWork {
    /** The nearest running deadline of a case; follow-up calls are counted on their own. */
    private static final String NEAREST_DUE = "(SELECT MIN(k.due_at) FROM case_clock k WHERE k.case_id = c.id "
            + "AND k.stopped_at IS NULL AND k.due_at IS NOT NULL)";
    private static final String LATE = "EXISTS (SELECT 1 FROM case_clock k WHERE k.case_id = c.id AND k.stopped_at IS NULL "
            + "AND k.clock_kind <> 'FOLLOW_UP' AND k.due_at <= :now)";
    private static final String HANDED_OVER = "EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = c.id "
            + "AND e.kind = 'HANDED_OVER')";
    private final JdbcClient jdbc;
    private final OrgService org;
    private final CaseQueries queries;
    private final Clock clock;

    public TodaysWork(JdbcClient jdbc, OrgService org, CaseQueries queries, Clock clock) {
        this.jdbc = jdbc;
        this.org = org;
        this.queries = queries;
        this.clock = clock;
    }

    /** A case that is not closed; {@code dueAt} is its nearest running deadline, if any. */
    public record OpenCase(long id, String outletName, String customerName, CaseType caseType, CaseStatus status,
                           String description, OffsetDateTime dueAt, boolean late) {
    }

    /** A follow-up call to make today or already late. */
    public record Call(long caseId, String outletName, String customerName, String customerPhone, String description,
                       OffsetDateTime dueAt, String ownerName, boolean late) {
    }

    /** An escalation its recipient has not read: a case whose clock ran out. */
    public record Escalation(long id, long caseId, SlaKind clockKind, OffsetDateTime dueAt, String outletName,
                             String description, OffsetDateTime createdAt) {
    }

    /** The first few of a list and how many there are in all. */
    public record Part<T>(List<T> items, long total) {
    }

    /** The open cases the person owns. */
    public Part<OpenCase> mine(AppUser user, int limit) {
        return cases(user, "c.owner_id = :me", limit);
    }

    /** Open cases in the person's outlets with a first-response or resolution deadline passed. */
    public Part<OpenCase> late(AppUser user, int limit) {
        return cases(user, LATE, limit);
    }

    /** Open cases someone handed over to the person (and that the person still owns). */
    public Part<OpenCase> handedTo(AppUser user, int limit) {
        return cases(user, "c.owner_id = :me AND " + HANDED_OVER, limit);
    }

    private Part<OpenCase> cases(AppUser user, String condition, int limit) {
        OutletScope scope = org.scopeOf(user);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String where = " WHERE c.status <> 'CLOSED' AND " + condition + " AND " + scope.sqlFilter("c.outlet_id");
        Map<String, Object> params = Map.of("me", user.id(), "now", now);
        List<OpenCase> items = scope.bind(jdbc.sql("SELECT x.* FROM (SELECT c.id, o.name AS outlet_name, "
                        + "cu.name AS customer_name, c.case_type, c.status, c.description, c.created_at, " + NEAREST_DUE
                        + " AS due_at FROM support_case c JOIN org_unit o ON o.id = c.outlet_id "
                        + "LEFT JOIN customer cu ON cu.id = c.customer_id" + where
                        + ") x ORDER BY x.due_at NULLS LAST, x.created_at DESC, x.id DESC LIMIT :limit"))
                .params(params).param("limit", limit).query((rs, i) -> openCase(rs, now)).list();
        long total = scope.bind(jdbc.sql("SELECT COUNT(*) FROM support_case c" + where)).params(params)
                .query(Long.class).single();
        return new Part<>(items, total);
    }

    private static OpenCase openCase(ResultSet rs, OffsetDateTime now) throws SQLException {
        OffsetDateTime due = rs.getObject("due_at", OffsetDateTime.class);
        return new OpenCase(rs.getLong("id"), rs.getString("outlet_name"), rs.getString("customer_name"),
                CaseType.valueOf(rs.getString("case_type")), CaseStatus.valueOf(rs.getString("status")),
                rs.getString("description"), due, due != null && !due.isAfter(now));
    }

    /**
     * Follow-up calls due by the end of today, late ones first: the person's own, or everyone's in
     * the person's outlets when {@code everyone}.
     */
    public Part<Call> calls(AppUser user, boolean everyone, int limit) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Call> all = queries.callsDue(user, everyone ? null : user.id(), queries.today()).stream()
                .map(c -> new Call(c.caseId(), c.outletName(), c.customerName(), c.customerPhone(), c.description(),
                        c.dueAt(), c.ownerName(), !c.dueAt().isAfter(now)))
                .toList();
        return new Part<>(all.stream().limit(limit).toList(), all.size());
    }

    /** The person's unread escalations, newest first. */
    public Part<Escalation> unreadEscalations(AppUser user, int limit) {
        String where = " WHERE n.person_id = :me AND n.kind = 'ESCALATION' AND n.read_at IS NULL AND n.case_id IS NOT NULL";
        List<Escalation> items = jdbc.sql("""
                        SELECT n.id, n.case_id, n.clock_kind, n.due_at, o.name, c.description, n.created_at
                        FROM notification n JOIN support_case c ON c.id = n.case_id
                        JOIN org_unit o ON o.id = c.outlet_id""" + where + " ORDER BY n.id DESC LIMIT :limit")
                .param("me", user.id()).param("limit", limit)
                .query((rs, i) -> new Escalation(rs.getLong(1), rs.getLong(2),
                        rs.getString(3) == null ? null : SlaKind.valueOf(rs.getString(3)),
                        rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class)))
                .list();
        long total = jdbc.sql("SELECT COUNT(*) FROM notification n" + where).param("me", user.id())
                .query(Long.class).single();
        return new Part<>(items, total);
    }
}
