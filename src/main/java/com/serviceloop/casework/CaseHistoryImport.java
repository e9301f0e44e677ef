package com.serviceloop.casework;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases that already happened, stored as they ended up (the demo chain's history). They bypass
 * CaseService on purpose: its rules judge a case as it moves, with targets from the standards, and
 * would notify, call webhooks and stamp everything with today's time. Nothing is checked here.
 */
@Service
public class CaseHistoryImport {
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public CaseHistoryImport(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * A case with what it left behind; resolvedAt and closedAt stay null while it is not. The topic is
     * a code of the outlet type's list, or null.
     */
    public record PastCase(long outletId, Long customerId, Channel channel, CaseType type, Severity severity,
                           CaseStatus status, String description, long ownerId, OffsetDateTime createdAt,
                           OffsetDateTime resolvedAt, OffsetDateTime closedAt, String remedy, BigDecimal remedyCost,
                           boolean problem, List<PastClock> clocks, List<PastEvent> events, PastCall call,
                           List<PastFailure> failures, String topic) {
    }

    /** A clock without stoppedAt still runs: the SLA sweep will warn and escalate it when due. */
    public record PastClock(SlaKind kind, OffsetDateTime startedAt, OffsetDateTime warnAt, OffsetDateTime dueAt,
                            OffsetDateTime stoppedAt) {
    }

    public record PastEvent(OffsetDateTime occurredAt, long actorId, String kind, CaseStatus fromStatus,
                            CaseStatus toStatus, String detail) {
    }

    /** The follow-up call; outcome as in case_follow_up (CLOSED, REOPENED, NOT_REACHED, WAIVED). */
    public record PastCall(long recordedBy, OffsetDateTime recordedAt, String outcome, Integer satisfaction,
                           Boolean cameBack, String comment) {
    }

    /** One SQI failure of a type in sqi_failure_type. */
    public record PastFailure(long outletId, String failureCode, LocalDate occurredOn, OffsetDateTime createdAt) {
    }

    /**
     * Stores the cases in the order given, then their clocks, events, calls and failures, then the
     * failures that belong to no case, each table in one batch. Returns the number of cases.
     */
    @Transactional
    public int record(List<PastCase> cases, List<PastFailure> otherFailures) {
        List<Object[]> clocks = new ArrayList<>();
        List<Object[]> events = new ArrayList<>();
        List<Object[]> calls = new ArrayList<>();
        List<Object[]> failures = new ArrayList<>();
        for (PastCase c : cases) {
            long id = insert(c);
            for (PastClock k : c.clocks()) {
                clocks.add(new Object[] {id, k.kind().name(), ts(k.startedAt()), ts(k.warnAt()), ts(k.dueAt()),
                        ts(k.stoppedAt()), k.stoppedAt() == null ? ts(k.warnAt()) : null,
                        k.stoppedAt() == null ? ts(k.dueAt()) : null});
            }
            for (PastEvent e : c.events()) {
                events.add(new Object[] {id, ts(e.occurredAt()), e.actorId(), e.kind(), name(e.fromStatus()),
                        name(e.toStatus()), e.detail()});
            }
            if (c.call() != null) {
                PastCall call = c.call();
                calls.add(new Object[] {id, call.recordedBy(), ts(call.recordedAt()), call.outcome(), call.satisfaction(),
                        call.cameBack(), call.comment()});
            }
            c.failures().forEach(f -> failures.add(failure(f, id)));
        }
        otherFailures.forEach(f -> failures.add(failure(f, null)));
        batch.batchUpdate("INSERT INTO case_clock (case_id, clock_kind, started_at, warn_at, due_at, stopped_at, "
                + "warn_pending_at, escalate_pending_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", clocks);
        batch.batchUpdate("INSERT INTO case_event (case_id, occurred_at, actor_id, kind, from_status, to_status, detail) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", events);
        batch.batchUpdate("INSERT INTO case_follow_up (case_id, recorded_by, recorded_at, outcome, satisfaction, came_back, comment) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", calls);
        batch.batchUpdate("INSERT INTO sqi_event (outlet_id, failure_code, occurred_on, quantity, case_id, created_at) "
                + "VALUES (?, ?, ?, 1, ?, ?)", failures);
        return cases.size();
    }

    private long insert(PastCase c) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO support_case (outlet_id, customer_id, channel, case_type, severity, status, description,
                    owner_id, received_by, created_at, updated_at, resolved_at, closed_at, remedy, remedy_cost, problem, topic)
                VALUES (:o, :c, :ch, :t, :s, :st, :d, :p, :p, :at, :at, :res, :closed, :remedy, :cost, :problem, :topic)""")
                .param("o", c.outletId()).param("c", c.customerId()).param("ch", c.channel().name())
                .param("t", c.type().name()).param("s", c.severity().name()).param("st", c.status().name())
                .param("d", c.description()).param("p", c.ownerId()).param("at", c.createdAt())
                .param("res", c.resolvedAt()).param("closed", c.closedAt())
                .param("remedy", c.remedy()).param("cost", c.remedyCost())
                .param("problem", c.problem()).param("topic", c.topic()).update(keys, "id");
        return keys.getKey().longValue();
    }

    private static Object[] failure(PastFailure f, Long caseId) {
        return new Object[] {f.outletId(), f.failureCode(), f.occurredOn(), caseId, ts(f.createdAt())};
    }

    private static String name(CaseStatus status) {
        return status == null ? null : status.name();
    }

    private static Timestamp ts(OffsetDateTime t) {
        return t == null ? null : Timestamp.from(t.toInstant());
    }
}
