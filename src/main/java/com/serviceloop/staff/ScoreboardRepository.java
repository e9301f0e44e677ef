package com.serviceloop.staff;

import com.serviceloop.platform.OutletScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sums of the rollup over a period, per person or per team, inside the caller's outlets. */
@Repository
class ScoreboardRepository {
    private static final String SUMS = "SUM(d.cases_owned), SUM(d.praise), SUM(d.complaints), SUM(d.follow_ups_due), "
            + "SUM(d.follow_ups_on_time), SUM(d.clocks_due), SUM(d.clocks_on_time), SUM(d.survey_responses), "
            + "SUM(d.survey_sum), SUM(d.recognitions)";
    private final JdbcClient jdbc;

    ScoreboardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Everyone with a row at the outlet in the period. */
    List<ScoreboardFigures> people(OutletScope scope, long outletId, LocalDate from, LocalDate to) {
        return scope.bind(jdbc.sql("SELECT d.person_id, MIN(p.display_name), " + SUMS
                        + " FROM staff_scoreboard_day d JOIN person p ON p.id = d.person_id WHERE d.outlet_id = :o AND "
                        + scope.sqlFilter("d.outlet_id") + " AND d.on_day >= :from AND d.on_day <= :to GROUP BY d.person_id"))
                .param("o", outletId).param("from", from).param("to", to).query(ScoreboardRepository::figures).list();
    }

    /** One person over all the caller's outlets; empty figures when they have no row. */
    ScoreboardFigures person(OutletScope scope, long personId, String name, LocalDate from, LocalDate to) {
        return scope.bind(jdbc.sql("SELECT d.person_id, MIN(p.display_name), " + SUMS
                        + " FROM staff_scoreboard_day d JOIN person p ON p.id = d.person_id WHERE d.person_id = :p AND "
                        + scope.sqlFilter("d.outlet_id") + " AND d.on_day >= :from AND d.on_day <= :to GROUP BY d.person_id"))
                .param("p", personId).param("from", from).param("to", to).query(ScoreboardRepository::figures).optional()
                .orElseGet(() -> ScoreboardFigures.empty(personId, name));
    }

    /**
     * The outlet's teams: their members' rows added up (members by their current team), plus the
     * notes written to the team itself.
     */
    List<ScoreboardFigures> teams(OutletScope scope, long outletId, LocalDate from, LocalDate to) {
        Map<Long, ScoreboardFigures> byTeam = new HashMap<>();
        scope.bind(jdbc.sql("SELECT t.id, t.name FROM org_unit t WHERE t.parent_id = :o AND t.kind = 'TEAM' AND "
                        + scope.sqlFilter("t.parent_id"))).param("o", outletId)
                .query(rs -> {
                    byTeam.put(rs.getLong(1), ScoreboardFigures.empty(rs.getLong(1), rs.getString(2)));
                });
        scope.bind(jdbc.sql("SELECT t.id, MIN(t.name), " + SUMS + " FROM staff_scoreboard_day d JOIN person p ON p.id = d.person_id "
                        + "JOIN org_unit t ON t.id = p.team_id WHERE d.outlet_id = :o AND t.parent_id = :o AND "
                        + scope.sqlFilter("d.outlet_id") + " AND d.on_day >= :from AND d.on_day <= :to GROUP BY t.id"))
                .param("o", outletId).param("from", from).param("to", to).query(ScoreboardRepository::figures).list()
                .forEach(f -> byTeam.put(f.id(), f));
        scope.bind(jdbc.sql("SELECT n.team_id, COUNT(*) FROM staff_recognition n WHERE n.outlet_id = :o AND n.team_id IS NOT NULL AND "
                        + scope.sqlFilter("n.outlet_id") + " AND n.written_on >= :from AND n.written_on <= :to GROUP BY n.team_id"))
                .param("o", outletId).param("from", from).param("to", to)
                .query(rs -> {
                    int notes = rs.getInt(2);
                    byTeam.computeIfPresent(rs.getLong(1), (k, f) -> f.plusRecognitions(notes));
                });
        return List.copyOf(byTeam.values());
    }

    /** Visits, distinct customers, and customers whose first visit to the outlet fell in the period. */
    long[] outletCustomers(long outletId, LocalDate from, LocalDate to) {
        var start = from.atStartOfDay();
        var end = to.plusDays(1).atStartOfDay();
        long[] out = new long[3];
        jdbc.sql("SELECT COUNT(*), COUNT(DISTINCT v.customer_id) FROM visit v WHERE v.outlet_id = :o "
                        + "AND v.visited_at >= :s AND v.visited_at < :e").param("o", outletId).param("s", start).param("e", end)
                .query(rs -> {
                    out[0] = rs.getLong(1);
                    out[1] = rs.getLong(2);
                });
        out[2] = jdbc.sql("SELECT COUNT(*) FROM (SELECT v.customer_id FROM visit v WHERE v.outlet_id = :o AND v.visited_at < :e "
                        + "GROUP BY v.customer_id HAVING MIN(v.visited_at) >= :s) x")
                .param("o", outletId).param("s", start).param("e", end).query(Long.class).single();
        return out;
    }

    private static ScoreboardFigures figures(ResultSet rs, int i) throws SQLException {
        return ScoreboardFigures.of(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6),
                rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getBigDecimal(11), rs.getInt(12));
    }
}
