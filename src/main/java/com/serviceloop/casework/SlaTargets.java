package com.serviceloop.casework;

import com.serviceloop.platform.BadInputException;
import com.serviceloop.standard.StandardService;
import com.serviceloop.standard.TargetUnit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Business minutes allowed per clock. A timeliness standard linked to the clock (for the outlet's
 * type, the case type and severity, the most specific link wins) sets the target; without one the
 * default table {@code sla_target} applies.
 */
@Repository
class SlaTargets {
    private final JdbcClient jdbc;
    private final StandardService standards;

    public SlaTargets(JdbcClient jdbc, StandardService standards) {
        this.standards = standards;
        this.jdbc = jdbc;
    }

    public record Target(CaseType caseType, Severity severity, SlaKind clockKind, int minutes) {
    }

    public record Link(long standardId, String outletType, String behaviour, SlaKind clockKind, CaseType caseType,
                       Severity severity, BigDecimal targetValue, TargetUnit targetUnit) {
    }

    @Cacheable("sla-minutes")
    public Optional<Integer> minutes(long outletId, CaseType type, Severity severity, SlaKind kind) {
        Optional<Integer> fromStandard = jdbc.sql("""
                        SELECT v.target_value, v.target_unit FROM standard s
                        JOIN standard_version v ON v.standard_id = s.id AND v.valid_to IS NULL
                        WHERE s.status = 'ACTIVE' AND s.sla_clock = :k
                          AND (s.sla_case_type IS NULL OR s.sla_case_type = :t)
                          AND (s.sla_severity IS NULL OR s.sla_severity = :s)
                          AND s.outlet_type = (SELECT outlet_type FROM org_unit WHERE id = :outlet)
                          AND v.target_value IS NOT NULL
                        ORDER BY CASE WHEN s.sla_case_type IS NULL THEN 1 ELSE 0 END,
                                 CASE WHEN s.sla_severity IS NULL THEN 1 ELSE 0 END, s.id
                        FETCH FIRST 1 ROWS ONLY""")
                .param("k", kind.name()).param("t", type.name()).param("s", severity.name()).param("outlet", outletId)
                .query((rs, i) -> toMinutes(rs.getBigDecimal(1), TargetUnit.valueOf(rs.getString(2))))
                .optional().flatMap(m -> m);
        if (fromStandard.isPresent()) {
            return fromStandard;
        }
        return jdbc.sql("SELECT minutes FROM sla_target WHERE case_type = :t AND severity = :s AND clock_kind = :k")
                .param("t", type.name()).param("s", severity.name()).param("k", kind.name())
                .query(Integer.class).optional();
    }

    static Optional<Integer> toMinutes(BigDecimal value, TargetUnit unit) {
        if (value == null || !unit.isTime()) {
            return Optional.empty();
        }
        int minutes = unit.toSeconds(value).divide(BigDecimal.valueOf(60), 0, RoundingMode.CEILING).intValueExact();
        return minutes > 0 ? Optional.of(minutes) : Optional.empty();
    }

    public List<Target> defaults() {
        return jdbc.sql("SELECT case_type, severity, clock_kind, minutes FROM sla_target ORDER BY case_type, severity, clock_kind")
                .query((rs, i) -> new Target(CaseType.valueOf(rs.getString(1)), Severity.valueOf(rs.getString(2)),
                        SlaKind.valueOf(rs.getString(3)), rs.getInt(4))).list();
    }

    @CacheEvict(cacheNames = "sla-minutes", allEntries = true)
    public void setDefault(Target t) {
        int n = jdbc.sql("UPDATE sla_target SET minutes = :m WHERE case_type = :t AND severity = :s AND clock_kind = :k")
                .param("m", t.minutes()).param("t", t.caseType().name()).param("s", t.severity().name())
                .param("k", t.clockKind().name()).update();
        if (n == 0) {
            jdbc.sql("INSERT INTO sla_target (case_type, severity, clock_kind, minutes) VALUES (:t, :s, :k, :m)")
                    .param("m", t.minutes()).param("t", t.caseType().name()).param("s", t.severity().name())
                    .param("k", t.clockKind().name()).update();
        }
    }

    public List<Link> links() {
        return jdbc.sql("""
                SELECT s.id, s.outlet_type, v.behaviour, s.sla_clock, s.sla_case_type, s.sla_severity, v.target_value,
                       v.target_unit
                FROM standard s JOIN standard_version v ON v.standard_id = s.id AND v.valid_to IS NULL
                WHERE s.sla_clock IS NOT NULL AND s.status = 'ACTIVE' ORDER BY s.outlet_type, s.sla_clock, s.id""")
                .query((rs, i) -> new Link(rs.getLong(1), rs.getString(2), rs.getString(3), SlaKind.valueOf(rs.getString(4)),
                        rs.getString(5) == null ? null : CaseType.valueOf(rs.getString(5)),
                        rs.getString(6) == null ? null : Severity.valueOf(rs.getString(6)), rs.getBigDecimal(7),
                        rs.getString(8) == null ? null : TargetUnit.valueOf(rs.getString(8)))).list();
    }

    /**
     * Links a timeliness standard to a clock (or unlinks it with a null clock); false when there is
     * no such standard. Only a standard whose target is a time can govern a clock (400 otherwise).
     */
    @CacheEvict(cacheNames = "sla-minutes", allEntries = true)
    public boolean link(long standardId, SlaKind clock, CaseType type, Severity severity) {
        if (clock != null && timeTargetMinutes(standardId).isEmpty()
                && jdbc.sql("SELECT COUNT(*) FROM standard WHERE id = :id").param("id", standardId).query(Long.class).single() > 0) {
            throw new BadInputException("clockKind",
                    "Standard " + standardId + " has no time target (seconds, minutes, hours or days)");
        }
        return standards.setSlaLink(standardId, clock == null ? null : clock.name(), type == null ? null : type.name(),
                severity == null ? null : severity.name());
    }

    /** The current target of a standard in minutes, when it is a time. */
    public Optional<Integer> timeTargetMinutes(long standardId) {
        return jdbc.sql("SELECT v.target_value, v.target_unit FROM standard_version v WHERE v.standard_id = :id "
                        + "AND v.valid_to IS NULL AND v.target_unit IS NOT NULL").param("id", standardId)
                .query((rs, i) -> toMinutes(rs.getBigDecimal(1), TargetUnit.valueOf(rs.getString(2))))
                .optional().flatMap(m -> m);
    }
}
