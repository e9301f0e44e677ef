package com.serviceloop.casework;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who answers for an outlet: its own managers, else its region's, else the chain's. */
@Component
class OutletManagers {
    private final JdbcClient jdbc;

    public OutletManagers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Manager(long id, String email, int depth) {
    }

    public List<Manager> nearest(long outletId) {
        List<Manager> all = jdbc.sql("""
                SELECT p.id, p.email, LENGTH(u.path) FROM person p JOIN org_unit u ON u.id = p.scope_unit_id
                WHERE p.role = 'MANAGER' AND p.active = TRUE
                  AND (SELECT o.path FROM org_unit o WHERE o.id = :outlet) LIKE u.path || '%'
                ORDER BY LENGTH(u.path) DESC, p.id""")
                .param("outlet", outletId)
                .query((rs, i) -> new Manager(rs.getLong(1), rs.getString(2), rs.getInt(3))).list();
        return all.isEmpty() ? all : all.stream().filter(m -> m.depth() == all.getFirst().depth()).toList();
    }
}
