package com.serviceloop.staff;

import java.math.BigDecimal;

/**
 * What a star level asks of an outlet's month: the customers' satisfaction index (0-100), the share
 * of SLA clocks stopped in time (%), complaints per million visits, the mean audit score (%). The
 * field is the rule's field that holds the threshold.
 */
enum StarGradeIndicator {
    SATISFACTION("minSatisfaction", true),
    ON_TIME("minOnTime", true),
    COMPLAINTS_PPM("maxComplaintsPpm", false),
    AUDIT("minAudit", true);

    private final String field;
    private final boolean atLeast;

    StarGradeIndicator(String field, boolean atLeast) {
        this.field = field;
        this.atLeast = atLeast;
    }

    public String field() {
        return field;
    }

    /** Whether the threshold is a floor (the figure must reach it) rather than a ceiling. */
    public boolean atLeast() {
        return atLeast;
    }

    /** A figure that is missing (nothing was counted) meets no threshold. */
    boolean meets(BigDecimal figure, BigDecimal threshold) {
        if (figure == null) {
            return false;
        }
        int c = figure.compareTo(threshold);
        return atLeast ? c >= 0 : c <= 0;
    }

    /** Whether a higher level's threshold asks at least what the lower level's asks (null: asks nothing). */
    boolean atLeastAsStrict(BigDecimal higher, BigDecimal lower) {
        return lower == null || higher != null && meets(higher, lower);
    }
}
