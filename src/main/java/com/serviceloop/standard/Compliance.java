package com.serviceloop.standard;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How often a standard was met, per version of its wording, against the target rate; and the mean score of the
 * measurements (an audited item keeps its score, 0 to 1; one recorded by hand counts 1 when met, 0 when not).
 */
public record Compliance(int versionNo, String behaviour, BigDecimal targetRate, long events, long met,
                         BigDecimal scoreSum) {

    public BigDecimal getMeanScore() {
        return events == 0 || scoreSum == null ? null : scoreSum.divide(BigDecimal.valueOf(events), 4, RoundingMode.HALF_UP);
    }

    public BigDecimal getRate() {
        return events == 0 ? null
                : BigDecimal.valueOf(met * 100).divide(BigDecimal.valueOf(events), 2, RoundingMode.HALF_UP);
    }

    public Boolean getOnTarget() {
        return getRate() == null || targetRate == null ? null : getRate().compareTo(targetRate) >= 0;
    }
}
