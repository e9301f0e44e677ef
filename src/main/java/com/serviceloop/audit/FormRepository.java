package com.serviceloop.audit;

import com.serviceloop.platform.Rows;
import com.serviceloop.standard.StandardArea;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of audit forms, their versions, sections and items. */
@Repository
class FormRepository {
    private static final String FORM = """
            SELECT f.id, f.outlet_type, f.name,
                   (SELECT MAX(v.version_no) FROM audit_form_version v WHERE v.form_id = f.id AND v.status = 'PUBLISHED')
                       AS published_version_no,
                   EXISTS (SELECT 1 FROM audit_form_version v WHERE v.form_id = f.id AND v.status = 'DRAFT') AS has_draft,
                   f.created_at, f.version
            FROM audit_form f""";
    private final JdbcClient jdbc;

    FormRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertForm(String outletType, String name, long by, OffsetDateTime at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO audit_form (outlet_type, name, created_by, created_at) VALUES (:t, :n, :by, :at)")
                .param("t", outletType).param("n", name).param("by", by).param("at", at).update(keys, "id");
        return keys.getKey().longValue();
    }

    long insertVersion(long formId, int versionNo) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO audit_form_version (form_id, version_no, status) VALUES (:f, :no, 'DRAFT')")
                .param("f", formId).param("no", versionNo).update(keys, "id");
        return keys.getKey().longValue();
    }

    long insertSection(long versionId, String area, BigDecimal weight, int order) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO audit_section (form_version_id, area_code, weight, sort_order) VALUES (:v, :a, :w, :o)")
                .param("v", versionId).param("a", area).param("w", weight).param("o", order).update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertItem(long versionId, long sectionId, FormItem i) {
        jdbc.sql("""
                INSERT INTO audit_item (section_id, form_version_id, standard_id, standard_version_id, blueprint_step_id,
                    text, answer_type, target_value, target_unit, weight, critical, na_allowed, required, sort_order)
                VALUES (:s, :v, :std, :sv, :step, :text, :type, :tv, :tu, :w, :crit, :na, :req, :o)""")
                .param("s", sectionId).param("v", versionId).param("std", i.standardId())
                .param("sv", i.standardVersionId()).param("step", i.blueprintStepId()).param("text", i.text())
                .param("type", i.answerType().name()).param("tv", i.targetValue())
                .param("tu", i.targetUnit() == null ? null : i.targetUnit().name()).param("w", i.weight())
                .param("crit", i.critical()).param("na", i.naAllowed()).param("req", i.required())
                .param("o", i.sortOrder()).update();
    }

    Optional<AuditForm> form(long id) {
        return jdbc.sql(FORM + " WHERE f.id = :id").param("id", id).query(Rows.of(AuditForm.class)).optional();
    }

    List<AuditForm> list(String outletType) {
        String order = " ORDER BY f.outlet_type, f.name, f.id";
        return outletType == null ? jdbc.sql(FORM + order).query(Rows.of(AuditForm.class)).list()
                : jdbc.sql(FORM + " WHERE f.outlet_type = :t" + order).param("t", outletType)
                        .query(Rows.of(AuditForm.class)).list();
    }

    Optional<Long> versionId(long formId, String status) {
        return jdbc.sql("SELECT id FROM audit_form_version WHERE form_id = :f AND status = :s ORDER BY version_no DESC LIMIT 1")
                .param("f", formId).param("s", status).query(Long.class).optional();
    }

    Optional<Long> versionId(long formId, int versionNo) {
        return jdbc.sql("SELECT id FROM audit_form_version WHERE form_id = :f AND version_no = :no")
                .param("f", formId).param("no", versionNo).query(Long.class).optional();
    }

    int maxVersionNo(long formId) {
        return jdbc.sql("SELECT COALESCE(MAX(version_no), 0) FROM audit_form_version WHERE form_id = :f")
                .param("f", formId).query(Integer.class).single();
    }

    private record Head(long id, long formId, String name, String outletType, int versionNo, String status,
                        OffsetDateTime publishedAt) {
    }

    private record SectionRow(long id, String areaCode, BigDecimal weight, int sortOrder) {
    }

    /** A version with its sections and items in order; areas named from the standard module's list. */
    Optional<FormVersion> version(long versionId, List<StandardArea> areas) {
        Optional<Head> head = jdbc.sql("""
                SELECT v.id, v.form_id, f.name, f.outlet_type, v.version_no, v.status, v.published_at
                FROM audit_form_version v JOIN audit_form f ON f.id = v.form_id WHERE v.id = :v""")
                .param("v", versionId).query(Rows.of(Head.class)).optional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Map<String, StandardArea> byCode = areas.stream().collect(Collectors.toMap(StandardArea::code, Function.identity()));
        Map<Long, List<FormItem>> items = jdbc.sql("""
                SELECT id, section_id, standard_id, standard_version_id, blueprint_step_id, text, answer_type,
                       target_value, target_unit, weight, critical, na_allowed, required, sort_order
                FROM audit_item WHERE form_version_id = :v ORDER BY sort_order, id""")
                .param("v", versionId).query(Rows.of(FormItem.class)).list().stream()
                .collect(Collectors.groupingBy(FormItem::sectionId));
        List<FormSection> sections = new ArrayList<>();
        for (SectionRow s : jdbc.sql("SELECT id, area_code, weight, sort_order FROM audit_section WHERE form_version_id = :v "
                + "ORDER BY sort_order, id").param("v", versionId).query(Rows.of(SectionRow.class)).list()) {
            StandardArea area = byCode.get(s.areaCode());
            sections.add(new FormSection(s.id(), s.areaCode(), area == null ? s.areaCode() : area.nameEn(),
                    area == null ? s.areaCode() : area.nameZh(), s.weight(), s.sortOrder(),
                    items.getOrDefault(s.id(), List.of())));
        }
        Head h = head.get();
        return Optional.of(new FormVersion(h.id(), h.formId(), h.name(), h.outletType(), h.versionNo(), h.status(),
                h.publishedAt(), sections));
    }

    void clearDraft(long versionId) {
        jdbc.sql("DELETE FROM audit_item WHERE form_version_id = :v").param("v", versionId).update();
        jdbc.sql("DELETE FROM audit_section WHERE form_version_id = :v").param("v", versionId).update();
    }

    /** Bumps the form's version when it is still the one the caller read (null: no check). */
    boolean touch(long formId, Integer expected, String name) {
        var spec = jdbc.sql("UPDATE audit_form SET version = version + 1" + (name == null ? "" : ", name = :n")
                + " WHERE id = :f" + (expected == null ? "" : " AND version = :e")).param("f", formId);
        spec = name == null ? spec : spec.param("n", name);
        return (expected == null ? spec : spec.param("e", expected)).update() == 1;
    }

    void publish(long versionId, long by, OffsetDateTime at) {
        jdbc.sql("UPDATE audit_form_version SET status = 'PUBLISHED', published_by = :by, published_at = :at WHERE id = :v")
                .param("v", versionId).param("by", by).param("at", at).update();
    }

    void stamp(long itemId, long standardVersionId, BigDecimal targetValue, String targetUnit, Long stepId) {
        jdbc.sql("UPDATE audit_item SET standard_version_id = :sv, target_value = :tv, target_unit = :tu, "
                        + "blueprint_step_id = :step WHERE id = :id")
                .param("id", itemId).param("sv", standardVersionId).param("tv", targetValue).param("tu", targetUnit)
                .param("step", stepId).update();
    }
}
