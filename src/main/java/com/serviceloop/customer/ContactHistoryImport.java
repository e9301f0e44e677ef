package com.serviceloop.customer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Past contact work for a caller that makes it up itself (the demo chain): the due-list job is run
 * as of each day of a past stretch, and the caller says for each new item whether it was answered,
 * when, how and by whom. Past lists and contacts then look as if the outlets had used the plan.
 */
@Service
public class ContactHistoryImport {
    private static final RowMapper<DueItem> DUE = (rs, i) -> new DueItem(rs.getLong(1), rs.getLong(2),
            ContactKind.valueOf(rs.getString(3)), rs.getLong(4), rs.getLong(5), rs.getDate(6).toLocalDate());
    private final ContactDueJob job;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;

    ContactHistoryImport(ContactDueJob job, JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.job = job;
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    /** A due item as the job wrote it. */
    public record DueItem(long dueId, long ruleId, ContactKind kind, long outletId, long customerId, LocalDate dueOn) {
    }

    /** A contact made for an item. */
    public record PastContact(LocalDateTime at, ContactOutcome outcome, String note, long byPersonId) {
    }

    /** Says what became of a new item: null when nobody answered it. */
    public interface Decider {
        PastContact decide(DueItem item);
    }

    /**
     * Runs the job for the outlets as of {@code from}, then every {@code stepDays} days until today (today last),
     * asking the decider about each item each run adds. Returns the number of contacts stored.
     */
    public int replay(List<Long> outletIds, LocalDate from, int stepDays, Decider decider) {
        LocalDate today = LocalDate.now(clock);
        LocalDateTime now = LocalDateTime.now(clock);
        int contacts = 0;
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; d.isBefore(today); d = d.plusDays(stepDays)) {
            days.add(d);
        }
        days.add(today);
        for (LocalDate day : days) {
            long before = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM contact_due").query(Long.class).single();
            for (long outlet : outletIds) {
                job.outlet(outlet, day);
            }
            List<DueItem> added = jdbc.sql("""
                    SELECT d.id, d.rule_id, r.kind, d.outlet_id, d.customer_id, d.due_on
                    FROM contact_due d JOIN contact_rule r ON r.id = d.rule_id WHERE d.id > :before ORDER BY d.id""")
                    .param("before", before).query(DUE).list();
            List<Object[]> rows = new ArrayList<>();
            List<Object[]> closes = new ArrayList<>();
            for (DueItem item : added) {
                PastContact c = decider.decide(item);
                if (c == null || c.at().isAfter(now)) {
                    continue;
                }
                rows.add(new Object[] {item.customerId(), item.outletId(), item.ruleId(), item.dueId(),
                        c.outcome().name(), c.note(), c.at(), c.byPersonId()});
                closes.add(new Object[] {c.at(), item.dueId()});
            }
            batch.batchUpdate("""
                    INSERT INTO contact (customer_id, outlet_id, rule_id, due_id, outcome, note, contacted_at, by_person_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
            batch.batchUpdate("UPDATE contact_due SET closed_seq = id, closed_how = 'CONTACTED', closed_at = ? "
                    + "WHERE id = ? AND closed_seq = 0", closes);
            contacts += rows.size();
        }
        return contacts;
    }
}
