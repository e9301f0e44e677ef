package com.serviceloop.survey;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The five-gap model (Zeithaml, Parasuraman &amp; Berry) from three surveys of the same outlets and
 * period, per dimension and overall. All ratings are on the same 1–7 scale; negative is a gap.
 * <ul>
 * <li>Gap 1, knowing: per item, the managers' estimate of what customers expect minus what
 * customers said they expect (the SERVQUAL expectation); a dimension is the mean of its items.</li>
 * <li>Gap 2, standards: how fully managers say the service standards specify the dimension, minus 7.</li>
 * <li>Gap 3, delivery: how far staff say they can deliver the standards, minus 7.</li>
 * <li>Gap 4, communication: how far staff say the promises made to customers match what is
 * delivered, minus 7.</li>
 * <li>Gap 5, the customers' gap: SERVQUAL perception minus expectation ({@link Servqual}).</li>
 * </ul>
 * Gaps 2–4 measure the shortfall from the top of the scale, so 0 means "no gap". Each dimension
 * value is the mean of its items' means, and "overall" is the mean of the dimensions that have a
 * value, as for SERVQUAL. A gap whose source survey has no responses is listed in {@code noData}.
 */
final class FiveGaps {
    static final String PREDICTED = "PREDICTED";
    static final String STANDARD = "STANDARD";
    static final String DELIVERY = "DELIVERY";
    static final String PROMISE = "PROMISE";
    static final double TOP = 7;

    private FiveGaps() {
    }

    /** One survey's answers for the view: its responses and the item totals. */
    record Source(long responses, List<ItemTotal> totals) {
    }

    public record Responses(long customers, long management, long staff) {
    }

    /**
     * A dimension (or, with a null dimension, the overall row): the means behind the gaps on the
     * 1–7 scale, then the five gaps.
     */
    public record Row(Dimension dimension, Double customerExpectation, Double customerPerception,
                      Double managementExpectation, Double standards, Double delivery, Double promises,
                      Double gap1, Double gap2, Double gap3, Double gap4, Double gap5) {
    }

    public record Result(Responses responses, List<Row> dimensions, Row overall, List<Integer> noData) {
    }

    static Result compute(Source customers, Source management, Source staff) {
        Servqual.Score servqual = Servqual.score(customers.totals());
        Map<Integer, Double> expected = new HashMap<>();
        servqual.items().forEach(i -> {
            if (i.expectation() != null) {
                expected.put(i.itemNo(), i.expectation());
            }
        });
        Map<Dimension, List<Double>> predicted = itemMeans(management.totals(), PREDICTED);
        Map<Dimension, List<Double>> gap1Items = new EnumMap<>(Dimension.class);
        itemMeans(management.totals(), PREDICTED, (item, dimension, mean) -> {
            if (expected.containsKey(item)) {
                gap1Items.computeIfAbsent(dimension, d -> new ArrayList<>()).add(mean - expected.get(item));
            }
        });
        Map<Dimension, List<Double>> standards = itemMeans(management.totals(), STANDARD);
        Map<Dimension, List<Double>> delivery = itemMeans(staff.totals(), DELIVERY);
        Map<Dimension, List<Double>> promises = itemMeans(staff.totals(), PROMISE);

        List<Row> rows = new ArrayList<>();
        for (Servqual.DimensionGap c : servqual.dimensions()) {
            Dimension d = c.dimension();
            Double std = mean(standards.get(d));
            Double del = mean(delivery.get(d));
            Double pro = mean(promises.get(d));
            rows.add(new Row(d, c.expectation(), c.perception(), mean(predicted.get(d)), std, del, pro,
                    mean(gap1Items.get(d)), shortfall(std), shortfall(del), shortfall(pro), c.gap()));
        }
        Row overall = new Row(null, mean(rows, Row::customerExpectation), mean(rows, Row::customerPerception),
                mean(rows, Row::managementExpectation), mean(rows, Row::standards), mean(rows, Row::delivery),
                mean(rows, Row::promises), mean(rows, Row::gap1), mean(rows, Row::gap2), mean(rows, Row::gap3),
                mean(rows, Row::gap4), mean(rows, Row::gap5));
        List<Integer> noData = new ArrayList<>();
        if (customers.responses() == 0 || management.responses() == 0) {
            noData.add(1);
        }
        if (management.responses() == 0) {
            noData.add(2);
        }
        if (staff.responses() == 0) {
            noData.addAll(List.of(3, 4));
        }
        if (customers.responses() == 0) {
            noData.add(5);
        }
        return new Result(new Responses(customers.responses(), management.responses(), staff.responses()), rows,
                overall, noData);
    }

    private interface ItemMean {
        void accept(int item, Dimension dimension, double mean);
    }

    /** The mean of each item of one side; an item may come in several rows (aggregates and live tail). */
    private static void itemMeans(List<ItemTotal> totals, String side, ItemMean out) {
        Map<Integer, double[]> sums = new TreeMap<>();
        Map<Integer, Dimension> dims = new HashMap<>();
        for (ItemTotal t : totals) {
            if (side.equals(t.side()) && t.itemNo() != null) {
                double[] s = sums.computeIfAbsent(t.itemNo(), k -> new double[2]);
                s[0] += t.n();
                s[1] += t.sum();
                dims.put(t.itemNo(), t.dimension());
            }
        }
        sums.forEach((item, s) -> {
            if (s[0] > 0) {
                out.accept(item, dims.get(item), s[1] / s[0]);
            }
        });
    }

    private static Map<Dimension, List<Double>> itemMeans(List<ItemTotal> totals, String side) {
        Map<Dimension, List<Double>> out = new EnumMap<>(Dimension.class);
        itemMeans(totals, side, (item, dimension, mean) -> out.computeIfAbsent(dimension, d -> new ArrayList<>()).add(mean));
        return out;
    }

    private static Double shortfall(Double mean) {
        return mean == null ? null : mean - TOP;
    }

    private static Double mean(List<Double> values) {
        if (values == null) {
            return null;
        }
        List<Double> present = values.stream().filter(Objects::nonNull).toList();
        return present.isEmpty() ? null : present.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static Double mean(List<Row> rows, Function<Row, Double> column) {
        return mean(rows.stream().map(column).toList());
    }
}
