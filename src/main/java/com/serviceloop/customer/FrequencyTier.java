package com.serviceloop.customer;

/** How often a customer comes, counted over the last twelve months. */
public enum FrequencyTier {
    HEAVY, MEDIUM, LIGHT, LAPSED;

    public static FrequencyTier of(long visitsLast12Months, InsightSettings s) {
        if (visitsLast12Months >= s.heavyMinVisits()) {
            return HEAVY;
        }
        if (visitsLast12Months >= s.mediumMinVisits()) {
            return MEDIUM;
        }
        return visitsLast12Months >= s.lightMinVisits() ? LIGHT : LAPSED;
    }
}
