package com.serviceloop.audit;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.platform.CsvFiles;
import com.serviceloop.platform.OutletScope;
import com.serviceloop.platform.Rows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the accepted mystery visits add up to: a programme's quota progress, the mystery-shop line beside the audit
 * line on the dashboard (kept apart: a shopper sees what a customer sees, an auditor what the standard asks), the CSV.
 */
@Service
public class MysteryFigures {
    private static final String UNDER = " AND v.outlet_id IN (SELECT o.id FROM org_unit o WHERE o.path LIKE "
            + "(SELECT u.path FROM org_unit u WHERE u.id = :unit) || '%')";
    private final JdbcClient jdbc;
    private final OrgService org;
    private final Clock clock;
    private final ZoneId zone;

    MysteryFigures(JdbcClient jdbc, OrgService org, Clock clock,
                   @Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.org = org;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** One outlet's month: visits planned (not rejected) and accepted, against the quota. */
    public record QuotaCell(String month, int planned, int accepted, int quota) {
    }

    public record OutletQuota(long outletId, String outletName, List<QuotaCell> months) {
    }

    private record Planned(long outletId, LocalDate plannedOn, String status) {
    }

    /** The programme's months (its window) by outlet in the caller's scope. */
    public List<OutletQuota> progress(AppUser user, MysteryProgramme p) {
        OutletScope scope = org.scopeOf(user);
        List<Planned> rows = scope.bind(jdbc.sql("SELECT outlet_id, planned_on, status FROM mystery_visit WHERE "
                + "programme_id = :p AND status <> 'REJECTED' AND " + scope.sqlFilter("outlet_id"))).param("p", p.id())
                .query(Rows.of(Planned.class)).list();
        List<OutletQuota> out = new ArrayList<>();
        for (MysteryProgramme.ProgrammeOutlet o : p.outlets()) {
            if (!scope.contains(o.id())) {
                continue;
            }
            List<QuotaCell> cells = new ArrayList<>();
            for (YearMonth m = YearMonth.from(p.windowFrom()); !m.isAfter(YearMonth.from(p.windowTo())); m = m.plusMonths(1)) {
                YearMonth month = m;
                List<Planned> in = rows.stream().filter(r -> r.outletId() == o.id()
                        && YearMonth.from(r.plannedOn()).equals(month)).toList();
                cells.add(new QuotaCell(month.toString(), in.size(),
                        (int) in.stream().filter(r -> r.status().equals("ACCEPTED")).count(), p.quotaPerMonth()));
            }
            out.add(new OutletQuota(o.id(), o.name(), cells));
        }
        return out;
    }

    /** One month of accepted mystery visits (by visit time): their mean score and the visits behind it. */
    public record MysteryMonth(String month, double meanScore, int visits, int failed, List<Long> visitIds) {
    }

    private record Accepted(long id, OffsetDateTime visitedAt, BigDecimal score, String result) {
    }

    /** {@code unitId} null: all the caller sees; {@code months} back from this month, as the audit dashboard. */
    public List<MysteryMonth> monthly(AppUser user, Long unitId, int months) {
        OutletScope scope = org.scopeOf(user);
        OffsetDateTime from = YearMonth.now(clock.withZone(zone)).minusMonths(months - 1L).atDay(1).atStartOfDay(zone)
                .toOffsetDateTime();
        var spec = scope.bind(jdbc.sql("SELECT v.id, v.visited_at, v.score, v.result FROM mystery_visit v WHERE "
                + "v.status = 'ACCEPTED' AND v.visited_at >= :from AND " + scope.sqlFilter("v.outlet_id")
                + (unitId == null ? "" : UNDER) + " ORDER BY v.visited_at, v.id")).param("from", from);
        spec = unitId == null ? spec : spec.param("unit", unitId);
        Map<String, List<Accepted>> byMonth = new TreeMap<>();
        for (Accepted a : spec.query(Rows.of(Accepted.class)).list()) {
            byMonth.computeIfAbsent(YearMonth.from(a.visitedAt().atZoneSameInstant(zone)).toString(),
                    k -> new ArrayList<>()).add(a);
        }
        List<MysteryMonth> points = new ArrayList<>();
        byMonth.forEach((month, list) -> {
            double mean = list.stream().filter(a -> a.score() != null).mapToDouble(a -> a.score().doubleValue())
                    .average().orElse(0);
            points.add(new MysteryMonth(month, Math.round(mean * 10000) / 10000.0, list.size(),
                    (int) list.stream().filter(a -> "FAILED".equals(a.result())).count(),
                    list.stream().map(Accepted::id).toList()));
        });
        return points;
    }

    /** Accepted visits in scope, one row each: the shopper by nickname only. */
    void export(AppUser user, Long programmeId, Writer out) throws IOException {
        OutletScope scope = org.scopeOf(user);
        CSVPrinter csv = CsvFiles.printer(out);
        csv.printRecord(List.of("visit_id", "programme", "outlet", "shopper_nickname", "planned_on", "visited_at",
                "score", "result", "report_quality", "reviewed_at", "debriefed_on"));
        var spec = jdbc.sql("""
                SELECT v.id, p.name, u.name, s.nickname, v.planned_on, v.visited_at, v.score, v.result, v.quality_rating,
                       v.reviewed_at, d.held_on
                FROM mystery_visit v JOIN mystery_programme p ON p.id = v.programme_id JOIN org_unit u ON u.id = v.outlet_id
                LEFT JOIN mystery_shopper s ON s.person_id = v.shopper_id LEFT JOIN mystery_debrief d ON d.visit_id = v.id
                WHERE v.status = 'ACCEPTED' AND %s%s ORDER BY v.visited_at, v.id""".formatted(scope.sqlFilter("v.outlet_id"),
                programmeId == null ? "" : " AND v.programme_id = :p"));
        spec = programmeId == null ? spec : spec.param("p", programmeId);
        scope.bind(spec).query(rs -> {
            try {
                csv.printRecord(CsvFiles.safe(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5), rs.getObject(6), rs.getBigDecimal(7), rs.getString(8), rs.getObject(9),
                        rs.getObject(10), rs.getObject(11)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        csv.flush();
    }
}
