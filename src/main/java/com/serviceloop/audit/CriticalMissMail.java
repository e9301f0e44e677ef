package com.serviceloop.audit;

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
 * manager with an address, the chain's managers are told.
 */
@Component
class CriticalMissMail {
    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Clock clock;

    CriticalMissMail(JdbcClient jdbc, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    @EventListener
    void on(Audits.CriticalMiss miss) {
        record Manager(String email, String outletName, String kind) {
        }
        List<Manager> managers = jdbc.sql("""
                SELECT p.email, o.name AS outlet_name, u.kind FROM person p JOIN org_unit u ON u.id = p.scope_unit_id
                JOIN org_unit o ON o.id = :outlet
                WHERE p.role = 'MANAGER' AND p.active = TRUE AND p.email IS NOT NULL AND u.kind IN ('REGION', 'CHAIN')
                  AND o.path LIKE u.path || '%'
                ORDER BY LENGTH(u.path) DESC, p.id""").param("outlet", miss.outletId())
                .query((rs, i) -> new Manager(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        if (managers.isEmpty()) {
            return;
        }
        String nearest = managers.getFirst().kind();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Manager m : managers.stream().filter(m -> m.kind().equals(nearest)).toList()) {
            outbox.mail(m.email(), "[ServiceLoop] Critical miss in audit #" + miss.auditId() + ", " + m.outletName(),
                    "Audit #" + miss.auditId() + " of " + m.outletName() + " missed critical items / 本次检查未达到关键项:\n- "
                            + String.join("\n- ", miss.items()), now);
        }
    }
}
