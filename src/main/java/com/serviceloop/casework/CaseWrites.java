package com.serviceloop.casework;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.platform.ConflictException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every change to a case row goes through here, so that no change skips the version check, and
 * no status move skips what it does to the clocks, the history and the inbox.
 */
@Component
class CaseWrites {
    private final JdbcClient jdbc;
    private final CaseClocks clocks;
    private final CaseJournal journal;
    private final Inbox inbox;
    private final Clock clock;

    CaseWrites(JdbcClient jdbc, CaseClocks clocks, CaseJournal journal, Inbox inbox, Clock clock) {
        this.jdbc = jdbc;
        this.clocks = clocks;
        this.journal = journal;
        this.inbox = inbox;
        this.clock = clock;
    }

    /** Changes the status and applies what the move does to the clocks; the caller checked it is allowed. */
    void transition(AppUser user, SupportCase c, int version, CaseStatus to, String note) {
        OffsetDateTime now = now();
        String extra = to == CaseStatus.RESOLVED ? ", resolved_at = :now" : to == CaseStatus.CLOSED ? ", closed_at = :now" : "";
        bump(c, version, "status = :status" + extra, "status", to.name(), now);
        clocks.follow(c, to, now);
        boolean reopened = c.status().isReopenedBy(to);
        journal.event(c, user.id(), now, reopened ? "REOPENED" : "STATUS", c.status(), to, note);
        if (reopened) {
            journal.failure(c, "COMPLAINT_REOPENED", clocks.localDay(c, now), null, now);
        }
        if (to == CaseStatus.CLOSED) {
            // warnings, escalations and hand-overs of a closed case ask for nothing any more
            inbox.clearCase(c.id(), now);
        }
    }

    void bump(SupportCase c, int version, String set, String param, Object value, OffsetDateTime now) {
        bump(c, version, set, Map.of(param, value), now);
    }

    /** The version the caller read must still be the stored one. */
    void bump(SupportCase c, int version, String set, Map<String, ?> params, OffsetDateTime now) {
        var sql = jdbc.sql("UPDATE support_case SET " + (set.isEmpty() ? "" : set + ", ")
                        + "updated_at = :now, version = version + 1 WHERE id = :id AND version = :version")
                .param("now", now).param("id", c.id()).param("version", version);
        for (var p : params.entrySet()) {
            sql = sql.param(p.getKey(), p.getValue());
        }
        if (sql.update() == 0) {
            throw ConflictException.of("error.casework.stale", String.valueOf(c.id()));
        }
    }

    /** Microseconds, as both databases store them, so a stored time reads back equal. */
    OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
