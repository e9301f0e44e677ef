package com.serviceloop.standard;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Compliance of one version of a standard at one outlet, over every measurement of it: the share met and the
 * mean score (a measurement without a score, one recorded by hand, counts 1 when met and 0 when not).
 */
public record VersionCompliance(long standardId, long standardVersionId, int versionNo, String behaviour,
                                BigDecimal targetRate, long events, long met, BigDecimal scoreSum) {

    public BigDecimal getRate() {
        return events == 0 ? null
                : BigDecimal.valueOf(met * 100).divide(BigDecimal.valueOf(events), 2, RoundingMode.HALF_UP);
    }

    public BigDecimal getMeanScore() {
        return events == 0 || scoreSum == null ? null : scoreSum.divide(BigDecimal.valueOf(events), 4, RoundingMode.HALF_UP);
    }

    public Boolean getOnTarget() {
        return getRate() == null || targetRate == null ? null : getRate().compareTo(targetRate) >= 0;
    }
}
