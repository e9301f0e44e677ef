package com.serviceloop.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The worked example of the README, computed by hand. Two customers, 7-point scales, one or two
 * items per dimension:
 *
 * <pre>
 * item dim             E(c1) E(c2) P(c1) P(c2)  mean E  mean P  gap
 *  1   tangibles         6     6     5     6     6.0     5.5   -0.5
 *  2   tangibles         5     7     6     6     6.0     6.0    0.0
 *  3   reliability       7     7     5     4     7.0     4.5   -2.5
 *  4   responsiveness    6     6     6     5     6.0     5.5   -0.5
 *  5   assurance         6     5     6     6     5.5     6.0   +0.5
 *  6   empathy           5     5     4     5     5.0     4.5   -0.5
 *  7   empathy           6     6     5     4     6.0     4.5   -1.5
 * </pre>
 *
 * Dimension gaps: tangibles (-0.5 + 0) / 2 = -0.25; reliability -2.5; responsiveness -0.5;
 * assurance +0.5; empathy (-0.5 - 1.5) / 2 = -1.0. Unweighted: (-0.25 - 2.5 - 0.5 + 0.5 - 1.0) / 5
 * = -0.75. Importance points (out of 100, mean of the two customers): tangibles 10, reliability 35,
 * responsiveness 20, assurance 20, empathy 15. Weighted: 0.10 × -0.25 + 0.35 × -2.5 + 0.20 × -0.5
 * + 0.20 × 0.5 + 0.15 × -1.0 = -0.025 - 0.875 - 0.1 + 0.1 - 0.15 = -1.05.
 */
class ServqualTest {
    private static Servqual.ItemSums item(int no, Dimension d, double e1, double e2, double p1, double p2) {
        return new Servqual.ItemSums(no, d, 2, e1 + e2, 2, p1 + p2);
    }

    private static final List<Servqual.ItemSums> EXAMPLE = List.of(
            item(1, Dimension.TANGIBLES, 6, 6, 5, 6),
            item(2, Dimension.TANGIBLES, 5, 7, 6, 6),
            item(3, Dimension.RELIABILITY, 7, 7, 5, 4),
            item(4, Dimension.RESPONSIVENESS, 6, 6, 6, 5),
            item(5, Dimension.ASSURANCE, 6, 5, 6, 6),
            item(6, Dimension.EMPATHY, 5, 5, 4, 5),
            item(7, Dimension.EMPATHY, 6, 6, 5, 4));

    private static final Map<Dimension, Double> IMPORTANCE = Map.of(Dimension.TANGIBLES, 10.0,
            Dimension.RELIABILITY, 35.0, Dimension.RESPONSIVENESS, 20.0, Dimension.ASSURANCE, 20.0,
            Dimension.EMPATHY, 15.0);

    @Test
    void itemAndDimensionGapsAndBothOverallScoresMatchTheHandComputation() {
        Servqual.Score s = Servqual.score(EXAMPLE, IMPORTANCE);
        assertThat(s.items()).extracting(Servqual.ItemGap::gap).containsExactly(-0.5, 0.0, -2.5, -0.5, 0.5, -0.5, -1.5);
        assertThat(s.dimensions()).extracting(Servqual.DimensionGap::gap).containsExactly(-0.25, -2.5, -0.5, 0.5, -1.0);
        assertThat(s.dimensions().get(1).expectation()).isEqualTo(7.0);
        assertThat(s.dimensions().get(1).perception()).isEqualTo(4.5);
        assertThat(s.dimensions().get(1).weight()).isCloseTo(0.35, within(1e-9));
        assertThat(s.unweighted()).isCloseTo(-0.75, within(1e-9));
        assertThat(s.weighted()).isCloseTo(-1.05, within(1e-9));
    }

    @Test
    void importanceOnAnyScaleGivesTheSameWeights() {
        Map<Dimension, Double> fractions = Map.of(Dimension.TANGIBLES, 0.1, Dimension.RELIABILITY, 0.35,
                Dimension.RESPONSIVENESS, 0.2, Dimension.ASSURANCE, 0.2, Dimension.EMPATHY, 0.15);
        assertThat(Servqual.score(EXAMPLE, fractions).weighted()).isCloseTo(-1.05, within(1e-9));
    }

    @Test
    void missingSidesAndDimensionsLeaveGapsEmptyInsteadOfZero() {
        var onlyExpectations = List.of(new Servqual.ItemSums(1, Dimension.TANGIBLES, 3, 18, 0, 0),
                new Servqual.ItemSums(3, Dimension.RELIABILITY, 1, 7, 1, 4));
        Servqual.Score s = Servqual.score(onlyExpectations, IMPORTANCE);
        assertThat(s.items().get(0).gap()).isNull();
        assertThat(s.dimensions().get(0).gap()).isNull();
        assertThat(s.unweighted()).isEqualTo(-3.0);
        assertThat(s.weighted()).as("renormalised over the dimensions with answers").isCloseTo(-3.0, within(1e-9));
        assertThat(Servqual.score(List.of(), Map.of()).weighted()).isNull();
    }
}
