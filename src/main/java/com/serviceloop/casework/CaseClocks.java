package com.serviceloop.casework;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SLA clock engine: starts, stops, pauses and resumes a case's clocks as its status moves (see
 * {@link ClockEffects}), and works out their deadlines in the outlet's business hours.
 */
@Component
class CaseClocks {
    private final JdbcClient jdbc;
    private final CalendarRepository calendars;
    private final SlaTargets targets;
    private final CaseJournal journal;
    private final int warnPercent;

    CaseClocks(JdbcClient jdbc, CalendarRepository calendars, SlaTargets targets, CaseJournal journal,
               @Value("${serviceloop.cases.warn-at-percent:80}") int warnPercent) {
        this.jdbc = jdbc;
        this.calendars = calendars;
        this.targets = targets;
        this.journal = journal;
        this.warnPercent = warnPercent;
    }

    record Deadline(OffsetDateTime warn, OffsetDateTime due) {
    }

    /** Applies to the clocks what the move from the case's current status to the given one does. */
    void follow(SupportCase c, CaseStatus to, OffsetDateTime now) {
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

    private Deadline deadline(SupportCase c, SlaKind kind, Instant started, List<SlaClock.Pause> pauses) {
        return deadline(c.outletId(), c.caseType(), c.severity(), kind, started, pauses);
    }

    /** No target for this type and severity: the clock runs without a deadline. */
    Deadline deadline(long outletId, CaseType type, Severity severity, SlaKind kind, Instant started,
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

    /** The day in the outlet's own time zone, as the SQI counts failures. */
    LocalDate localDay(SupportCase c, OffsetDateTime at) {
        return at.atZoneSameInstant(calendars.forOutlet(c.outletId()).zone()).toLocalDate();
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
