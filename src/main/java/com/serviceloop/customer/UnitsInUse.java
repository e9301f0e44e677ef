package com.serviceloop.customer;

import com.serviceloop.organisation.UnitDeleting;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An outlet that customers call home or that has visits on record stays. */
@Component
class UnitsInUse {
    private final JdbcClient jdbc;

    UnitsInUse(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void onDeleting(UnitDeleting e) {
        long n = jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM customer WHERE home_outlet_id = :id)
                     + (SELECT COUNT(*) FROM visit WHERE outlet_id = :id)""")
                .param("id", e.unitId()).query(Long.class).single();
        e.refuseIf(n > 0, "error.unit.customers");
    }
}
