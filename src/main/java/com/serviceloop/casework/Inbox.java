package com.serviceloop.casework;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.platform.PageRequest;
import com.serviceloop.platform.PageResult;
import com.serviceloop.platform.Rows;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The in-app inbox: warnings before an SLA breach, escalations at breach, and cases handed to the reader. */
@Service
class Inbox {
    private final JdbcClient jdbc;
    private final Clock clock;

    public Inbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A message; clock, due time, outlet and description let a screen word it in the reader's language. */
    public record Notification(long id, Long caseId, String kind, String message, SlaKind clockKind,
                               OffsetDateTime dueAt, String outletName, String description, OffsetDateTime createdAt,
                               OffsetDateTime readAt) {
    }

    void post(long personId, Long caseId, String kind, SlaKind clock, OffsetDateTime dueAt, String message,
              OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO notification (person_id, case_id, kind, clock_kind, due_at, message, created_at)
                VALUES (:p, :c, :k, :clock, :due, :m, :at)""")
                .param("p", personId).param("c", caseId).param("k", kind).param("clock", clock == null ? null : clock.name())
                .param("due", dueAt).param("m", message).param("at", at).update();
    }

    public PageResult<Notification> list(AppUser user, boolean unreadOnly, PageRequest page) {
        String where = " WHERE n.person_id = :me" + (unreadOnly ? " AND n.read_at IS NULL" : "");
        var rows = jdbc.sql("""
                        SELECT n.id, n.case_id, n.kind, n.message, n.clock_kind, n.due_at, o.name AS outlet_name,
                               c.description, n.created_at, n.read_at
                        FROM notification n LEFT JOIN support_case c ON c.id = n.case_id
                        LEFT JOIN org_unit o ON o.id = c.outlet_id""" + where + " ORDER BY n.id DESC LIMIT :limit OFFSET :offset")
                .param("me", user.id()).param("limit", page.size()).param("offset", page.offset())
                .query(Rows.of(Notification.class)).list();
        long total = jdbc.sql("SELECT COUNT(*) FROM notification n" + where).param("me", user.id()).query(Long.class).single();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    public long unread(AppUser user) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE person_id = :me AND read_at IS NULL")
                .param("me", user.id()).query(Long.class).single();
    }

    /** Marks every unread message about the case as read, whoever it was for. */
    void clearCase(long caseId, OffsetDateTime at) {
        jdbc.sql("UPDATE notification SET read_at = :at WHERE case_id = :c AND read_at IS NULL")
                .param("at", at).param("c", caseId).update();
    }

    /** Marks one notification (or all, with a null id) as read; only the recipient's own. */
    public int markRead(AppUser user, Long id) {
        return jdbc.sql("UPDATE notification SET read_at = :now WHERE person_id = :me AND read_at IS NULL"
                        + (id == null ? "" : " AND id = :id"))
                .param("now", OffsetDateTime.now(clock)).param("me", user.id()).params(id == null ? Map.of() : Map.of("id", id))
                .update();
    }
}
