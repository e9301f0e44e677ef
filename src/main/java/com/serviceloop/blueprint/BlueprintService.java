package com.serviceloop.blueprint;

import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.Rows;
import com.serviceloop.platform.Text;
import java.util.HashSet;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class BlueprintService {
    private static final String STEP_COLUMNS = """
            SELECT id, blueprint_id, step_no, name, customer_action, front_stage, back_stage, support, touch_points,
                   time_standard_secs, do_list, dont_list, check_points, owner_role, satisfaction
            FROM blueprint_step""";
    private final JdbcClient jdbc;

    public BlueprintService(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        return jdbc.sql(STEP_COLUMNS + " WHERE blueprint_id = :b ORDER BY step_no, id").param("b", blueprintId)
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
        return jdbc.sql(STEP_COLUMNS + " WHERE id = :id AND blueprint_id = :b").param("id", stepId)
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
