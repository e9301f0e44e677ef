package com.serviceloop.audit;

import com.serviceloop.platform.Notices;
import com.serviceloop.platform.Outbox;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A critical miss tells the outlet's region managers at once: the mail is queued in the outbox inside the
 * submission's transaction, so it goes out exactly when the audit is kept. Where the outlet has no region
 * manager with an address, the chain's managers are told. The nearest managers also find a notice in their inbox.
 */
@Component
class CriticalMissMail {
    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Notices notices;
    private final Clock clock;

    CriticalMissMail(JdbcClient jdbc, Outbox outbox, Notices notices, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.notices = notices;
        this.clock = clock;
    }

    private record Manager(long id, String email, String outletName, String kind) {
    }

    @EventListener
    void on(Audits.CriticalMiss miss) {
        List<Manager> managers = jdbc.sql("""
                SELECT p.id, p.email, o.name AS outlet_name, u.kind FROM person p JOIN org_unit u ON u.id = p.scope_unit_id
                JOIN org_unit o ON o.id = :outlet
                WHERE p.role = 'MANAGER' AND p.active = TRUE AND u.kind IN ('REGION', 'CHAIN')
                  AND o.path LIKE u.path || '%'
                ORDER BY LENGTH(u.path) DESC, p.id""").param("outlet", miss.outletId())
                .query((rs, i) -> new Manager(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
        // the inbox notice goes to the nearest managers; the mail to the nearest who have an address
        for (Manager m : nearest(managers)) {
            notices.post(m.id(), "AUDIT_CRITICAL", "/audits/" + miss.auditId(), "audits.notice.critical",
                    String.valueOf(miss.auditId()), m.outletName(), String.join("; ", miss.items()));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Manager m : nearest(managers.stream().filter(m -> m.email() != null).toList())) {
            outbox.mail(m.email(), "[ServiceLoop] Critical miss in audit #" + miss.auditId() + ", " + m.outletName(),
                    "Audit #" + miss.auditId() + " of " + m.outletName() + " missed critical items / 本次检查未达到关键项:\n- "
                            + String.join("\n- ", miss.items()), now);
        }
    }

    /** The managers of the level nearest the outlet (its region, else the chain). */
    private static List<Manager> nearest(List<Manager> managers) {
        if (managers.isEmpty()) {
            return managers;
        }
        String level = managers.getFirst().kind();
        return managers.stream().filter(m -> m.kind().equals(level)).toList();
    }
}
