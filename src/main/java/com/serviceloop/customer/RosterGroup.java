package com.serviceloop.customer;

/**
 * The loyal-customer roster's groups, each asking the outlet for a different kind of contact.
 * A customer who still comes is judged by attitude (truly loyal or spurious); one who stopped
 * coming after a heavy or medium year is a lapsed customer to win back before their liking is
 * counted, because winning them back is the more urgent contact; latent customers like the outlet
 * but rarely come. Everyone else is not on the roster.
 */
public enum RosterGroup {
    TRULY_LOYAL, LATENT, SPURIOUS, LAPSED_HEAVY, LAPSED_MEDIUM;

    /**
     * @param visitsLast12Months visits in the last 365 days
     * @param visitsYearBefore visits in the 365 days before those
     * @return the group, or null when the customer is on no roster
     */
    public static RosterGroup of(long visitsLast12Months, long visitsYearBefore, Integer wouldRecommend,
                                 InsightSettings s) {
        FrequencyTier now = FrequencyTier.of(visitsLast12Months, s);
        LoyaltyClass loyalty = LoyaltyClass.of(wouldRecommend, now, s);
        if (loyalty == LoyaltyClass.TRUE_LOYAL) {
            return TRULY_LOYAL;
        }
        if (loyalty == LoyaltyClass.SPURIOUS) {
            return SPURIOUS;
        }
        FrequencyTier before = FrequencyTier.of(visitsYearBefore, s);
        if (before == FrequencyTier.HEAVY) {
            return LAPSED_HEAVY;
        }
        if (before == FrequencyTier.MEDIUM) {
            return LAPSED_MEDIUM;
        }
        return loyalty == LoyaltyClass.LATENT ? LATENT : null;
    }
}
