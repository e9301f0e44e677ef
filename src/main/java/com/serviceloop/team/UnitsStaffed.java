package com.serviceloop.team;

import com.serviceloop.organisation.UnitDeleting;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An outlet with job holders or candidates keeps them, so it stays until they are moved or anonymised
 * away; a unit that leadership rounds were run in stays with its rounds.
 */
@Component
class UnitsStaffed {
    private final JdbcClient jdbc;

    UnitsStaffed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void onDeleting(UnitDeleting e) {
        e.refuseIf(jdbc.sql("""
                        SELECT (SELECT COUNT(*) FROM team_person_job WHERE outlet_id = :id)
                             + (SELECT COUNT(*) FROM team_candidate WHERE outlet_id = :id)
                             + (SELECT COUNT(*) FROM leadership_round WHERE outlet_id = :id OR unit_id = :id)""")
                .param("id", e.unitId()).query(Long.class).single() > 0, "error.unit.teamRecords");
    }
}
