package com.serviceloop.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.serviceloop.platform.BadInputException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The service climate index on README's worked example, and the quarters it is read by. */
class ClimateIndexTest {
    /** README's worked example: three colleagues of one outlet, the 14 statements in order. */
    static final int[][] WORKED_EXAMPLE = {
        {3, 2, 4, 4, 6, 5, 5, 4, 7, 5, 4, 4, 2, 2},
        {2, 3, 5, 4, 5, 5, 4, 3, 6, 4, 5, 3, 3, 2},
        {3, 2, 3, 4, 6, 6, 3, 5, 6, 5, 4, 4, 3, 3}};

    static List<ClimateIndex.ItemSum> sums(int[][] answers) {
        List<ClimateIndex.ItemSum> sums = new ArrayList<>();
        for (int[] respondent : answers) {
            for (int i = 0; i < respondent.length; i++) {
                sums.add(new ClimateIndex.ItemSum(i + 1, ClimateDimension.values()[i / 2], 1, respondent[i]));
            }
        }
        return sums;
    }

    @Test
    void theWorkedExampleGivesTheHandComputedIndexes() {
        ClimateIndex.Score score = ClimateIndex.score(sums(WORKED_EXAMPLE));
        // statement 1: (3 + 2 + 3) / 3 = 2.67 → (2.67 − 1) / 6 × 100 = 27.78; statement 2: 7 / 3 = 2.33 → 22.22
        assertThat(score.items().get(0).mean()).isCloseTo(8.0 / 3, within(1e-9));
        assertThat(score.items().get(0).index()).isCloseTo(250.0 / 9, within(1e-9));
        assertThat(score.items().get(1).index()).isCloseTo(200.0 / 9, within(1e-9));
        assertThat(score.items()).extracting(i -> ClimateIndex.round2(i.index())).containsExactly(
                27.78, 22.22, 50.0, 50.0, 77.78, 72.22, 50.0, 50.0, 88.89, 61.11, 55.56, 44.44, 27.78, 22.22);
        // each area: the mean of its two statements
        assertThat(score.dimensions().values()).extracting(ClimateIndex::round1)
                .containsExactly(25.0, 50.0, 75.0, 50.0, 75.0, 50.0, 25.0);
        // 42 answers add up to 168, a mean of 4.0: exactly the middle of the scale
        assertThat(score.index()).isCloseTo(50.0, within(1e-9));
    }

    @Test
    void theScaleEndsAreZeroAndHundredAndRowsOfOneStatementAddUp() {
        assertThat(ClimateIndex.rescale(1)).isZero();
        assertThat(ClimateIndex.rescale(4)).isEqualTo(50.0);
        assertThat(ClimateIndex.rescale(7)).isEqualTo(100.0);
        // the same statement from two outlets (or quarters) is one statement: (2×7 + 1×1) / 3 = 5 → 66.67
        ClimateIndex.Score score = ClimateIndex.score(List.of(new ClimateIndex.ItemSum(1, ClimateDimension.AWAY, 2, 14),
                new ClimateIndex.ItemSum(1, ClimateDimension.AWAY, 1, 1)));
        assertThat(score.items()).hasSize(1);
        assertThat(score.index()).isCloseTo(200.0 / 3, within(1e-9));
        assertThat(score.dimensions()).containsOnlyKeys(ClimateDimension.AWAY);
        assertThat(ClimateIndex.score(List.of())).isEqualTo(ClimateIndex.Score.NONE);
    }

    @Test
    void threeAnswersAreShownAndTwoAreNot() {
        assertThat(ClimateIndex.shown(2)).isFalse();
        assertThat(ClimateIndex.shown(3)).isTrue();
        assertThat(ClimateIndex.shown(0)).isFalse();
    }

    @Test
    void quartersParseCountAndStartInTheBusinessZone() {
        assertThat(Quarter.parse("2026-Q2", "quarter")).isEqualTo(new Quarter(2026, 2));
        assertThat(Quarter.parse(" 2026-Q4 ", "quarter").plus(1)).hasToString("2027-Q1");
        assertThat(new Quarter(2026, 1).plus(-7)).hasToString("2024-Q2");
        assertThat(Quarter.of(LocalDate.of(2026, 9, 30))).hasToString("2026-Q3");
        assertThat(new Quarter(2026, 3).start(ZoneId.of("Asia/Shanghai"))).hasToString("2026-07-01T00:00+08:00");
        for (String bad : new String[] {"2026-Q5", "2026-Q0", "2026Q1", "26-Q1", "2026-q1", "2026-Q1\u0000", ""}) {
            assertThatThrownBy(() -> Quarter.parse(bad, "quarter")).isInstanceOf(BadInputException.class)
                    .extracting(e -> ((BadInputException) e).field()).isEqualTo("quarter");
        }
        assertThatThrownBy(() -> Quarter.parse("1999-Q4", "quarter")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("between 2000 and 2100");
        assertThatThrownBy(() -> Quarter.parse("9999-Q1", "quarter")).isInstanceOf(BadInputException.class);
    }
}
