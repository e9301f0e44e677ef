package com.serviceloop.team;

import com.serviceloop.platform.OutletScope;
import com.serviceloop.platform.Rows;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the training records and the gaps are computed from: job holders, their jobs' standards and
 * the standards of the programmes they passed, each limited to the holders of the caller's outlets
 * (and to one outlet or one person when asked).
 */
@Repository
class RecordRepository {
    private static final String PASSED = "a.attended = TRUE AND a.knowledge_passed = TRUE AND a.skill_passed = TRUE";
    private final JdbcClient jdbc;

    RecordRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static String where(OutletScope scope, Long outletId, Long personId) {
        return " WHERE pe.active = TRUE AND " + scope.sqlFilter("pj.outlet_id") + (outletId == null ? "" : " AND pj.outlet_id = :o")
                + (personId == null ? "" : " AND pj.person_id = :p");
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, OutletScope scope, Long outletId,
                                                 Long personId) {
        var s = scope.bind(spec);
        if (outletId != null) {
            s = s.param("o", outletId);
        }
        return personId == null ? s : s.param("p", personId);
    }

    List<GapRule.Holder> holders(OutletScope scope, Long outletId, Long personId) {
        return bind(jdbc.sql("""
                        SELECT pj.person_id, pe.display_name, pj.job_id, j.name AS job_name, pj.outlet_id,
                               o.name AS outlet_name
                        FROM team_person_job pj JOIN person pe ON pe.id = pj.person_id JOIN team_job j ON j.id = pj.job_id
                        LEFT JOIN org_unit o ON o.id = pj.outlet_id""" + where(scope, outletId, personId)
                        + " ORDER BY o.name NULLS FIRST, pj.outlet_id, pe.display_name, pj.person_id"), scope, outletId, personId)
                .query(Rows.of(GapRule.Holder.class)).list();
    }

    /** Per holder, the standards of their job in the job's order. */
    Map<Long, List<Long>> jobStandards(OutletScope scope, Long outletId, Long personId) {
        Map<Long, List<Long>> out = new LinkedHashMap<>();
        bind(jdbc.sql("""
                        SELECT pj.person_id, js.standard_id FROM team_person_job pj
                        JOIN person pe ON pe.id = pj.person_id
                        JOIN team_job_standard js ON js.job_id = pj.job_id""" + where(scope, outletId, personId)
                        + " ORDER BY pj.person_id, js.sort_order"), scope, outletId, personId)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        return out;
    }

    /** Per holder, the standards taught by the programmes they passed (wherever the session was held). */
    Map<Long, Set<Long>> covered(OutletScope scope, Long outletId, Long personId) {
        Map<Long, Set<Long>> out = new LinkedHashMap<>();
        bind(jdbc.sql("""
                        SELECT DISTINCT pj.person_id, ps.standard_id FROM team_person_job pj
                        JOIN person pe ON pe.id = pj.person_id
                        JOIN team_training_attendee a ON a.person_id = pj.person_id
                        JOIN team_training_session s ON s.id = a.session_id
                        JOIN team_programme_standard ps ON ps.programme_id = s.programme_id"""
                        + where(scope, outletId, personId) + " AND " + PASSED), scope, outletId, personId)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
                });
        return out;
    }

    /** The person's sessions, newest first: those held in the caller's outlets, or attended as one of their people. */
    List<TrainingRecord.Row> sessions(long personId, OutletScope scope) {
        return scope.bind(jdbc.sql("""
                        SELECT s.id AS session_id, s.programme_id, pr.name AS programme_name, s.held_on, s.outlet_id,
                               o.name AS outlet_name, a.attended, a.attended_on, a.knowledge_passed, a.knowledge_on,
                               a.skill_passed, a.skill_on,
                               CASE WHEN %s THEN TRUE ELSE FALSE END AS passed
                        FROM team_training_attendee a JOIN team_training_session s ON s.id = a.session_id
                        JOIN team_programme pr ON pr.id = s.programme_id JOIN org_unit o ON o.id = s.outlet_id
                        WHERE a.person_id = :p AND (%s OR %s) ORDER BY s.held_on DESC, s.id DESC"""
                        .formatted(PASSED, scope.sqlFilter("s.outlet_id"), scope.sqlFilter("a.outlet_id"))))
                .param("p", personId).query(Rows.of(TrainingRecord.Row.class)).list();
    }
}
