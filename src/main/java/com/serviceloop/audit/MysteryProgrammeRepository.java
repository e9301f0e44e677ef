package com.serviceloop.audit;

import com.serviceloop.platform.Rows;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of mystery-shopping programmes, their outlets and scenarios, and the shoppers' nicknames. */
@Repository
class MysteryProgrammeRepository {
    private static final String PROGRAMME = """
            SELECT p.id, p.name, p.objectives, p.form_id, f.name AS form_name, f.outlet_type, p.window_from, p.window_to,
                   p.quota_per_month, p.revisit_months, p.created_at, p.version
            FROM mystery_programme p JOIN audit_form f ON f.id = p.form_id""";
    private final JdbcClient jdbc;

    MysteryProgrammeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(long id, String name, String objectives, long formId, String formName, String outletType,
                       LocalDate windowFrom, LocalDate windowTo, int quotaPerMonth, int revisitMonths,
                       OffsetDateTime createdAt, int version) {
        MysteryProgramme programme() {
            return new MysteryProgramme(id, name, objectives, formId, formName, outletType, windowFrom, windowTo,
                    quotaPerMonth, revisitMonths, createdAt, version, List.of(), List.of());
        }
    }

    List<MysteryProgramme> list() {
        return jdbc.sql(PROGRAMME + " ORDER BY p.window_to DESC, p.id DESC").query(Rows.of(Row.class)).list().stream()
                .map(r -> whole(r.programme())).toList();
    }

    Optional<MysteryProgramme> find(long id) {
        return jdbc.sql(PROGRAMME + " WHERE p.id = :id").param("id", id).query(Rows.of(Row.class)).optional()
                .map(r -> whole(r.programme()));
    }

    private MysteryProgramme whole(MysteryProgramme p) {
        List<MysteryProgramme.ProgrammeOutlet> outlets = jdbc.sql("""
                SELECT u.id, u.name FROM mystery_programme_outlet o JOIN org_unit u ON u.id = o.outlet_id
                WHERE o.programme_id = :p ORDER BY u.name, u.id""").param("p", p.id())
                .query(Rows.of(MysteryProgramme.ProgrammeOutlet.class)).list();
        List<MysteryProgramme.MysteryScenario> scenarios = jdbc.sql("SELECT id, asks_for, says, objection FROM mystery_scenario "
                + "WHERE programme_id = :p ORDER BY sort_order, id").param("p", p.id())
                .query(Rows.of(MysteryProgramme.MysteryScenario.class)).list();
        return p.with(outlets, scenarios);
    }

    long insert(MysteryProgrammeForm f, long by, OffsetDateTime at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO mystery_programme (name, objectives, form_id, window_from, window_to, quota_per_month,
                    revisit_months, created_by, created_at)
                VALUES (:name, :obj, :form, :from, :to, :quota, :revisit, :by, :at)""")
                .param("name", f.name()).param("obj", f.objectives()).param("form", f.formId())
                .param("from", f.windowFrom()).param("to", f.windowTo()).param("quota", f.quotaPerMonth())
                .param("revisit", f.revisit()).param("by", by).param("at", at).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** False when someone else saved the programme since {@code version} was read. */
    boolean update(long id, MysteryProgrammeForm f) {
        var spec = jdbc.sql("""
                UPDATE mystery_programme SET name = :name, objectives = :obj, form_id = :form, window_from = :from,
                    window_to = :to, quota_per_month = :quota, revisit_months = :revisit, version = version + 1
                WHERE id = :id""" + (f.version() == null ? "" : " AND version = :version"));
        spec = f.version() == null ? spec : spec.param("version", f.version());
        return spec.param("id", id).param("name", f.name()).param("obj", f.objectives()).param("form", f.formId())
                .param("from", f.windowFrom()).param("to", f.windowTo()).param("quota", f.quotaPerMonth())
                .param("revisit", f.revisit()).update() == 1;
    }

    /** Outlets and scenarios are replaced; scenarios that visits point at stay, only renumbered or reworded. */
    void replaceOutlets(long id, List<Long> outletIds) {
        jdbc.sql("DELETE FROM mystery_programme_outlet WHERE programme_id = :p").param("p", id).update();
        for (Long o : outletIds) {
            jdbc.sql("INSERT INTO mystery_programme_outlet (programme_id, outlet_id) VALUES (:p, :o)").param("p", id)
                    .param("o", o).update();
        }
    }

    void replaceScenarios(long id, List<MysteryProgrammeForm.MysteryScenarioForm> scenarios) {
        List<Long> existing = jdbc.sql("SELECT id FROM mystery_scenario WHERE programme_id = :p ORDER BY sort_order, id")
                .param("p", id).query(Long.class).list();
        for (int i = 0; i < scenarios.size(); i++) {
            MysteryProgrammeForm.MysteryScenarioForm s = scenarios.get(i);
            String sql = i < existing.size()
                    ? "UPDATE mystery_scenario SET sort_order = :o, asks_for = :a, says = :s, objection = :x WHERE id = :id"
                    : "INSERT INTO mystery_scenario (programme_id, sort_order, asks_for, says, objection) "
                    + "VALUES (:p, :o, :a, :s, :x)";
            var spec = jdbc.sql(sql).param("o", i).param("a", s.asksFor()).param("s", s.says()).param("x", s.objection());
            spec = i < existing.size() ? spec.param("id", existing.get(i)) : spec.param("p", id);
            spec.update();
        }
        for (Long gone : existing.subList(Math.min(scenarios.size(), existing.size()), existing.size())) {
            jdbc.sql("UPDATE mystery_visit SET scenario_id = NULL WHERE scenario_id = :s").param("s", gone).update();
            jdbc.sql("DELETE FROM mystery_scenario WHERE id = :s").param("s", gone).update();
        }
    }

    /** An active person with the shopper role, with their nickname (null until one is set). */
    Optional<MysteryShoppers.MysteryShopper> shopper(long personId) {
        return jdbc.sql("""
                SELECT p.id, p.display_name, s.nickname FROM person p LEFT JOIN mystery_shopper s ON s.person_id = p.id
                WHERE p.id = :p AND p.role = 'SHOPPER' AND p.active""").param("p", personId)
                .query(Rows.of(MysteryShoppers.MysteryShopper.class)).optional();
    }

    boolean nicknameTaken(String nickname, long personId) {
        return jdbc.sql("SELECT COUNT(*) FROM mystery_shopper WHERE nickname = :n AND person_id <> :p")
                .param("n", nickname).param("p", personId).query(Long.class).single() > 0;
    }

    void saveNickname(long personId, String nickname) {
        if (jdbc.sql("UPDATE mystery_shopper SET nickname = :n WHERE person_id = :p").param("n", nickname)
                .param("p", personId).update() == 0) {
            jdbc.sql("INSERT INTO mystery_shopper (person_id, nickname) VALUES (:p, :n)").param("p", personId)
                    .param("n", nickname).update();
        }
    }

    /** Active shoppers, by nickname (null: none set yet); the name is for the chain manager who sets it. */
    List<MysteryShoppers.MysteryShopper> shoppers() {
        return jdbc.sql("""
                SELECT p.id, p.display_name, s.nickname FROM person p LEFT JOIN mystery_shopper s ON s.person_id = p.id
                WHERE p.role = 'SHOPPER' AND p.active ORDER BY s.nickname, p.id""")
                .query(Rows.of(MysteryShoppers.MysteryShopper.class)).list();
    }
}
