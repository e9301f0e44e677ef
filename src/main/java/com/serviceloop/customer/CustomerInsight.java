package com.serviceloop.customer;

public record CustomerInsight(VisitStats stats, FrequencyTier tier, CustomerValue value, LoyaltyClass loyalty) {

    public static CustomerInsight of(VisitStats stats, Integer wouldRecommend, InsightSettings s) {
        FrequencyTier tier = FrequencyTier.of(stats.visitsLast12Months(), s);
        return new CustomerInsight(stats, tier, CustomerValue.of(stats, s), LoyaltyClass.of(wouldRecommend, tier, s));
    }
}
