package com.serviceloop.casework;

import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.standard.SlaLink;
import com.serviceloop.standard.StandardService;
import com.serviceloop.standard.TargetUnit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
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
    private final OrgService org;

    public SlaTargets(JdbcClient jdbc, StandardService standards, OrgService org) {
        this.org = org;
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
        String outletType = org.find(outletId).map(OrgUnit::outletType).orElse(null);
        // the most specific link wins: one for this case type before one for any, likewise severity
        Optional<Integer> fromStandard = outletType == null ? Optional.empty() : standards.slaLinks(outletType).stream()
                .filter(l -> l.clock().equals(kind.name()) && l.targetValue() != null)
                .filter(l -> l.caseType() == null || l.caseType().equals(type.name()))
                .filter(l -> l.severity() == null || l.severity().equals(severity.name()))
                .min(Comparator.<SlaLink>comparingInt(l -> l.caseType() == null ? 1 : 0)
                        .thenComparingInt(l -> l.severity() == null ? 1 : 0).thenComparingLong(SlaLink::standardId))
                .flatMap(l -> toMinutes(l.targetValue(), l.targetUnit()));
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
        return standards.slaLinks(null).stream().map(l -> new Link(l.standardId(), l.outletType(), l.behaviour(),
                SlaKind.valueOf(l.clock()), l.caseType() == null ? null : CaseType.valueOf(l.caseType()),
                l.severity() == null ? null : Severity.valueOf(l.severity()), l.targetValue(), l.targetUnit())).toList();
    }

    /**
     * Links a timeliness standard to a clock (or unlinks it with a null clock); false when there is
     * no such standard. Only a standard whose target is a time can govern a clock (400 otherwise).
     */
    @CacheEvict(cacheNames = "sla-minutes", allEntries = true)
    public boolean link(long standardId, SlaKind clock, CaseType type, Severity severity) {
        if (clock != null && timeTargetMinutes(standardId).isEmpty() && standards.exists(standardId)) {
            throw BadInputException.of("clockKind", "error.casework.noTimeTarget", String.valueOf(standardId));
        }
        return standards.setSlaLink(standardId, clock == null ? null : clock.name(), type == null ? null : type.name(),
                severity == null ? null : severity.name());
    }

    /** The current target of a standard in minutes, when it is a time. */
    public Optional<Integer> timeTargetMinutes(long standardId) {
        return standards.current(standardId).filter(st -> st.targetUnit() != null)
                .flatMap(st -> toMinutes(st.targetValue(), st.targetUnit()));
    }
}
