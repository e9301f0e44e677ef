package com.serviceloop.standard;

import java.math.BigDecimal;

public enum TargetUnit {
    SECONDS(1), MINUTES(60), HOURS(3600), DAYS(86400), PERCENT(0), COUNT(0), SCORE(0);

    private final long seconds;

    TargetUnit(long seconds) {
        this.seconds = seconds;
    }

    public boolean isTime() {
        return seconds > 0;
    }

    public BigDecimal toSeconds(BigDecimal value) {
        return value.multiply(BigDecimal.valueOf(seconds));
    }
}
