package com.serviceloop.customer;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Customer value = average item value x items per visit x visits per year x expected years as a
 * customer x word-of-mouth multiplier. Item value and basket size come from the whole history;
 * visits per year from the last twelve months, so a customer who stopped coming is worth little.
 */
public record CustomerValue(BigDecimal averageItemValue, BigDecimal itemsPerVisit, long visitsPerYear,
                            BigDecimal expectedYears, BigDecimal wordOfMouth, BigDecimal value) {

    public static CustomerValue of(VisitStats stats, InsightSettings s) {
        if (stats.visits() == 0 || stats.totalItems() == 0) {
            return new CustomerValue(BigDecimal.ZERO, BigDecimal.ZERO, stats.visitsLast12Months(),
                    s.expectedYears(), s.wordOfMouthMultiplier(), BigDecimal.ZERO.setScale(2));
        }
        BigDecimal itemValue = stats.totalAmount().divide(BigDecimal.valueOf(stats.totalItems()), 4, RoundingMode.HALF_UP);
        BigDecimal perVisit = BigDecimal.valueOf(stats.totalItems()).divide(BigDecimal.valueOf(stats.visits()), 4, RoundingMode.HALF_UP);
        BigDecimal value = itemValue.multiply(perVisit).multiply(BigDecimal.valueOf(stats.visitsLast12Months()))
                .multiply(s.expectedYears()).multiply(s.wordOfMouthMultiplier()).setScale(2, RoundingMode.HALF_UP);
        return new CustomerValue(itemValue.setScale(2, RoundingMode.HALF_UP), perVisit.setScale(2, RoundingMode.HALF_UP),
                stats.visitsLast12Months(), s.expectedYears(), s.wordOfMouthMultiplier(), value);
    }
}
