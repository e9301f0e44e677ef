package com.serviceloop.standard;

import com.serviceloop.organisation.UnitDeleting;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An outlet whose standards were measured keeps its measurements, so it stays. */
@Component
class UnitsMeasured {
    private final JdbcClient jdbc;

    UnitsMeasured(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void onDeleting(UnitDeleting e) {
        e.refuseIf(jdbc.sql("SELECT COUNT(*) FROM standard_measurement WHERE outlet_id = :id").param("id", e.unitId())
                .query(Long.class).single() > 0,
                "error.unit.measurements");
    }
}
