package com.serviceloop.staff;

import com.serviceloop.casework.StaffCaseFigures;
import com.serviceloop.survey.StaffSatisfaction;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rebuilds the per-person-per-day rollup (staff_scoreboard_day) for a range of days at one outlet
 * or at all: the rows of the range are replaced in one transaction, so a board never adds up a
 * half-refreshed day. Cases and survey responses come from their owners' public figures.
 */
@Service
public class ScoreboardRollup {
    private static final String INSERT = """
            INSERT INTO staff_scoreboard_day (outlet_id, on_day, person_id, cases_owned, praise, complaints, follow_ups_due,
                follow_ups_on_time, clocks_due, clocks_on_time, survey_responses, survey_sum, recognitions)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final StaffCaseFigures cases;
    private final StaffSatisfaction surveys;

    public ScoreboardRollup(JdbcClient jdbc, JdbcTemplate template, StaffCaseFigures cases, StaffSatisfaction surveys) {
        this.jdbc = jdbc;
        this.template = template;
        this.cases = cases;
        this.surveys = surveys;
    }

    /** One row in the making. */
    private static final class Row {
        final long outlet;
        final LocalDate day;
        final long person;
        int casesOwned;
        int praise;
        int complaints;
        int followUpsDue;
        int followUpsOnTime;
        int clocksDue;
        int clocksOnTime;
        int surveyResponses;
        BigDecimal surveySum = BigDecimal.ZERO;
        int recognitions;

        Row(long outlet, LocalDate day, long person) {
            this.outlet = outlet;
            this.day = day;
            this.person = person;
        }
    }

    /** Replaces the rows of [from, to] at the outlet (every outlet when null); answers the rows written. */
    @Transactional
    public int refresh(Long outletId, LocalDate from, LocalDate to) {
        Map<List<Object>, Row> rows = new HashMap<>();
        for (StaffCaseFigures.PersonDay d : cases.perPersonDay(outletId, from, to)) {
            Row r = row(rows, d.outletId(), d.day(), d.personId());
            r.casesOwned += d.casesOwned();
            r.praise += d.praise();
            r.complaints += d.complaints();
            r.followUpsDue += d.followUpsDue();
            r.followUpsOnTime += d.followUpsOnTime();
            r.clocksDue += d.clocksDue();
            r.clocksOnTime += d.clocksOnTime();
        }
        for (StaffSatisfaction.PersonDay d : surveys.perPersonDay(outletId, from, to)) {
            Row r = row(rows, d.outletId(), d.day(), d.personId());
            r.surveyResponses += d.responses();
            r.surveySum = r.surveySum.add(d.satisfactionSum());
        }
        var notes = jdbc.sql("SELECT outlet_id, written_on, person_id, COUNT(*) FROM staff_recognition WHERE person_id IS NOT NULL "
                + "AND written_on >= :from AND written_on <= :to" + (outletId == null ? "" : " AND outlet_id = :outlet")
                + " GROUP BY outlet_id, written_on, person_id").param("from", from).param("to", to);
        (outletId == null ? notes : notes.param("outlet", outletId)).query(rs -> {
            row(rows, rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getLong(3)).recognitions += rs.getInt(4);
        });
        var delete = jdbc.sql("DELETE FROM staff_scoreboard_day WHERE on_day >= :from AND on_day <= :to"
                + (outletId == null ? "" : " AND outlet_id = :outlet")).param("from", from).param("to", to);
        (outletId == null ? delete : delete.param("outlet", outletId)).update();
        List<Row> list = new ArrayList<>(rows.values());
        template.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Row r = list.get(i);
                ps.setLong(1, r.outlet);
                ps.setDate(2, Date.valueOf(r.day));
                ps.setLong(3, r.person);
                int[] counts = {r.casesOwned, r.praise, r.complaints, r.followUpsDue, r.followUpsOnTime, r.clocksDue,
                    r.clocksOnTime, r.surveyResponses};
                for (int c = 0; c < counts.length; c++) {
                    ps.setInt(4 + c, counts[c]);
                }
                ps.setBigDecimal(12, r.surveySum);
                ps.setInt(13, r.recognitions);
            }

            @Override
            public int getBatchSize() {
                return list.size();
            }
        });
        return list.size();
    }

    private static Row row(Map<List<Object>, Row> rows, long outlet, LocalDate day, long person) {
        return rows.computeIfAbsent(List.of(outlet, day, person), k -> new Row(outlet, day, person));
    }
}
