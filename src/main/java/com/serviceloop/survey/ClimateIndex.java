package com.serviceloop.survey;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The service climate index. Each statement is rated 1–7 (1 = strongly disagree, 7 = strongly agree).
 * A statement's index is its mean rating rescaled to 0–100: (mean − 1) / 6 × 100, so 1 is 0, 4 is
 * 50 and 7 is 100. An area's index is the mean of its statements' indexes, and the climate index is
 * the mean of all statements' indexes (every area has two statements, so it is also the mean of the
 * areas). Figures of fewer than {@link #MIN_ANSWERS} answers are never shown: in a small team one
 * answer could be told apart.
 */
final class ClimateIndex {
    /** Fewer answers than this and an outlet's (or a pool's) figures stay hidden. */
    static final int MIN_ANSWERS = 3;
    static final double LOWEST = 1;
    static final double HIGHEST = 7;

    private ClimateIndex() {
    }

    /** The answers to one statement summed over responses: how many and their total. */
    record ItemSum(int itemNo, ClimateDimension dimension, long n, double sum) {
        ItemSum plus(ItemSum o) {
            return new ItemSum(itemNo, dimension, n + o.n, sum + o.sum);
        }
    }

    /** A statement's mean rating (1–7) and index (0–100). */
    record Item(int itemNo, ClimateDimension dimension, double mean, double index) {
    }

    /** The climate index, each area's, and each statement's; null where nothing was answered. */
    record Score(Double index, Map<ClimateDimension, Double> dimensions, List<Item> items) {
        static final Score NONE = new Score(null, Map.of(), List.of());
    }

    static double rescale(double mean) {
        return (mean - LOWEST) * 100 / (HIGHEST - LOWEST);
    }

    /** Whether figures from this many answers may be shown. */
    static boolean shown(long answers) {
        return answers >= MIN_ANSWERS;
    }

    /** The score of the sums, which may hold a statement in several rows (outlets, quarters). */
    static Score score(Collection<ItemSum> sums) {
        Map<Integer, ItemSum> byItem = new TreeMap<>();
        sums.forEach(s -> byItem.merge(s.itemNo(), s, ItemSum::plus));
        List<Item> items = new ArrayList<>();
        Map<ClimateDimension, List<Double>> perDimension = new EnumMap<>(ClimateDimension.class);
        for (ItemSum s : byItem.values()) {
            if (s.n() > 0) {
                double mean = s.sum() / s.n();
                Item item = new Item(s.itemNo(), s.dimension(), mean, rescale(mean));
                items.add(item);
                perDimension.computeIfAbsent(s.dimension(), d -> new ArrayList<>()).add(item.index());
            }
        }
        if (items.isEmpty()) {
            return Score.NONE;
        }
        Map<ClimateDimension, Double> dimensions = new EnumMap<>(ClimateDimension.class);
        perDimension.forEach((d, indexes) -> dimensions.put(d, mean(indexes)));
        return new Score(mean(items.stream().map(Item::index).toList()), dimensions, items);
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** One decimal, as the page and the API show an index. */
    static Double round1(Double v) {
        return v == null ? null : Math.round(v * 10) / 10.0;
    }

    static Double round2(Double v) {
        return v == null ? null : Math.round(v * 100) / 100.0;
    }
}
