package com.serviceloop.audit;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.CsvFiles;
import com.serviceloop.platform.OutletScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Results of submitted audits in the caller's scope, one CSV row per answered item, streamed. */
@Service
class AuditExport {
    private final JdbcClient jdbc;
    private final OrgService org;
    private final AuditDrillDown drill;

    AuditExport(JdbcClient jdbc, OrgService org, AuditDrillDown drill) {
        this.jdbc = jdbc;
        this.org = org;
        this.drill = drill;
    }

    /** Refuses an outlet or unit out of the caller's scope before anything is written. */
    void check(AppUser user, Long outletId, Long unitId) {
        if (outletId != null && !org.scopeOf(user).contains(outletId)) {
            throw BadInputException.of("outletId", "error.audit.outletOutOfScope", String.valueOf(outletId));
        }
        if (unitId != null && org.visibleUnits(user).stream().noneMatch(u -> u.id() == unitId)) {
            throw BadInputException.of("unitId", "error.audit.unitOutOfScope", String.valueOf(unitId));
        }
    }

    /** {@code unitId}: only the outlets under that unit (a region, the chain), as far as the caller sees them. */
    void write(AppUser user, Long outletId, Long unitId, Writer out) throws IOException {
        check(user, outletId, unitId);
        OutletScope scope = org.scopeOf(user);
        List<Long> under = unitId == null ? null : drill.outlets(user, unitId).stream().map(OrgUnit::id).toList();
        CSVPrinter csv = CsvFiles.printer(out);
        csv.printRecord(List.of("audit_id", "outlet", "form", "form_version", "submitted_at", "audit_score", "result",
                "area", "item", "standard_id", "standard_version_id", "critical", "answer", "not_applicable", "item_score"));
        var spec = jdbc.sql("""
                SELECT a.id, u.name, f.name, v.version_no, a.submitted_at, a.score, a.result, s.area_code, i.text,
                       i.standard_id, i.standard_version_id, i.critical,
                       COALESCE(n.choice, CAST(n.scale AS VARCHAR(12)), CAST(n.measured AS VARCHAR(20)), n.text),
                       n.not_applicable, n.score
                FROM audit a JOIN org_unit u ON u.id = a.outlet_id JOIN audit_form_version v ON v.id = a.form_version_id
                JOIN audit_form f ON f.id = v.form_id JOIN audit_answer n ON n.audit_id = a.id
                JOIN audit_item i ON i.id = n.item_id JOIN audit_section s ON s.id = i.section_id
                WHERE a.status <> 'IN_PROGRESS' AND %s%s%s
                ORDER BY a.submitted_at, a.id, s.sort_order, i.sort_order""".formatted(scope.sqlFilter("a.outlet_id"),
                outletId == null ? "" : " AND a.outlet_id = :o",
                under == null ? "" : under.isEmpty() ? " AND 1 = 0" : " AND a.outlet_id IN (:under)"));
        spec = outletId == null ? spec : spec.param("o", outletId);
        spec = under == null || under.isEmpty() ? spec : spec.param("under", under);
        scope.bind(spec).query(rs -> {
            try {
                csv.printRecord(CsvFiles.safe(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getObject(5), rs.getBigDecimal(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getObject(10), rs.getObject(11), rs.getBoolean(12), rs.getString(13), rs.getBoolean(14),
                        rs.getBigDecimal(15)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        csv.flush();
    }
}
