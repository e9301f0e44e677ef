package com.serviceloop.staff;

import com.serviceloop.platform.OutletScope;
import com.serviceloop.platform.Rows;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The star rules, and the grades with their reasons; every read of grades keeps to the caller's outlets. */
@Repository
class StarGradeRepository {
    private static final String GRADE_COLUMNS = "g.outlet_id, o.name AS outlet_name, o.parent_id AS region_id, "
            + "g.grade_month, g.stars, g.satisfaction, g.rated, g.on_time, g.clocks_due, g.complaints, g.visits, "
            + "g.complaints_ppm, g.audit_score, g.audits, g.computed_at";
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    StarGradeRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    List<StarGradeRule> rules() {
        return jdbc.sql("SELECT stars, min_satisfaction, min_on_time, max_complaints_ppm, min_audit, version "
                + "FROM star_rule ORDER BY stars").query(Rows.of(StarGradeRule.class)).list();
    }

    /** False when the level was changed since {@code version} was read. */
    boolean update(StarGradeRule r, int version, OffsetDateTime now) {
        return jdbc.sql("UPDATE star_rule SET min_satisfaction = :s, min_on_time = :t, max_complaints_ppm = :c, "
                        + "min_audit = :a, updated_at = :now, version = version + 1 WHERE stars = :stars AND version = :v")
                .param("s", r.minSatisfaction()).param("t", r.minOnTime()).param("c", r.maxComplaintsPpm())
                .param("a", r.minAudit()).param("now", now).param("stars", r.stars()).param("v", version).update() == 1;
    }

    /** The outlets of a scope, as graded. */
    List<Long> outlets(OutletScope scope) {
        return scope.bind(jdbc.sql("SELECT o.id FROM org_unit o WHERE o.kind = 'OUTLET' AND " + scope.sqlFilter("o.id")
                + " ORDER BY o.id")).query(Long.class).list();
    }

    record Graded(long outletId, StarGradeFigures figures, StarGrading.Result result) {
    }

    /** Replaces the month's grades of the given outlets (the caller holds the transaction). */
    void replace(List<Long> outlets, YearMonth month, List<Graded> grades, OffsetDateTime now) {
        Date day = Date.valueOf(month.atDay(1));
        for (int i = 0; i < outlets.size(); i += 500) {
            List<Long> part = outlets.subList(i, Math.min(outlets.size(), i + 500));
            jdbc.sql("DELETE FROM star_grade_miss WHERE grade_month = :m AND outlet_id IN (:ids)").param("m", day)
                    .param("ids", part).update();
            jdbc.sql("DELETE FROM star_grade WHERE grade_month = :m AND outlet_id IN (:ids)").param("m", day)
                    .param("ids", part).update();
        }
        Timestamp at = Timestamp.from(now.toInstant());
        batch.batchUpdate("INSERT INTO star_grade (outlet_id, grade_month, stars, satisfaction, rated, on_time, clocks_due, "
                        + "complaints, visits, complaints_ppm, audit_score, audits, computed_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                grades.stream().map(g -> new Object[] {g.outletId(), day, g.result().stars(), g.figures().satisfaction(),
                        g.figures().rated(), g.figures().onTime(), g.figures().clocksDue(), g.figures().complaints(),
                        g.figures().visits(), g.figures().complaintsPpm(), g.figures().auditScore(), g.figures().audits(),
                        at}).toList());
        List<Object[]> misses = new ArrayList<>();
        grades.forEach(g -> g.result().misses().forEach(m -> misses.add(new Object[] {g.outletId(), day, m.stars(),
                m.indicator().name(), m.figure(), m.threshold()})));
        batch.batchUpdate("INSERT INTO star_grade_miss (outlet_id, grade_month, stars, indicator, figure, threshold) "
                + "VALUES (?, ?, ?, ?, ?, ?)", misses);
    }

    /** A stored grade row, as the reads below give it. */
    record Row(long outletId, String outletName, Long regionId, LocalDate gradeMonth, int stars, BigDecimal satisfaction,
               long rated, BigDecimal onTime, long clocksDue, long complaints, long visits, BigDecimal complaintsPpm,
               BigDecimal auditScore, long audits, OffsetDateTime computedAt) {
    }

    record MissRow(long outletId, LocalDate gradeMonth, int stars, String indicator, BigDecimal figure,
                   BigDecimal threshold) {
    }

    /** The month's grades of the outlets in scope (under one unit when given), by outlet name. */
    List<Row> month(OutletScope scope, YearMonth month, Long underUnit) {
        var spec = scope.bind(jdbc.sql("SELECT " + GRADE_COLUMNS + " FROM star_grade g JOIN org_unit o ON o.id = g.outlet_id "
                + "WHERE g.grade_month = :m AND " + scope.sqlFilter("g.outlet_id") + under(underUnit)
                + " ORDER BY g.stars DESC, o.name, g.outlet_id")).param("m", month.atDay(1));
        return (underUnit == null ? spec : spec.param("unit", underUnit)).query(Rows.of(Row.class)).list();
    }

    /** One outlet's grades from {@code from} on, oldest first. */
    List<Row> outlet(OutletScope scope, long outletId, YearMonth from) {
        return scope.bind(jdbc.sql("SELECT " + GRADE_COLUMNS + " FROM star_grade g JOIN org_unit o ON o.id = g.outlet_id "
                        + "WHERE g.outlet_id = :o AND g.grade_month >= :from AND " + scope.sqlFilter("g.outlet_id")
                        + " ORDER BY g.grade_month"))
                .param("o", outletId).param("from", from.atDay(1)).query(Rows.of(Row.class)).list();
    }

    /** The reasons of the month's grades (or of one outlet's months from {@code from}), per outlet and month. */
    Map<String, List<MissRow>> misses(OutletScope scope, Long outletId, YearMonth from, YearMonth to) {
        var spec = scope.bind(jdbc.sql("SELECT m.outlet_id, m.grade_month, m.stars, m.indicator, m.figure, m.threshold "
                + "FROM star_grade_miss m WHERE m.grade_month >= :from AND m.grade_month <= :to AND "
                + scope.sqlFilter("m.outlet_id") + (outletId == null ? "" : " AND m.outlet_id = :o")
                + " ORDER BY m.outlet_id, m.grade_month, m.stars, m.indicator"))
                .param("from", from.atDay(1)).param("to", to.atDay(1));
        Map<String, List<MissRow>> out = new HashMap<>();
        (outletId == null ? spec : spec.param("o", outletId)).query(Rows.of(MissRow.class)).list()
                .forEach(m -> out.computeIfAbsent(key(m.outletId(), m.gradeMonth()), k -> new ArrayList<>()).add(m));
        return out;
    }

    static String key(long outletId, LocalDate month) {
        return outletId + "/" + month;
    }

    private static String under(Long unit) {
        return unit == null ? "" : " AND o.path LIKE (SELECT u.path FROM org_unit u WHERE u.id = :unit) || '%'";
    }
}
