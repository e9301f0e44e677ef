package com.serviceloop.standard;

import com.serviceloop.platform.Rows;
import com.serviceloop.platform.Text;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class StandardRepository {
    private static final String SELECT = """
            SELECT s.id, s.outlet_type, s.area_code, a.side, s.priority_rank, s.status, v.id AS version_id,
                   v.version_no, v.behaviour, v.kind, v.measure, v.target_value, v.target_unit, v.target_rate,
                   v.blueprint_step_id, v.owner, v.valid_from, s.retired_at, s.version
            FROM standard s
            JOIN standard_area a ON a.code = s.area_code
            JOIN standard_version v ON v.standard_id = s.id AND v.valid_to IS NULL""";
    private static final String VERSION_COLUMNS = """
            SELECT v.id, v.standard_id, v.version_no, v.behaviour, v.kind, v.measure, v.target_value, v.target_unit,
                   v.target_rate, v.blueprint_step_id, v.owner, v.change_note, v.created_by,
                   p.display_name AS created_by_name, v.valid_from, v.valid_to
            FROM standard_version v LEFT JOIN person p ON p.id = v.created_by""";
    private final JdbcClient jdbc;

    public StandardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<StandardArea> areas() {
        return jdbc.sql("SELECT code, side, sort_order, name_en, name_zh, explanation_en, explanation_zh "
                + "FROM standard_area ORDER BY sort_order").query(Rows.of(StandardArea.class)).list();
    }

    public List<Standard> list(String outletType, boolean includeRetired) {
        return jdbc.sql(SELECT + " WHERE s.outlet_type = :t" + (includeRetired ? "" : " AND s.status = 'ACTIVE'")
                        + " ORDER BY a.sort_order, s.priority_rank, s.id")
                .param("t", outletType).query(Rows.of(Standard.class)).list();
    }

    List<SlaLink> slaLinks(String outletType) {
        return jdbc.sql("""
                SELECT s.id, s.outlet_type, v.behaviour, s.sla_clock, s.sla_case_type, s.sla_severity, v.target_value,
                       v.target_unit
                FROM standard s JOIN standard_version v ON v.standard_id = s.id AND v.valid_to IS NULL
                WHERE s.sla_clock IS NOT NULL AND s.status = 'ACTIVE'"""
                        + (outletType == null ? "" : " AND s.outlet_type = :t") + " ORDER BY s.outlet_type, s.sla_clock, s.id")
                .params(outletType == null ? Map.of() : Map.of("t", outletType))
                .query((rs, i) -> new SlaLink(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBigDecimal(7),
                        rs.getString(8) == null ? null : TargetUnit.valueOf(rs.getString(8)))).list();
    }

    boolean setSlaLink(long id, String clock, String caseType, String severity) {
        return jdbc.sql("UPDATE standard SET sla_clock = :k, sla_case_type = :t, sla_severity = :s WHERE id = :id")
                .param("k", clock).param("t", caseType).param("s", severity).param("id", id).update() == 1;
    }

    public List<String> outletTypes() {
        return jdbc.sql("SELECT DISTINCT outlet_type FROM standard ORDER BY 1").query(String.class).list();
    }

    boolean exists(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM standard WHERE id = :id").param("id", id).query(Long.class).single() > 0;
    }

    public Optional<Standard> find(long id) {
        return jdbc.sql(SELECT + " WHERE s.id = :id").param("id", id).query(Rows.of(Standard.class)).optional();
    }

    public List<StandardVersion> versions(long standardId) {
        return jdbc.sql(VERSION_COLUMNS + " WHERE v.standard_id = :id ORDER BY v.version_no DESC")
                .param("id", standardId).query(Rows.of(StandardVersion.class)).list();
    }

    /** The wording that was in force at the given moment. */
    public Optional<StandardVersion> versionAt(long standardId, OffsetDateTime at) {
        return jdbc.sql(VERSION_COLUMNS
                        + " WHERE v.standard_id = :id AND v.valid_from <= :at AND (v.valid_to IS NULL OR v.valid_to > :at)")
                .param("id", standardId).param("at", at).query(Rows.of(StandardVersion.class)).optional();
    }

    public long insertStandard(String outletType, String areaCode, int rank) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO standard (outlet_type, area_code, priority_rank) VALUES (:t, :a, :r)")
                .param("t", outletType).param("a", areaCode).param("r", rank).update(keys, "id");
        return keys.getKey().longValue();
    }

    public int nextRank(String outletType, Side side) {
        return jdbc.sql("""
                SELECT COALESCE(MAX(s.priority_rank), 0) + 1 FROM standard s JOIN standard_area a ON a.code = s.area_code
                WHERE s.outlet_type = :t AND a.side = :side AND s.status = 'ACTIVE'""")
                .param("t", outletType).param("side", side.name()).query(Integer.class).single();
    }

    public void insertVersion(long standardId, int versionNo, StandardForm f, Long createdBy, OffsetDateTime from) {
        jdbc.sql("""
                INSERT INTO standard_version (standard_id, version_no, behaviour, kind, measure, target_value,
                    target_unit, target_rate, blueprint_step_id, owner, change_note, created_by, valid_from)
                VALUES (:s, :n, :behaviour, :kind, :measure, :value, :unit, :rate, :step, :owner, :note, :by, :from)""")
                .param("s", standardId).param("n", versionNo).param("behaviour", f.behaviour().strip())
                .param("kind", f.kind().name()).param("measure", Text.blankToNull(f.measure())).param("value", f.targetValue())
                .param("unit", f.targetUnit() == null ? null : f.targetUnit().name()).param("rate", f.targetRate())
                .param("step", f.blueprintStepId()).param("owner", Text.blankToNull(f.owner()))
                .param("note", Text.blankToNull(f.changeNote())).param("by", createdBy).param("from", from)
                .update();
    }

    /** Bumps the optimistic version; false when someone else changed the standard first. */
    public boolean touch(long id, int version, String areaCode) {
        return jdbc.sql("UPDATE standard SET version = version + 1, area_code = :a WHERE id = :id AND version = :v")
                .param("a", areaCode).param("id", id).param("v", version).update() == 1;
    }

    public void closeCurrentVersion(long standardId, OffsetDateTime at) {
        jdbc.sql("UPDATE standard_version SET valid_to = :at WHERE standard_id = :id AND valid_to IS NULL")
                .param("at", at).param("id", standardId).update();
    }

    public boolean retire(long id, OffsetDateTime at) {
        return jdbc.sql("UPDATE standard SET status = 'RETIRED', retired_at = :at, version = version + 1 "
                        + "WHERE id = :id AND status = 'ACTIVE'")
                .param("at", at).param("id", id).update() == 1;
    }

    public void setRank(long id, int rank) {
        jdbc.sql("UPDATE standard SET priority_rank = :r WHERE id = :id").param("r", rank).param("id", id).update();
    }
}
