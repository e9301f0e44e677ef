package com.serviceloop.casework;

import com.serviceloop.organisation.UnitDeleting;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Cases and SQI failures keep their outlet; its opening hours and holidays go with it. */
@Component
class OutletsInUse {
    private final JdbcClient jdbc;

    OutletsInUse(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void onDeleting(UnitDeleting e) {
        long n = jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM support_case WHERE outlet_id = :id OR owner_team_id = :id)
                     + (SELECT COUNT(*) FROM sqi_event WHERE outlet_id = :id)""")
                .param("id", e.unitId()).query(Long.class).single();
        e.refuseIf(n > 0, "error.unit.cases");
        jdbc.sql("DELETE FROM outlet_hours WHERE outlet_id = :id").param("id", e.unitId()).update();
        jdbc.sql("DELETE FROM outlet_holiday WHERE outlet_id = :id").param("id", e.unitId()).update();
    }
}
