package com.serviceloop.team;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The arithmetic of the map, apart from storage so that it can be checked by hand:
 * <ul>
 * <li>a principle's self score = the mean of the leader's four scores of its items;</li>
 * <li>its others' mean = the sum of the others' scores of its four items ÷ the number of those scores;</li>
 * <li>a strength: others' mean ≥ 4, or the highest others' mean of the five when that is ≥ 3;</li>
 * <li>a weakness: others' mean &lt; 3, or the lowest others' mean of the five when that is &lt; 4;</li>
 * </ul>
 * "Highest" and "lowest" include ties and do not apply when all five means are equal (nothing then
 * stands out). Comparisons use the exact means; shown figures are rounded half up to two decimals.
 */
final class LeadershipScores {
    static final int MINIMUM_OTHERS = 3;
    private static final int EXACT = 12;
    private static final BigDecimal THREE = BigDecimal.valueOf(3);
    private static final BigDecimal FOUR = BigDecimal.valueOf(4);

    private LeadershipScores() {
    }

    /** The others' answers as counted in: per item (index 0 = item 1), how many scores and their sum. */
    record Tally(int[] raters, int[] sums) {
        int counted() {
            int most = 0;
            for (int r : raters) {
                most = Math.max(most, r);
            }
            return most;
        }
    }

    static LeadershipResult result(long roundId, int answered, int[] self, Tally tally,
                                   Function<Principle, String> names, Function<Integer, String> texts) {
        int counted = tally.counted();
        boolean shown = counted >= MINIMUM_OTHERS;
        BigDecimal[] exact = new BigDecimal[Principle.values().length];
        for (Principle p : Principle.values()) {
            exact[p.ordinal()] = shown ? others(tally, p) : null;
        }
        BigDecimal highest = null;
        BigDecimal lowest = null;
        for (BigDecimal m : exact) {
            if (m != null) {
                highest = highest == null || m.compareTo(highest) > 0 ? m : highest;
                lowest = lowest == null || m.compareTo(lowest) < 0 ? m : lowest;
            }
        }
        boolean spread = highest != null && highest.compareTo(lowest) != 0;
        List<LeadershipResult.PrincipleResult> rows = new ArrayList<>();
        List<Principle> strengths = new ArrayList<>();
        List<Principle> weaknesses = new ArrayList<>();
        for (Principle p : Principle.values()) {
            BigDecimal m = exact[p.ordinal()];
            BigDecimal own = self == null ? null : selfMean(self, p);
            boolean strength = m != null && (m.compareTo(FOUR) >= 0
                    || spread && m.compareTo(highest) == 0 && m.compareTo(THREE) >= 0);
            boolean weakness = m != null && (m.compareTo(THREE) < 0
                    || spread && m.compareTo(lowest) == 0 && m.compareTo(FOUR) < 0);
            if (strength) {
                strengths.add(p);
            }
            if (weakness) {
                weaknesses.add(p);
            }
            rows.add(new LeadershipResult.PrincipleResult(p, p.level(), names.apply(p), shown(own), shown(m),
                    own == null || m == null ? null : shown(own.subtract(m)), strength, weakness));
        }
        List<LeadershipResult.ItemResult> items = new ArrayList<>();
        for (int no = 1; no <= Principle.ITEMS; no++) {
            int i = no - 1;
            items.add(new LeadershipResult.ItemResult(no, Principle.of(no), texts.apply(no), self == null ? null : self[i],
                    shown && tally.raters()[i] > 0 ? shown(mean(tally.sums()[i], tally.raters()[i])) : null));
        }
        return new LeadershipResult(roundId, answered, shown ? counted : 0, MINIMUM_OTHERS, shown, self != null, rows,
                items, strengths, weaknesses);
    }

    private static BigDecimal others(Tally tally, Principle p) {
        long sum = 0;
        long n = 0;
        for (int i = p.firstItem() - 1; i < p.firstItem() - 1 + Principle.ITEMS_EACH; i++) {
            sum += tally.sums()[i];
            n += tally.raters()[i];
        }
        return n == 0 ? null : mean(sum, n);
    }

    private static BigDecimal selfMean(int[] self, Principle p) {
        long sum = 0;
        for (int i = p.firstItem() - 1; i < p.firstItem() - 1 + Principle.ITEMS_EACH; i++) {
            sum += self[i];
        }
        return mean(sum, Principle.ITEMS_EACH);
    }

    private static BigDecimal mean(long sum, long n) {
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), EXACT, RoundingMode.HALF_UP);
    }

    private static BigDecimal shown(BigDecimal exact) {
        return exact == null ? null : exact.setScale(2, RoundingMode.HALF_UP);
    }
}
