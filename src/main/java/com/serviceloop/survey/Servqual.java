package com.serviceloop.survey;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * SERVQUAL scoring. For each item the gap is the mean perception minus the mean expectation over
 * the responses that rated it; a dimension's gap is the mean of its items' gaps; the unweighted
 * score is the mean of the five dimension gaps; the weighted score sums each dimension gap times
 * the share of importance customers gave that dimension (their points, averaged, normalised to 1).
 * Negative gaps mean the service falls short of what customers expect.
 */
final class Servqual {
    private Servqual() {
    }

    /** Sums over the responses for one item: how many rated each side, and the totals. */
    public record ItemSums(int itemNo, Dimension dimension, long expectationCount, double expectationSum,
                           long perceptionCount, double perceptionSum) {
    }

    public record ItemGap(int itemNo, Dimension dimension, Double expectation, Double perception, Double gap) {
    }

    public record DimensionGap(Dimension dimension, Double expectation, Double perception, Double gap,
                               Double weight) {
    }

    public record Score(List<ItemGap> items, List<DimensionGap> dimensions, Double unweighted, Double weighted) {
    }

    /**
     * Scores item totals as {@link SurveyAnalysis#itemTotals} reads them: expectation and perception
     * per item (the same item may come in several rows, from the aggregates and the live tail), and
     * the importance points per dimension.
     */
    static Score score(List<ItemTotal> totals) {
        Map<Integer, double[]> items = new TreeMap<>();
        Map<Integer, Dimension> dims = new HashMap<>();
        Map<Dimension, double[]> points = new EnumMap<>(Dimension.class);
        for (ItemTotal t : totals) {
            if ("IMPORTANCE".equals(t.side())) {
                double[] pt = points.computeIfAbsent(t.dimension(), k -> new double[2]);
                pt[0] += t.n();
                pt[1] += t.sum();
            } else if ("EXPECTATION".equals(t.side()) || "PERCEPTION".equals(t.side())) {
                double[] s = items.computeIfAbsent(t.itemNo(), k -> new double[4]);
                dims.put(t.itemNo(), t.dimension());
                int o = "EXPECTATION".equals(t.side()) ? 0 : 2;
                s[o] += t.n();
                s[o + 1] += t.sum();
            }
        }
        Map<Dimension, Double> importance = new EnumMap<>(Dimension.class);
        points.forEach((d, pt) -> importance.put(d, pt[0] == 0 ? 0 : pt[1] / pt[0]));
        List<ItemSums> sums = items.entrySet().stream().map(e -> new ItemSums(e.getKey(), dims.get(e.getKey()),
                (long) e.getValue()[0], e.getValue()[1], (long) e.getValue()[2], e.getValue()[3])).toList();
        return score(sums, importance);
    }

    /**
     * @param items      per-item sums (from the database's aggregates)
     * @param importance mean importance points per dimension (any scale; normalised here); may be empty
     */
    public static Score score(List<ItemSums> items, Map<Dimension, Double> importance) {
        List<ItemGap> gaps = new ArrayList<>();
        Map<Dimension, List<ItemGap>> byDimension = new EnumMap<>(Dimension.class);
        for (ItemSums s : new TreeMap<>(items.stream().collect(Collectors.toMap(ItemSums::itemNo, x -> x)))
                .values()) {
            Double e = s.expectationCount() == 0 ? null : s.expectationSum() / s.expectationCount();
            Double p = s.perceptionCount() == 0 ? null : s.perceptionSum() / s.perceptionCount();
            ItemGap g = new ItemGap(s.itemNo(), s.dimension(), e, p, e == null || p == null ? null : p - e);
            gaps.add(g);
            byDimension.computeIfAbsent(s.dimension(), d -> new ArrayList<>()).add(g);
        }
        double importanceTotal = importance.values().stream().mapToDouble(Double::doubleValue).sum();
        List<DimensionGap> dims = new ArrayList<>();
        double unweightedSum = 0;
        int unweightedCount = 0;
        double weightedSum = 0;
        double weightUsed = 0;
        for (Dimension d : Dimension.values()) {
            List<ItemGap> list = byDimension.getOrDefault(d, List.of());
            Double gap = mean(list.stream().map(ItemGap::gap).toList());
            Double weight = importanceTotal > 0 && importance.get(d) != null ? importance.get(d) / importanceTotal : null;
            dims.add(new DimensionGap(d, mean(list.stream().map(ItemGap::expectation).toList()),
                    mean(list.stream().map(ItemGap::perception).toList()), gap, weight));
            if (gap != null) {
                unweightedSum += gap;
                unweightedCount++;
                if (weight != null) {
                    weightedSum += gap * weight;
                    weightUsed += weight;
                }
            }
        }
        Double unweighted = unweightedCount == 0 ? null : unweightedSum / unweightedCount;
        // renormalise when a dimension has no answers, so the weighted score stays on the gap scale
        Double weighted = weightUsed == 0 ? null : weightedSum / weightUsed;
        return new Score(gaps, dims, unweighted, weighted);
    }

    private static Double mean(List<Double> values) {
        List<Double> present = values.stream().filter(Objects::nonNull).toList();
        return present.isEmpty() ? null : present.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
