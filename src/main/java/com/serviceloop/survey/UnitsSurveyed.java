package com.serviceloop.survey;

import com.serviceloop.organisation.UnitDeleting;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An outlet with survey links or answers stays: its figures would lose their place. */
@Component
class UnitsSurveyed {
    private final JdbcClient jdbc;

    UnitsSurveyed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void onDeleting(UnitDeleting e) {
        long n = jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM survey_link WHERE outlet_id = :id)
                     + (SELECT COUNT(*) FROM survey_response WHERE outlet_id = :id)""")
                .param("id", e.unitId()).query(Long.class).single();
        e.refuseIf(n > 0, "error.unit.surveys");
    }
}
