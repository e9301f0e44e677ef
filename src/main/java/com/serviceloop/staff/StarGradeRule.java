package com.serviceloop.staff;

import java.math.BigDecimal;

/** One star level's thresholds; a null threshold: the level does not ask for that indicator. */
public record StarGradeRule(int stars, BigDecimal minSatisfaction, BigDecimal minOnTime, BigDecimal maxComplaintsPpm,
                     BigDecimal minAudit, int version) {

    public BigDecimal threshold(StarGradeIndicator indicator) {
        return switch (indicator) {
            case SATISFACTION -> minSatisfaction;
            case ON_TIME -> minOnTime;
            case COMPLAINTS_PPM -> maxComplaintsPpm;
            case AUDIT -> minAudit;
        };
    }

    StarGradeRule with(StarGradeRuleForm f) {
        return new StarGradeRule(stars, f.minSatisfaction(), f.minOnTime(), f.maxComplaintsPpm(), f.minAudit(), version);
    }
}
