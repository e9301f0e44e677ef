package com.serviceloop.customer;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** What the service profile page shows beside the profile: measured from customers and surveys, never stored. */
public final class ProfileViews {
    private ProfileViews() {
    }

    /** One band of a characteristic: customers in it, their share (%) of those whose band is known, targeted or not. */
    public record Band(String band, long count, double share, boolean targeted) {
    }

    /** One characteristic (ageBand, incomeBand, education, socialClass) of the actual mix. */
    public record MixPart(String field, long known, long unknown, List<Band> bands, List<ProfileChecks.Finding> findings) {
    }

    public record ActualMix(long outletId, long customers, List<MixPart> parts) {
        /** The thresholds of {@link ProfileChecks#findings}, for the sentence that states the rule. */
        public double targetBelow() {
            return ProfileChecks.TARGET_BELOW;
        }

        public double untargetedAbove() {
            return ProfileChecks.UNTARGETED_ABOVE;
        }
    }

    /** The most frequent entries of each profile text (values, attitudes, habits, preferences, expectations) of a tier. */
    public record TierConcepts(FrequencyTier tier, long customers, Map<String, List<ProfileChecks.Phrase>> fields) {
    }

    public record Concepts(long outletId, int top, List<TierConcepts> tiers) {
        public List<String> fields() {
            return ProfileFigures.TEXT_FIELDS;
        }
    }

    /**
     * The silhouette (factor weights per tier) beside the customers' SERVQUAL perception per dimension
     * (1-7; null when no answers or no survey module).
     */
    public record Silhouette(long outletId, List<ServiceProfileForm.SilhouetteRow> rows,
                             Map<String, BigDecimal> perceptions) {
    }

    /** A need as the team rates it, and as customers do where it is mapped (both 1-5). */
    public record NeedRow(CustomerNeed need, int teamScore, Long questionId, ServqualDimension dimension, String note,
                          BigDecimal customerScore, Long answers, boolean disagree) {
    }

    public record NeedsReview(long outletId, List<NeedRow> needs) {
    }
}
