package com.serviceloop.casework;

import com.serviceloop.platform.Outbox;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds running SLA clocks past their warning point or their deadline, through the two pending
 * columns and their indexes (see V5), and tells people: the owner (or the owning team) is warned; at breach the outlet's
 * managers get an in-app message and an e-mail. Each clock is marked in the same transaction as
 * its messages, with a guard on the mark, so a clock warns and escalates once even if two
 * instances sweep at the same moment; ShedLock normally keeps it to one sweeper anyway.
 */
@Component
public class SlaSweep {
    static final String DUE_FOR_WARNING = "SELECT case_id, clock_kind FROM case_clock "
            + "WHERE warn_pending_at <= :now ORDER BY warn_pending_at LIMIT :batch";
    static final String DUE_FOR_ESCALATION = "SELECT case_id, clock_kind FROM case_clock "
            + "WHERE escalate_pending_at <= :now ORDER BY escalate_pending_at LIMIT :batch";
    private static final Logger log = LoggerFactory.getLogger(SlaSweep.class);
    private static final int BATCH = 2000;
    private final JdbcClient jdbc;
    private final Inbox inbox;
    private final OutletManagers outletManagers;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ZoneId zone;
    private final String baseUrl;
    private final String sender;
    private final Outbox outbox;

    public SlaSweep(JdbcClient jdbc, Inbox inbox, OutletManagers managers, TransactionTemplate tx, Clock clock,
                    @Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone,
                    @Value("${serviceloop.base-url:http://localhost:8080}") String baseUrl,
                    @Value("${serviceloop.mail.from:serviceloop@localhost}") String sender, Outbox outbox) {
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.inbox = inbox;
        this.outletManagers = managers;
        this.tx = tx;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
        this.baseUrl = baseUrl;
        this.sender = sender;
    }

    public record Result(int warned, int escalated, long millis) {
    }

    private record Due(long caseId, SlaKind kind) {
    }

    @Scheduled(fixedDelayString = "${serviceloop.cases.sweep-interval:PT1M}", initialDelayString = "PT20S")
    @SchedulerLock(name = "sla-sweep", lockAtMostFor = "PT10M", lockAtLeastFor = "PT5S")
    public void scheduled() {
        Result r = sweep();
        if (r.warned() + r.escalated() > 0) {
            log.info("SLA sweep: {} warnings, {} escalations in {} ms", r.warned(), r.escalated(), r.millis());
        }
    }

    public Result sweep() {
        long start = System.nanoTime();
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        int warned = 0;
        int escalated = 0;
        List<Due> due;
        do {
            due = find(DUE_FOR_WARNING, now);
            for (Due d : due) {
                warned += Boolean.TRUE.equals(tx.execute(s -> warn(d, now))) ? 1 : 0;
            }
        } while (due.size() == BATCH);
        do {
            due = find(DUE_FOR_ESCALATION, now);
            for (Due d : due) {
                escalated += Boolean.TRUE.equals(tx.execute(s -> escalate(d, now))) ? 1 : 0;
            }
        } while (due.size() == BATCH);
        return new Result(warned, escalated, (System.nanoTime() - start) / 1_000_000);
    }

    private List<Due> find(String sql, OffsetDateTime now) {
        return jdbc.sql(sql).param("now", now).param("batch", BATCH)
                .query((rs, i) -> new Due(rs.getLong(1), SlaKind.valueOf(rs.getString(2)))).list();
    }

    private record CaseInfo(long id, long outletId, String outletName, String caseType, String description,
                            Long ownerId, Long ownerTeamId, OffsetDateTime dueAt) {
    }

    private CaseInfo info(Due d) {
        return jdbc.sql("""
                SELECT c.id, c.outlet_id, o.name, c.case_type, c.description, c.owner_id, c.owner_team_id, k.due_at
                FROM support_case c JOIN org_unit o ON o.id = c.outlet_id
                JOIN case_clock k ON k.case_id = c.id AND k.clock_kind = :k WHERE c.id = :id""")
                .param("id", d.caseId()).param("k", d.kind().name())
                .query((rs, i) -> new CaseInfo(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), (Long) rs.getObject(6), (Long) rs.getObject(7), rs.getObject(8, OffsetDateTime.class)))
                .single();
    }

    private boolean warn(Due d, OffsetDateTime now) {
        if (mark("warned_at = :now, warn_pending_at = NULL", "warn_pending_at", d, now) == 0) {
            return false;
        }
        CaseInfo c = info(d);
        String text = "Case #" + c.id() + " (" + c.outletName() + "): " + label(d.kind()) + " due "
                + local(c.dueAt()) + " — " + shorten(c.description());
        for (long person : handlers(c)) {
            inbox.post(person, c.id(), "WARNING", d.kind(), c.dueAt(), text, now);
        }
        return true;
    }

    private boolean escalate(Due d, OffsetDateTime now) {
        if (mark("escalated_at = :now, escalate_pending_at = NULL, warn_pending_at = NULL", "escalate_pending_at", d, now) == 0) {
            return false;
        }
        CaseInfo c = info(d);
        String text = "Case #" + c.id() + " (" + c.outletName() + "): " + label(d.kind()) + " overdue since "
                + local(c.dueAt()) + " — " + shorten(c.description());
        List<OutletManagers.Manager> managers = outletManagers.nearest(c.outletId());
        for (OutletManagers.Manager m : managers) {
            inbox.post(m.id(), c.id(), "ESCALATION", d.kind(), c.dueAt(), text, now);
            if (m.email() != null && !m.email().isBlank()) {
                outbox.mail(m.email(), "[ServiceLoop] Overdue: case #" + c.id() + ", " + c.outletName(),
                        text + "\n" + "案例 #" + c.id() + "（" + c.outletName() + "）" + labelZh(d.kind())
                                + "已于 " + local(c.dueAt()) + " 超时。\n\n" + baseUrl + "/cases/" + c.id()
                                + "\n\nServiceLoop (" + sender + ")", now);
            }
        }
        for (long person : handlers(c)) {
            if (managers.stream().noneMatch(m -> m.id() == person)) {
                inbox.post(person, c.id(), "ESCALATION", d.kind(), c.dueAt(), text, now);
            }
        }
        return true;
    }

    /** The guard that makes the message once-only: only the first marker of a clock sees 1. */
    private int mark(String set, String pending, Due d, OffsetDateTime now) {
        return jdbc.sql("UPDATE case_clock SET " + set + " WHERE case_id = :id AND clock_kind = :k AND "
                        + pending + " IS NOT NULL")
                .param("now", now).param("id", d.caseId()).param("k", d.kind().name()).update();
    }

    /** The owner, or every active member of the owning team. */
    private List<Long> handlers(CaseInfo c) {
        if (c.ownerId() != null) {
            return List.of(c.ownerId());
        }
        return jdbc.sql("SELECT id FROM person WHERE team_id = :t AND active = TRUE").param("t", c.ownerTeamId())
                .query(Long.class).list();
    }

    private static String label(SlaKind kind) {
        return switch (kind) {
            case FIRST_RESPONSE -> "first response";
            case RESOLUTION -> "resolution";
            case FOLLOW_UP -> "follow-up call";
        };
    }

    private static String labelZh(SlaKind kind) {
        return switch (kind) {
            case FIRST_RESPONSE -> "首次响应";
            case RESOLUTION -> "解决";
            case FOLLOW_UP -> "回访";
        };
    }

    private String local(OffsetDateTime t) {
        return t.atZoneSameInstant(zone).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    }

    private static String shorten(String s) {
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }
}
