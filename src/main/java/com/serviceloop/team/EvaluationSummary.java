package com.serviceloop.team;

import java.math.BigDecimal;
import java.util.List;

/**
 * The evaluations of a programme the caller sees, summed up: the mean total and its band, each
 * item's mean and how many scored it low, the items to improve now, and the mean total per month.
 */
public record EvaluationSummary(long programmeId, int evaluations, BigDecimal meanTotal, Grading.Band band,
                                int flagAt, List<ItemMean> items, List<Integer> improveNow, List<MonthMean> months) {

    /** An item's mean score (two decimals), how many evaluations scored it at or below the threshold, and the flag. */
    public record ItemMean(int itemNo, BigDecimal mean, int low, boolean improveNow) {
    }

    /** A calendar month (yyyy-MM) of evaluation days with its number of evaluations and mean total (one decimal). */
    public record MonthMean(String month, int evaluations, BigDecimal meanTotal) {
    }
}
