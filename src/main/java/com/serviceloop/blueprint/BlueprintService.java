package com.serviceloop.blueprint;

import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.Rows;
import com.serviceloop.platform.Text;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class BlueprintService {
    /** Audited items replace the figure entered by hand; the mean is pooled over the items, not the audits. */
    private static final String STEP_COLUMNS = """
            SELECT st.id, st.blueprint_id, st.step_no, st.name, st.customer_action, st.front_stage, st.back_stage,
                   st.support, st.touch_points, st.time_standard_secs, st.do_list, st.dont_list, st.check_points,
                   st.owner_role, COALESCE(au.mean_score, st.satisfaction) AS satisfaction,
                   st.satisfaction AS entered_satisfaction, au.items AS audit_items
            FROM blueprint_step st LEFT JOIN (
                SELECT step_id, CAST(SUM(score_sum) / SUM(items) AS NUMERIC(5, 4)) AS mean_score, SUM(items) AS items
                FROM blueprint_step_audit WHERE observed_at >= :since GROUP BY step_id) au ON au.step_id = st.id""";
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;
    private final int auditDays;

    public BlueprintService(JdbcClient jdbc, JdbcTemplate batch, Clock clock,
                            @Value("${serviceloop.blueprints.audit-days:90}") int auditDays) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
        this.auditDays = auditDays;
    }

    /** How one audit scored the items of one step: the sum of their scores (each 0 to 1) and how many were scored. */
    public record StepScore(long stepId, long outletId, long auditId, OffsetDateTime at, BigDecimal scoreSum, int items) {
    }

    /**
     * Keeps audited step scores, in the caller's transaction. Steps deleted since the form was published are
     * passed over, and an audit already recorded for a step is not counted twice.
     */
    @Transactional
    public void recordAudits(List<StepScore> scores) {
        if (scores.isEmpty()) {
            return;
        }
        Set<Long> steps = Set.copyOf(jdbc.sql("SELECT id FROM blueprint_step WHERE id IN (:ids)")
                .param("ids", scores.stream().map(StepScore::stepId).distinct().toList()).query(Long.class).list());
        Set<String> done = Set.copyOf(jdbc.sql("SELECT step_id, audit_id FROM blueprint_step_audit WHERE audit_id IN (:a)")
                .param("a", scores.stream().map(StepScore::auditId).distinct().toList())
                .query((rs, i) -> rs.getLong(1) + "/" + rs.getLong(2)).list());
        List<Object[]> rows = scores.stream()
                .filter(s -> steps.contains(s.stepId()) && s.items() > 0 && !done.contains(s.stepId() + "/" + s.auditId()))
                .map(s -> new Object[] {s.stepId(), s.outletId(), s.auditId(), Timestamp.from(s.at().toInstant()),
                        s.scoreSum(), s.items()}).toList();
        batch.batchUpdate("""
                INSERT INTO blueprint_step_audit (step_id, outlet_id, audit_id, observed_at, score_sum, items)
                VALUES (?, ?, ?, ?, ?, ?)""", rows,
                new int[] {Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.TIMESTAMP, Types.NUMERIC, Types.INTEGER});
    }

    /** Audits count towards a step's satisfaction for this many days after they were submitted. */
    public int auditDays() {
        return auditDays;
    }

    private OffsetDateTime since() {
        return OffsetDateTime.now(clock).minusDays(auditDays);
    }

    /** The outlet types that have a blueprint. */
    public List<String> outletTypes() {
        return jdbc.sql("SELECT DISTINCT outlet_type FROM blueprint ORDER BY 1").query(String.class).list();
    }

    /** Whether the step belongs to a blueprint of this outlet type (a standard may only point at such a step). */
    public boolean hasStep(String outletType, long stepId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM blueprint_step st JOIN blueprint b ON b.id = st.blueprint_id
                WHERE st.id = :id AND b.outlet_type = :t""")
                .param("id", stepId).param("t", outletType).query(Long.class).single() > 0;
    }

    public List<Blueprint> list(String outletType) {
        String where = outletType == null || outletType.isBlank() ? "" : " WHERE outlet_type = :t";
        var spec = jdbc.sql("SELECT id, outlet_type, name, description, version FROM blueprint" + where
                + " ORDER BY outlet_type, name, id");
        if (!where.isEmpty()) {
            spec = spec.param("t", outletType);
        }
        return spec.query((rs, i) -> new Blueprint(rs.getLong("id"), rs.getString("outlet_type"), rs.getString("name"),
                rs.getString("description"), rs.getInt("version"), List.of())).list();
    }

    public Blueprint get(long id) {
        Blueprint b = jdbc.sql("SELECT id, outlet_type, name, description, version FROM blueprint WHERE id = :id")
                .param("id", id)
                .query((rs, i) -> new Blueprint(rs.getLong("id"), rs.getString("outlet_type"), rs.getString("name"),
                        rs.getString("description"), rs.getInt("version"), List.of()))
                .optional().orElseThrow(() -> new NotFoundException("Blueprint", id));
        return b.withSteps(steps(id));
    }

    public List<BlueprintStep> steps(long blueprintId) {
        return jdbc.sql(STEP_COLUMNS + " WHERE st.blueprint_id = :b ORDER BY st.step_no, st.id").param("b", blueprintId)
                .param("since", since())
                .query(Rows.of(BlueprintStep.class)).list();
    }

    public ChainSatisfaction satisfaction(long id) {
        return ChainSatisfaction.of(get(id).steps());
    }

    @Transactional
    public Blueprint create(BlueprintForm f) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO blueprint (outlet_type, name, description) VALUES (:t, :n, :d)")
                .param("t", f.outletType()).param("n", f.name().strip()).param("d", Text.blankToNull(f.description()))
                .update(keys, "id");
        return get(keys.getKey().longValue());
    }

    @Transactional
    public Blueprint update(long id, BlueprintForm f) {
        Blueprint current = get(id);
        int version = f.version() == null ? current.version() : f.version();
        if (jdbc.sql("""
                UPDATE blueprint SET outlet_type = :t, name = :n, description = :d, version = version + 1
                WHERE id = :id AND version = :v""")
                .param("t", f.outletType()).param("n", f.name().strip()).param("d", Text.blankToNull(f.description()))
                .param("id", id).param("v", version).update() == 0) {
            throw ConflictException.of("error.blueprint.changed", String.valueOf(id));
        }
        return get(id);
    }

    @Transactional
    public void delete(long id) {
        get(id);
        jdbc.sql("DELETE FROM blueprint WHERE id = :id").param("id", id).update();
    }

    @Transactional
    public BlueprintStep addStep(long blueprintId, StepForm f) {
        get(blueprintId);
        int next = jdbc.sql("SELECT COALESCE(MAX(step_no), 0) + 1 FROM blueprint_step WHERE blueprint_id = :b")
                .param("b", blueprintId).query(Integer.class).single();
        var keys = new GeneratedKeyHolder();
        bind(jdbc.sql("""
                INSERT INTO blueprint_step (blueprint_id, step_no, name, customer_action, front_stage, back_stage,
                    support, touch_points, time_standard_secs, do_list, dont_list, check_points, owner_role, satisfaction)
                VALUES (:b, :no, :name, :customer, :front, :back, :support, :touch, :secs, :dos, :donts, :checks,
                    :owner, :sat)"""), f).param("b", blueprintId).param("no", next).update(keys, "id");
        touch(blueprintId);
        return step(blueprintId, keys.getKey().longValue());
    }

    @Transactional
    public BlueprintStep updateStep(long blueprintId, long stepId, StepForm f) {
        step(blueprintId, stepId);
        bind(jdbc.sql("""
                UPDATE blueprint_step SET name = :name, customer_action = :customer, front_stage = :front,
                    back_stage = :back, support = :support, touch_points = :touch, time_standard_secs = :secs,
                    do_list = :dos, dont_list = :donts, check_points = :checks, owner_role = :owner, satisfaction = :sat
                WHERE id = :id"""), f).param("id", stepId).update();
        touch(blueprintId);
        return step(blueprintId, stepId);
    }

    @Transactional
    public void deleteStep(long blueprintId, long stepId) {
        step(blueprintId, stepId);
        jdbc.sql("DELETE FROM blueprint_step WHERE id = :id").param("id", stepId).update();
        touch(blueprintId);
    }

    /** Puts the steps in the given order; the list must name every step of the blueprint once. */
    @Transactional
    public Blueprint reorder(long blueprintId, List<Long> stepIds) {
        List<BlueprintStep> steps = get(blueprintId).steps();
        var expected = new HashSet<>(steps.stream().map(BlueprintStep::id).toList());
        if (stepIds == null || stepIds.size() != expected.size() || !expected.equals(new HashSet<>(stepIds))) {
            throw BadInputException.of("stepIds", "error.blueprint.eachStepOnce", expected.toString());
        }
        for (int i = 0; i < stepIds.size(); i++) {
            jdbc.sql("UPDATE blueprint_step SET step_no = :no WHERE id = :id").param("no", i + 1)
                    .param("id", stepIds.get(i)).update();
        }
        touch(blueprintId);
        return get(blueprintId);
    }

    public BlueprintStep step(long blueprintId, long stepId) {
        return jdbc.sql(STEP_COLUMNS + " WHERE st.id = :id AND st.blueprint_id = :b").param("id", stepId)
                .param("since", since())
                .param("b", blueprintId).query(Rows.of(BlueprintStep.class)).optional()
                .orElseThrow(() -> new NotFoundException("Step", stepId));
    }

    private void touch(long blueprintId) {
        jdbc.sql("UPDATE blueprint SET version = version + 1 WHERE id = :id").param("id", blueprintId).update();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, StepForm f) {
        return spec.param("name", f.name().strip()).param("customer", Text.blankToNull(f.customerAction()))
                .param("front", Text.blankToNull(f.frontStage())).param("back", Text.blankToNull(f.backStage()))
                .param("support", Text.blankToNull(f.support())).param("touch", Text.blankToNull(f.touchPoints()))
                .param("secs", f.timeStandardSecs()).param("dos", Text.blankToNull(f.doList()))
                .param("donts", Text.blankToNull(f.dontList())).param("checks", Text.blankToNull(f.checkPoints()))
                .param("owner", Text.blankToNull(f.ownerRole())).param("sat", f.satisfaction());
    }
}
