package com.serviceloop.staff;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An outlet's month as graded: each indicator's figure (null when there was nothing to count) and
 * the counts behind it.
 */
record StarGradeFigures(BigDecimal satisfaction, long rated, BigDecimal onTime, long clocksDue, long complaints,
                        long visits, BigDecimal complaintsPpm, BigDecimal auditScore, long audits) {

    /** The figures from the counts: on time and audit score as percentages, complaints per million visits. */
    static StarGradeFigures of(Double satisfaction, long rated, long clocksDue, long clocksOnTime, long complaints,
                               long visits, Double meanAuditScore, long audits) {
        return new StarGradeFigures(satisfaction == null ? null : scale(BigDecimal.valueOf(satisfaction)), rated,
                clocksDue == 0 ? null : scale(BigDecimal.valueOf(clocksOnTime * 100.0 / clocksDue)), clocksDue, complaints,
                visits, visits == 0 ? null : scale(BigDecimal.valueOf(complaints * 1_000_000.0 / visits)),
                meanAuditScore == null ? null : scale(BigDecimal.valueOf(meanAuditScore * 100)), audits);
    }

    private static BigDecimal scale(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    BigDecimal figure(StarGradeIndicator indicator) {
        return switch (indicator) {
            case SATISFACTION -> satisfaction;
            case ON_TIME -> onTime;
            case COMPLAINTS_PPM -> complaintsPpm;
            case AUDIT -> auditScore;
        };
    }

    boolean isEmpty() {
        return rated == 0 && clocksDue == 0 && visits == 0 && audits == 0 && complaints == 0;
    }
}
