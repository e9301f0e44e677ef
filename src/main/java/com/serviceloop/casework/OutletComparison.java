package com.serviceloop.casework;

import com.serviceloop.platform.OutletScope;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Each outlet against its region's average: the region's figure over all of its outlets (so
 * pooled, each outlet weighing with its visits and cases, not the mean of the outlets' rates), and
 * per figure whether the outlet does better or worse. An outlet manager sees the averages of the
 * region too, never the other outlets' figures.
 */
@Service
class OutletComparison {
    private final CaseIndicators indicators;
    private final JdbcClient jdbc;

    public OutletComparison(CaseIndicators indicators, JdbcClient jdbc) {
        this.indicators = indicators;
        this.jdbc = jdbc;
    }

    /** The figures compared, and which way is better. */
    public enum Figure {
        COMPLAINT_RATE(false, CaseIndicators.Group::complaintRate),
        FIRST_RESPONSE_ON_TIME(true, g -> g.clocks().get(SlaKind.FIRST_RESPONSE.ordinal()).onTimeRate()),
        RESOLUTION_ON_TIME(true, g -> g.clocks().get(SlaKind.RESOLUTION.ordinal()).onTimeRate()),
        FOLLOW_UP_ON_TIME(true, g -> g.clocks().get(SlaKind.FOLLOW_UP.ordinal()).onTimeRate()),
        RESOLUTION_P90(false, g -> g.clocks().get(SlaKind.RESOLUTION.ordinal()).p90Minutes()),
        RETURN_FAST(true, g -> g.returnAfterFast().rate()),
        RETURN_SLOW(true, g -> g.returnAfterSlow().rate()),
        SATISFACTION(true, CaseIndicators.Group::followUpSatisfaction),
        SQI_RATE(false, CaseIndicators.Group::sqiPerThousand);

        private final boolean higherIsBetter;
        private final Function<CaseIndicators.Group, Double> value;

        Figure(boolean higherIsBetter, Function<CaseIndicators.Group, Double> value) {
            this.higherIsBetter = higherIsBetter;
            this.value = value;
        }

        public Double of(CaseIndicators.Group g) {
            return g == null ? null : value.apply(g);
        }

        public boolean higherIsBetter() {
            return higherIsBetter;
        }

        /** A value as the tables show it: shares in %, the 90th percentile in hours, rates per 1,000 visits. */
        public String display(Double v) {
            if (v == null) {
                return "–";
            }
            return switch (this) {
                case COMPLAINT_RATE, SQI_RATE, SATISFACTION -> String.format(Locale.ROOT, "%.2f", v);
                case RESOLUTION_P90 -> String.format(Locale.ROOT, "%.1f", v / 60);
                default -> Math.round(v * 100) + "%";
            };
        }
    }

    public enum Verdict { BETTER, SAME, WORSE }

    /** An outlet, its region's figures and the verdict per figure (none where either has no value). */
    public record Row(CaseIndicators.Group outlet, CaseIndicators.Group region, Map<Figure, Verdict> verdicts) {
        /** The verdict on a figure, by its name; null where there is none. */
        public Verdict verdict(String figure) {
            return verdicts.get(Figure.valueOf(figure));
        }

        /** The CSS class of a figure's cell: better, worse or nothing. */
        public String css(String figure) {
            Verdict v = verdict(figure);
            return v == Verdict.BETTER ? "better" : v == Verdict.WORSE ? "worse" : "";
        }
    }

    static Verdict verdict(Figure f, Double value, Double average) {
        if (value == null || average == null) {
            return null;
        }
        if (Math.abs(value - average) < 1e-9) {
            return Verdict.SAME;
        }
        return value > average == f.higherIsBetter() ? Verdict.BETTER : Verdict.WORSE;
    }

    /** The rows of a report in its order; grouped by outlet, each against its region (regions get no verdicts). */
    public List<Row> compare(CaseIndicators.Report report) {
        if (report.groupBy() != CaseIndicators.GroupBy.OUTLET || report.groups().isEmpty()) {
            return report.groups().stream().map(g -> new Row(g, null, Map.<Figure, Verdict>of())).toList();
        }
        Set<Long> outlets = report.groups().stream().map(CaseIndicators.Group::id).collect(Collectors.toSet());
        Map<Long, Long> regionOf = new HashMap<>();
        jdbc.sql("SELECT id, parent_id FROM org_unit WHERE id IN (:ids)").param("ids", outlets)
                .query(rs -> {
                    regionOf.put(rs.getLong(1), rs.getLong(2));
                });
        List<Long> regionOutlets = jdbc.sql("SELECT id FROM org_unit WHERE kind = 'OUTLET' AND parent_id IN (:regions)")
                .param("regions", Set.copyOf(regionOf.values())).query(Long.class).list();
        Map<Long, CaseIndicators.Group> regions = indicators.report(OutletScope.of(regionOutlets), report.from(), report.to(),
                        CaseIndicators.GroupBy.REGION, CaseIndicators.Period.MONTH, null).groups().stream()
                .collect(Collectors.toMap(CaseIndicators.Group::id, Function.identity()));
        return report.groups().stream().map(g -> {
            CaseIndicators.Group region = regions.get(regionOf.get(g.id()));
            Map<Figure, Verdict> verdicts = new EnumMap<>(Figure.class);
            for (Figure f : Figure.values()) {
                Verdict v = verdict(f, f.of(g), f.of(region));
                if (v != null) {
                    verdicts.put(f, v);
                }
            }
            return new Row(g, region, verdicts);
        }).toList();
    }
}
