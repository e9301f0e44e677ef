package com.serviceloop.standard;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How often a standard was met, per version of its wording, against the target rate. */
public record Compliance(int versionNo, String behaviour, BigDecimal targetRate, long events, long met) {

    public BigDecimal getRate() {
        return events == 0 ? null
                : BigDecimal.valueOf(met * 100).divide(BigDecimal.valueOf(events), 2, RoundingMode.HALF_UP);
    }

    public Boolean getOnTarget() {
        return getRate() == null || targetRate == null ? null : getRate().compareTo(targetRate) >= 0;
    }
}
