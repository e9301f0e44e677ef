package com.serviceloop.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The README's five-gap worked example, computed by hand. Two customers, two managers and two
 * staff; one SERVQUAL item per dimension (items 1, 5, 10, 14, 18), 1–7 scales.
 *
 * <pre>
 *                  customers          managers           staff
 *                  E      P           predicted  std     delivery        promises
 * tangibles        6,6    5,6         6,5        6,6     6,7             7,7
 * reliability      7,7    5,4         5,6        4,3     4,5 and 6,6     4,4
 * responsiveness   6,6    6,5         6,6        5,6     3,4             5,4
 * assurance        6,5    6,6         6,7        7,6     6,6             5,6
 * empathy          5,6    4,4         4,5        3,4     5,4             6,6
 * </pre>
 *
 * <pre>
 *                 gap 1 (M−E)       gap 2 (std−7)  gap 3 (del−7)          gap 4 (prom−7)  gap 5 (P−E)
 * tangibles       5.5−6.0 = −0.5    6.0 → −1.0     6.5 → −0.5             7.0 → 0.0       5.5−6.0 = −0.5
 * reliability     5.5−7.0 = −1.5    3.5 → −3.5     (4.5+6.0)/2=5.25 → −1.75 4.0 → −3.0    4.5−7.0 = −2.5
 * responsiveness  6.0−6.0 =  0.0    5.5 → −1.5     3.5 → −3.5             4.5 → −2.5      5.5−6.0 = −0.5
 * assurance       6.5−5.5 = +1.0    6.5 → −0.5     6.0 → −1.0             5.5 → −1.5      6.0−5.5 = +0.5
 * empathy         4.5−5.5 = −1.0    3.5 → −3.5     4.5 → −2.5             6.0 → −1.0      4.0−5.5 = −1.5
 * overall         −2.0/5 = −0.4     −10/5 = −2.0   −9.25/5 = −1.85        −8/5 = −1.6     −4.5/5 = −0.9
 * </pre>
 */
class FiveGapsTest {
    private static final Offset<Double> EXACT = within(1e-9);
    private static final int[] ITEMS = {1, 5, 10, 14, 18};

    /** Two answers to one question, as the database sums them. */
    private static ItemTotal two(int item, Dimension d, String side, int a, int b) {
        return new ItemTotal(item, d, side, 2, a + b);
    }

    static FiveGaps.Source customers() {
        int[][] e = {{6, 6}, {7, 7}, {6, 6}, {6, 5}, {5, 6}};
        int[][] p = {{5, 6}, {5, 4}, {6, 5}, {6, 6}, {4, 4}};
        List<ItemTotal> t = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            int i = d.ordinal();
            t.add(two(ITEMS[i], d, "EXPECTATION", e[i][0], e[i][1]));
            t.add(two(ITEMS[i], d, "PERCEPTION", p[i][0], p[i][1]));
        }
        return new FiveGaps.Source(2, t);
    }

    static FiveGaps.Source management() {
        int[][] m = {{6, 5}, {5, 6}, {6, 6}, {6, 7}, {4, 5}};
        int[][] s = {{6, 6}, {4, 3}, {5, 6}, {7, 6}, {3, 4}};
        List<ItemTotal> t = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            int i = d.ordinal();
            t.add(two(ITEMS[i], d, FiveGaps.PREDICTED, m[i][0], m[i][1]));
            t.add(two(i + 1, d, FiveGaps.STANDARD, s[i][0], s[i][1]));
        }
        return new FiveGaps.Source(2, t);
    }

    static FiveGaps.Source staff() {
        int[][] del = {{6, 7}, {4, 5}, {3, 4}, {6, 6}, {5, 4}};
        int[][] pro = {{7, 7}, {4, 4}, {5, 4}, {5, 6}, {6, 6}};
        List<ItemTotal> t = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            int i = d.ordinal();
            t.add(two(2 * i + 1, d, FiveGaps.DELIVERY, del[i][0], del[i][1]));
            t.add(two(i + 1, d, FiveGaps.PROMISE, pro[i][0], pro[i][1]));
        }
        t.add(two(4, Dimension.RELIABILITY, FiveGaps.DELIVERY, 6, 6)); // reliability's second delivery item
        return new FiveGaps.Source(2, t);
    }

    private static List<Double> column(FiveGaps.Result r, Function<FiveGaps.Row, Double> c) {
        return r.dimensions().stream().map(c).toList();
    }

    @Test
    void everyGapPerDimensionAndOverallMatchesTheHandComputation() {
        FiveGaps.Result r = FiveGaps.compute(customers(), management(), staff());
        assertThat(r.dimensions()).extracting(FiveGaps.Row::dimension).containsExactly(Dimension.values());
        assertThat(column(r, FiveGaps.Row::gap1)).containsExactly(-0.5, -1.5, 0.0, 1.0, -1.0);
        assertThat(column(r, FiveGaps.Row::gap2)).containsExactly(-1.0, -3.5, -1.5, -0.5, -3.5);
        assertThat(column(r, FiveGaps.Row::gap3)).containsExactly(-0.5, -1.75, -3.5, -1.0, -2.5);
        assertThat(column(r, FiveGaps.Row::gap4)).containsExactly(0.0, -3.0, -2.5, -1.5, -1.0);
        assertThat(column(r, FiveGaps.Row::gap5)).containsExactly(-0.5, -2.5, -0.5, 0.5, -1.5);
        assertThat(column(r, FiveGaps.Row::managementExpectation)).containsExactly(5.5, 5.5, 6.0, 6.5, 4.5);
        assertThat(column(r, FiveGaps.Row::customerExpectation)).containsExactly(6.0, 7.0, 6.0, 5.5, 5.5);
        assertThat(r.dimensions().get(1).delivery()).isEqualTo(5.25);

        FiveGaps.Row all = r.overall();
        assertThat(all.dimension()).isNull();
        assertThat(all.gap1()).isCloseTo(-0.4, EXACT);
        assertThat(all.gap2()).isCloseTo(-2.0, EXACT);
        assertThat(all.gap3()).isCloseTo(-1.85, EXACT);
        assertThat(all.gap4()).isCloseTo(-1.6, EXACT);
        assertThat(all.gap5()).isCloseTo(-0.9, EXACT);
        assertThat(r.responses()).isEqualTo(new FiveGaps.Responses(2, 2, 2));
        assertThat(r.noData()).isEmpty();
    }

    @Test
    void gapFiveIsTheServqualGap() {
        FiveGaps.Result r = FiveGaps.compute(customers(), management(), staff());
        Servqual.Score s = Servqual.score(customers().totals());
        assertThat(column(r, FiveGaps.Row::gap5)).isEqualTo(s.dimensions().stream().map(Servqual.DimensionGap::gap).toList());
        assertThat(r.overall().gap5()).isCloseTo(s.unweighted(), EXACT);
    }

    @Test
    void aSourceWithoutResponsesMarksItsGapsAsNoData() {
        FiveGaps.Source none = new FiveGaps.Source(0, List.of());
        FiveGaps.Result noStaff = FiveGaps.compute(customers(), management(), none);
        assertThat(noStaff.noData()).containsExactly(3, 4);
        assertThat(column(noStaff, FiveGaps.Row::gap3)).containsOnlyNulls();
        assertThat(noStaff.overall().gap4()).isNull();
        assertThat(noStaff.overall().gap2()).isCloseTo(-2.0, EXACT);

        FiveGaps.Result noManagers = FiveGaps.compute(customers(), none, staff());
        assertThat(noManagers.noData()).containsExactly(1, 2);
        assertThat(noManagers.overall().gap1()).isNull();
        assertThat(noManagers.overall().gap3()).isCloseTo(-1.85, EXACT);

        FiveGaps.Result noCustomers = FiveGaps.compute(none, management(), staff());
        assertThat(noCustomers.noData()).containsExactly(1, 5);
        assertThat(noCustomers.overall().gap1()).as("nothing to compare the managers' estimate with").isNull();
        assertThat(noCustomers.overall().gap5()).isNull();
        assertThat(noCustomers.dimensions().get(0).managementExpectation()).isEqualTo(5.5);
    }

    @Test
    void gapOneComparesOnlyItemsBothSidesRatedAndTotalsOfOneItemAddUp() {
        // the managers rated tangibles item 2 too, which no customer rated: it does not count
        List<ItemTotal> m = new ArrayList<>(management().totals());
        m.add(two(2, Dimension.TANGIBLES, FiveGaps.PREDICTED, 1, 1));
        // reliability's standard item read as two rows (aggregates and live tail): 4+3 and 5
        m.removeIf(t -> FiveGaps.STANDARD.equals(t.side()) && t.dimension() == Dimension.RELIABILITY);
        m.add(two(2, Dimension.RELIABILITY, FiveGaps.STANDARD, 4, 3));
        m.add(new ItemTotal(2, Dimension.RELIABILITY, FiveGaps.STANDARD, 1, 5));
        FiveGaps.Result r = FiveGaps.compute(customers(), new FiveGaps.Source(3, m), staff());
        assertThat(r.dimensions().get(0).gap1()).isEqualTo(-0.5);
        assertThat(r.dimensions().get(1).standards()).isEqualTo(4.0);
        assertThat(r.dimensions().get(1).gap2()).isEqualTo(-3.0);
    }
}
