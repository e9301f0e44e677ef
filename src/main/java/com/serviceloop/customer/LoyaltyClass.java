package com.serviceloop.customer;

/**
 * Loyalty as attitude (would recommend) crossed with behaviour (keeps coming back):
 * both high is true loyalty; coming back without liking it is spurious (they leave when a
 * competitor is handier); liking it without coming is latent (something stops them).
 */
public enum LoyaltyClass {
    TRUE_LOYAL, SPURIOUS, LATENT, NONE;

    /** An unknown recommendation score counts as a low attitude: loyalty is not assumed. */
    public static LoyaltyClass of(Integer wouldRecommend, FrequencyTier tier, InsightSettings s) {
        boolean attitude = wouldRecommend != null && wouldRecommend >= s.promoterMinScore();
        boolean behaviour = tier == FrequencyTier.HEAVY || tier == FrequencyTier.MEDIUM;
        if (attitude) {
            return behaviour ? TRUE_LOYAL : LATENT;
        }
        return behaviour ? SPURIOUS : NONE;
    }
}
