package com.serviceloop.team;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The arithmetic of the 20-item training evaluation. Total = the sum of the 20 scores (20 to 100).
 * An item is "improve now" in one evaluation when scored at or below the chain's threshold, and in a
 * summary when its mean score is. Means are rounded half up: totals to one decimal, items to two.
 */
final class EvaluationScoring {
    static final int ITEMS = 20;
    static final int LOWEST_TOTAL = 20;
    static final int HIGHEST_TOTAL = 100;

    private EvaluationScoring() {
    }

    /** An evaluation as far as the arithmetic goes. */
    record Scored(LocalDate evaluatedOn, List<Integer> scores) {
    }

    static int total(List<Integer> scores) {
        return scores.stream().mapToInt(Integer::intValue).sum();
    }

    /** The numbers (1 to 20) of the items scored at or below the threshold. */
    static List<Integer> improveNow(List<Integer> scores, int flagAt) {
        return IntStream.range(0, scores.size()).filter(i -> scores.get(i) <= flagAt).map(i -> i + 1).boxed().toList();
    }

    static EvaluationSummary summary(long programmeId, List<Scored> evaluations, Grading grading) {
        int n = evaluations.size();
        List<EvaluationSummary.ItemMean> items = new ArrayList<>();
        List<Integer> flagged = new ArrayList<>();
        for (int i = 0; i < ITEMS && n > 0; i++) {
            int item = i;
            int sum = evaluations.stream().mapToInt(e -> e.scores().get(item)).sum();
            int low = (int) evaluations.stream().filter(e -> e.scores().get(item) <= grading.flagAt()).count();
            BigDecimal mean = mean(sum, n, 2);
            boolean improve = mean.compareTo(BigDecimal.valueOf(grading.flagAt())) <= 0;
            items.add(new EvaluationSummary.ItemMean(i + 1, mean, low, improve));
            if (improve) {
                flagged.add(i + 1);
            }
        }
        Map<YearMonth, int[]> byMonth = new TreeMap<>();
        for (Scored e : evaluations) {
            int[] m = byMonth.computeIfAbsent(YearMonth.from(e.evaluatedOn()), k -> new int[2]);
            m[0]++;
            m[1] += total(e.scores());
        }
        List<EvaluationSummary.MonthMean> months = new ArrayList<>();
        byMonth.forEach((month, m) -> months.add(new EvaluationSummary.MonthMean(month.toString(), m[0], mean(m[1], m[0], 1))));
        if (n == 0) {
            return new EvaluationSummary(programmeId, 0, null, null, grading.flagAt(), items, flagged, months);
        }
        BigDecimal meanTotal = mean(evaluations.stream().mapToInt(e -> total(e.scores())).sum(), n, 1);
        return new EvaluationSummary(programmeId, n, meanTotal, grading.bandOf(meanTotal.doubleValue()),
                grading.flagAt(), items, flagged, months);
    }

    private static BigDecimal mean(int sum, int n, int decimals) {
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), decimals, RoundingMode.HALF_UP);
    }
}
