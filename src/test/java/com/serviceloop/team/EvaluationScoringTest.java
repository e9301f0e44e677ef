package com.serviceloop.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** README's worked example of the 20-item training evaluation. */
class EvaluationScoringTest {
    static final Grading DEFAULT = new Grading(List.of(new Grading.Band(90, "excellent", "优秀"),
            new Grading.Band(75, "good", "良好"), new Grading.Band(60, "fair", "合格"), new Grading.Band(20, "poor", "待改进")), 2);
    /** Total 73: items 7 and 17 scored 2, item 18 scored 1. */
    static final List<Integer> FIRST = List.of(5, 4, 4, 5, 4, 3, 2, 4, 5, 4, 5, 3, 4, 4, 3, 4, 2, 1, 3, 4);

    /** Total 80: items 1 to 3 scored 5, item 18 scored 1, the rest 4. */
    static List<Integer> second() {
        List<Integer> s = new ArrayList<>(Collections.nCopies(20, 4));
        s.set(0, 5);
        s.set(1, 5);
        s.set(2, 5);
        s.set(17, 1);
        return s;
    }

    /** Total 91: items 1 to 11 scored 5, items 12 to 20 scored 4. */
    static List<Integer> third() {
        List<Integer> s = new ArrayList<>(Collections.nCopies(20, 4));
        for (int i = 0; i < 11; i++) {
            s.set(i, 5);
        }
        return s;
    }

    @Test
    void oneEvaluationHasItsTotalBandAndTheItemsToImproveNow() {
        assertThat(EvaluationScoring.total(FIRST)).isEqualTo(73);
        assertThat(DEFAULT.bandOf(73).labelEn()).isEqualTo("fair");
        assertThat(EvaluationScoring.improveNow(FIRST, 2)).containsExactly(7, 17, 18);
        // a threshold of 3 flags the items scored 3 as well
        assertThat(EvaluationScoring.improveNow(FIRST, 3)).containsExactly(6, 7, 12, 15, 17, 18, 19);
        assertThat(EvaluationScoring.total(second())).isEqualTo(80);
        assertThat(EvaluationScoring.total(third())).isEqualTo(91);
    }

    @Test
    void aTotalGetsTheBandWithTheHighestMinimumItReaches() {
        assertThat(List.of(100, 90, 89, 75, 74, 60, 59, 20).stream().map(t -> DEFAULT.bandOf(t).labelEn()))
                .containsExactly("excellent", "excellent", "good", "good", "fair", "fair", "poor", "poor");
        // the order bands are given in does not matter
        Grading shuffled = new Grading(List.of(DEFAULT.bands().get(3), DEFAULT.bands().get(0), DEFAULT.bands().get(2),
                DEFAULT.bands().get(1)), 2);
        assertThat(shuffled.bandOf(80).labelZh()).isEqualTo("良好");
    }

    @Test
    void theSummaryMeansTheTotalsPerMonthAndFlagsItemsByTheirMean() {
        EvaluationSummary s = EvaluationScoring.summary(7, List.of(
                new EvaluationScoring.Scored(LocalDate.of(2026, 1, 10), FIRST),
                new EvaluationScoring.Scored(LocalDate.of(2026, 1, 25), second()),
                new EvaluationScoring.Scored(LocalDate.of(2026, 2, 3), third())), DEFAULT);
        assertThat(s.evaluations()).isEqualTo(3);
        // (73 + 80 + 91) / 3 = 81.33 → 81.3, good
        assertThat(s.meanTotal()).isEqualByComparingTo("81.3");
        assertThat(s.band().labelEn()).isEqualTo("good");
        // January (73 + 80) / 2 = 76.5, February 91.0
        assertThat(s.months()).containsExactly(new EvaluationSummary.MonthMean("2026-01", 2, new BigDecimal("76.5")),
                new EvaluationSummary.MonthMean("2026-02", 1, new BigDecimal("91.0")));
        // item 18: 1, 1, 4 → mean 2.00, at the threshold: improve now; item 17: 2, 4, 4 → 3.33; item 7: 2, 4, 5 → 3.67
        assertThat(s.items().get(17)).isEqualTo(new EvaluationSummary.ItemMean(18, new BigDecimal("2.00"), 2, true));
        assertThat(s.items().get(16)).isEqualTo(new EvaluationSummary.ItemMean(17, new BigDecimal("3.33"), 1, false));
        assertThat(s.items().get(6)).isEqualTo(new EvaluationSummary.ItemMean(7, new BigDecimal("3.67"), 1, false));
        assertThat(s.improveNow()).containsExactly(18);
    }

    @Test
    void withoutEvaluationsThereIsNoMeanAndNothingToFlag() {
        EvaluationSummary s = EvaluationScoring.summary(7, List.of(), DEFAULT);
        assertThat(s.evaluations()).isZero();
        assertThat(s.meanTotal()).isNull();
        assertThat(s.band()).isNull();
        assertThat(s.items()).isEmpty();
        assertThat(s.months()).isEmpty();
    }
}
