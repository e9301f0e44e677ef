package com.serviceloop.customer;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.OutletScope;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the contact due list: once a night (ShedLock keeps it to one instance) and when a manager
 * asks, every outlet's contactable customers are checked against the rules that apply there. New
 * due items are inserted, items still due are kept as they are, and items no longer due (the
 * customer came back, changed group, withdrew consent, the window closed) are closed, so that the
 * list a person opens is a plain indexed read of open rows.
 */
@Component
public class ContactDueJob {
    static final String LOCK = "contact-due";
    private static final Logger log = LoggerFactory.getLogger(ContactDueJob.class);
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final ContactCandidates candidates;
    private final ContactRules rules;
    private final InsightSettingsService settings;
    private final TransactionTemplate tx;
    private final LockProvider locks;
    private final Clock clock;
    private final OrgService org;

    ContactDueJob(JdbcClient jdbc, JdbcTemplate batch, ContactCandidates candidates, ContactRules rules,
                  InsightSettingsService settings, TransactionTemplate tx, LockProvider locks, Clock clock,
                  OrgService org) {
        this.org = org;
        this.jdbc = jdbc;
        this.batch = batch;
        this.candidates = candidates;
        this.rules = rules;
        this.settings = settings;
        this.tx = tx;
        this.locks = locks;
        this.clock = clock;
    }

    /** Items added, closed and left open by a run. */
    public record Result(int added, int closed, int kept) {
        Result plus(Result o) {
            return new Result(added + o.added, closed + o.closed, kept + o.kept);
        }
    }

    private record Open(long id, LocalDateTime lastVisit) {
    }

    @Scheduled(cron = "${serviceloop.contacts.generate-cron:0 30 5 * * *}",
            zone = "${serviceloop.cases.default-zone:Asia/Shanghai}")
    // no minimum hold: a second run is harmless (it keeps what is open), and a manager may generate right after
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT2H", lockAtLeastFor = "PT0S")
    public void scheduled() {
        Result r = allOutlets(LocalDate.now(clock));
        log.info("Contact due list: {} added, {} closed, {} kept", r.added(), r.closed(), r.kept());
    }

    /**
     * A run outside the schedule (a manager's "generate now"), under the same lock so that it never
     * overlaps the nightly run; empty when another run holds the lock.
     */
    public Result now(AppUser user, Long outletId) {
        OutletScope scope = org.scopeOf(user);
        if (outletId != null && !scope.contains(outletId)) {
            throw BadInputException.of("outletId", "error.customer.noOutlet", String.valueOf(outletId));
        }
        List<Long> outlets = outletId != null ? List.of(outletId)
                : org.visibleOutlets(user).stream().map(OrgUnit::id).toList();
        return now(outlets).orElseThrow(() -> ConflictException.of("error.customer.contactGenerating"));
    }

    Optional<Result> now(List<Long> outletIds) {
        return locked(() -> {
            LocalDate today = LocalDate.now(clock);
            Result r = new Result(0, 0, 0);
            for (long o : outletIds) {
                r = r.plus(outlet(o, today));
            }
            return r;
        });
    }

    <T> Optional<T> locked(Supplier<T> work) {
        Optional<SimpleLock> lock = locks.lock(new LockConfiguration(Instant.now(), LOCK, Duration.ofHours(2),
                Duration.ZERO));
        if (lock.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(work.get());
        } finally {
            lock.get().unlock();
        }
    }

    Result allOutlets(LocalDate today) {
        Result r = new Result(0, 0, 0);
        for (long o : jdbc.sql("SELECT id FROM org_unit WHERE kind = 'OUTLET' ORDER BY id").query(Long.class).list()) {
            r = r.plus(outlet(o, today));
        }
        return r;
    }

    /** One outlet in one transaction: the list changes all at once or not at all. */
    Result outlet(long outletId, LocalDate today) {
        return tx.execute(s -> generate(outletId, today));
    }

    private Result generate(long outletId, LocalDate today) {
        List<ContactRule> active = rules.activeFor(outletId);
        Map<Long, Map<Long, Open>> open = openItems(outletId);
        if (active.isEmpty() && open.isEmpty()) {
            return new Result(0, 0, 0);
        }
        Map<Long, Map<Long, LocalDateTime>> lastContact = lastContacts(outletId, today);
        InsightSettings s = settings.current();
        LocalDateTime now = today.equals(LocalDate.now(clock)) ? LocalDateTime.now(clock) : today.atTime(6, 0);
        List<Object[]> inserts = new ArrayList<>();
        List<Long> closes = new ArrayList<>();
        int[] kept = {0};
        candidates.forOutlet(outletId, today, c -> {
            RosterGroup group = RosterGroup.of(c.visits365(), c.visitsPrev365(), c.wouldRecommend(), s);
            for (ContactRule rule : active) {
                LocalDateTime contacted = lastContact.getOrDefault(rule.id(), Map.of()).get(c.customerId());
                LocalDate due = ContactDueCheck.dueOn(rule, c, group, contacted, today);
                Open existing = open.getOrDefault(rule.id(), new HashMap<>()).remove(c.customerId());
                if (existing != null && due != null
                        && (rule.kind().periodic() || Objects.equals(existing.lastVisit(), c.lastVisit()))) {
                    kept[0]++;
                    continue;
                }
                if (existing != null) {
                    closes.add(existing.id());
                }
                if (due != null) {
                    inserts.add(new Object[] {rule.id(), outletId, c.customerId(), rule.assigneeId(),
                            group == null ? null : group.name(), Date.valueOf(due),
                            c.lastVisit() == null ? null : Timestamp.valueOf(c.lastVisit()), Timestamp.valueOf(now)});
                }
            }
        });
        // what is left was not seen: a rule switched off, a customer without consent or moved away
        open.values().forEach(m -> m.values().forEach(o -> closes.add(o.id())));
        batch.batchUpdate("UPDATE contact_due SET closed_seq = id, closed_how = 'NO_LONGER_DUE', closed_at = ? "
                + "WHERE id = ? AND closed_seq = 0", closes.stream().map(id -> new Object[] {Timestamp.valueOf(now), id})
                .toList());
        batch.batchUpdate("""
                INSERT INTO contact_due (rule_id, outlet_id, customer_id, assignee_id, roster_group, due_on, last_visit,
                    created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", inserts);
        return new Result(inserts.size(), closes.size(), kept[0]);
    }

    private Map<Long, Map<Long, Open>> openItems(long outletId) {
        Map<Long, Map<Long, Open>> open = new HashMap<>();
        jdbc.sql("SELECT id, rule_id, customer_id, last_visit FROM contact_due WHERE outlet_id = :o AND closed_seq = 0")
                .param("o", outletId).query(rs -> {
                    Timestamp last = rs.getTimestamp(4);
                    open.computeIfAbsent(rs.getLong(2), k -> new HashMap<>()).put(rs.getLong(3),
                            new Open(rs.getLong(1), last == null ? null : last.toLocalDateTime()));
                });
        return open;
    }

    private Map<Long, Map<Long, LocalDateTime>> lastContacts(long outletId, LocalDate today) {
        Map<Long, Map<Long, LocalDateTime>> last = new HashMap<>();
        jdbc.sql("""
                SELECT rule_id, customer_id, MAX(contacted_at) FROM contact
                WHERE outlet_id = :o AND rule_id IS NOT NULL AND contacted_at < :end GROUP BY rule_id, customer_id""")
                .param("o", outletId).param("end", today.plusDays(1).atStartOfDay())
                .query(rs -> {
                    last.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getLong(2),
                            rs.getTimestamp(3).toLocalDateTime());
                });
        return last;
    }
}
