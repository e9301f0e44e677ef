package com.serviceloop.casework;

import com.serviceloop.platform.BatchInsert;
import com.serviceloop.platform.GroupCommit;
import com.serviceloop.platform.Rows;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores newly recorded cases by group commit (see {@link GroupCommit}): at 500 counters, cases
 * arrive many at a time. A batch writes its cases, their CREATED events (with the webhook
 * deliveries) and their first two clocks, and reads them back, in one transaction.
 */
@Component
class CaseIntake extends GroupCommit<CaseIntake.NewCase, SupportCase> {
    private static final String INSERT_CASE = """
            INSERT INTO support_case (outlet_id, customer_id, channel, case_type, severity, status, description,
                owner_id, received_by, created_at, updated_at, topic, product)
            VALUES (?, ?, ?, ?, ?, 'RECEIVED', ?, ?, ?, ?, ?, ?, ?)""";
    // both clocks of a new case in one statement
    private static final String INSERT_CLOCKS = """
            INSERT INTO case_clock (case_id, clock_kind, started_at, warn_at, due_at, warn_pending_at, escalate_pending_at)
            VALUES (?, 'FIRST_RESPONSE', ?, ?, ?, ?, ?), (?, 'RESOLUTION', ?, ?, ?, ?, ?)""";

    /** A case checked and ready to store, with the deadlines of its first-response and resolution clocks. */
    record NewCase(long outletId, Long customerId, Channel channel, CaseType caseType, Severity severity,
                   String description, String topic, String product, long recordedBy, OffsetDateTime at, CaseClocks.Deadline firstResponse,
                   CaseClocks.Deadline resolution) {
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final CaseJournal journal;

    CaseIntake(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, CaseJournal journal, TransactionTemplate tx,
               @Value("${serviceloop.cases.writers:2}") int writers,
               @Value("${serviceloop.cases.write-queue:10000}") int capacity) {
        super("case-intake", tx, writers, capacity, 100);
        this.jdbc = jdbc;
        this.named = named;
        this.journal = journal;
    }

    @Override
    protected List<SupportCase> insert(List<NewCase> cases) {
        List<Long> ids = BatchInsert.returningIds(jdbc, INSERT_CASE, cases, (ps, c) -> {
            ps.setLong(1, c.outletId());
            ps.setObject(2, c.customerId(), Types.BIGINT);
            ps.setString(3, c.channel().name());
            ps.setString(4, c.caseType().name());
            ps.setString(5, c.severity().name());
            ps.setString(6, c.description());
            ps.setLong(7, c.recordedBy());
            ps.setLong(8, c.recordedBy());
            ps.setObject(9, c.at());
            ps.setObject(10, c.at());
            ps.setString(11, c.topic());
            ps.setString(12, c.product());
        });
        List<CaseJournal.Entry> created = new ArrayList<>();
        List<Object[]> clocks = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            NewCase c = cases.get(i);
            long id = ids.get(i);
            created.add(new CaseJournal.Entry(id, c.outletId(), c.caseType(), c.severity(), c.recordedBy(), c.at(),
                    "CREATED", null, CaseStatus.RECEIVED, c.channel().name()));
            CaseClocks.Deadline f = c.firstResponse(), r = c.resolution();
            clocks.add(new Object[] {id, c.at(), f.warn(), f.due(), f.warn(), f.due(), id, c.at(), r.warn(), r.due(),
                    r.warn(), r.due()});
        }
        journal.events(created);
        int t = Types.TIMESTAMP_WITH_TIMEZONE;
        jdbc.batchUpdate(INSERT_CLOCKS, clocks, new int[] {Types.BIGINT, t, t, t, t, t, Types.BIGINT, t, t, t, t, t});
        Map<Long, SupportCase> stored = named.query(CaseQueries.SELECT + " WHERE c.id IN (:ids)", Map.of("ids", ids),
                Rows.of(SupportCase.class)).stream()
                .collect(Collectors.toMap(SupportCase::id, Function.identity()));
        return ids.stream().map(stored::get).toList();
    }
}
