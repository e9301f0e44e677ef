package com.serviceloop.staff;

import java.math.BigDecimal;
import java.util.List;

/**
 * An outlet's grade for a month with the figures it was graded on and, for each star above it,
 * the thresholds it missed.
 */
record StarGradeView(long outletId, String outletName, Long regionId, String month, int stars, BigDecimal satisfaction,
                     long rated, BigDecimal onTime, long clocksDue, long complaints, long visits, BigDecimal complaintsPpm,
                     BigDecimal auditScore, long audits, List<Reason> missed) {

    /** A threshold not met; atLeast: the figure had to reach it (else stay at or below it); figure null: none counted. */
    record Reason(int stars, String indicator, BigDecimal figure, BigDecimal threshold, boolean atLeast) {
    }

    static StarGradeView of(StarGradeRepository.Row r, List<StarGradeRepository.MissRow> misses) {
        return new StarGradeView(r.outletId(), r.outletName(), r.regionId(), r.gradeMonth().toString().substring(0, 7),
                r.stars(), r.satisfaction(), r.rated(), r.onTime(), r.clocksDue(), r.complaints(), r.visits(),
                r.complaintsPpm(), r.auditScore(), r.audits(), misses == null ? List.of() : misses.stream()
                .map(m -> new Reason(m.stars(), m.indicator(), m.figure(), m.threshold(),
                        StarGradeIndicator.valueOf(m.indicator()).atLeast())).toList());
    }

    /** The reasons for the next star only: what the outlet has to change to climb one level. */
    public List<Reason> nextStar() {
        return missed.stream().filter(m -> m.stars() == stars + 1).toList();
    }
}
