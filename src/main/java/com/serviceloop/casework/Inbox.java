package com.serviceloop.casework;

import com.serviceloop.platform.AppUser;
import com.serviceloop.platform.PageRequest;
import com.serviceloop.platform.PageResult;
import com.serviceloop.platform.Rows;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The in-app inbox: warnings before an SLA breach and escalations at breach. */
@Service
public class Inbox {
    private final JdbcClient jdbc;
    private final Clock clock;

    public Inbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Notification(long id, Long caseId, String kind, String message, OffsetDateTime createdAt,
                               OffsetDateTime readAt) {
    }

    void post(long personId, Long caseId, String kind, String message, OffsetDateTime at) {
        jdbc.sql("INSERT INTO notification (person_id, case_id, kind, message, created_at) VALUES (:p, :c, :k, :m, :at)")
                .param("p", personId).param("c", caseId).param("k", kind).param("m", message).param("at", at).update();
    }

    public PageResult<Notification> list(AppUser user, boolean unreadOnly, PageRequest page) {
        String where = " WHERE person_id = :me" + (unreadOnly ? " AND read_at IS NULL" : "");
        var rows = jdbc.sql("SELECT id, case_id, kind, message, created_at, read_at FROM notification" + where
                        + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .param("me", user.id()).param("limit", page.size()).param("offset", page.offset())
                .query(Rows.of(Notification.class)).list();
        long total = jdbc.sql("SELECT COUNT(*) FROM notification" + where).param("me", user.id()).query(Long.class).single();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    public long unread(AppUser user) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE person_id = :me AND read_at IS NULL")
                .param("me", user.id()).query(Long.class).single();
    }

    /** Marks one notification (or all, with a null id) as read; only the recipient's own. */
    public int markRead(AppUser user, Long id) {
        return jdbc.sql("UPDATE notification SET read_at = :now WHERE person_id = :me AND read_at IS NULL"
                        + (id == null ? "" : " AND id = :id"))
                .param("now", OffsetDateTime.now(clock)).param("me", user.id()).params(id == null ? java.util.Map.of() : java.util.Map.of("id", id))
                .update();
    }
}
