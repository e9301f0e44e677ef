package com.serviceloop.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainSatisfactionTest {

    private static BlueprintStep step(long id, String satisfaction) {
        return new BlueprintStep(id, 1, (int) id, "Step " + id, null, null, null, null, null, null, null, null, null,
                null, satisfaction == null ? null : new BigDecimal(satisfaction), null, null);
    }

    @Test
    void tenStepsAtNinetyFivePercentLeaveAboutSixty() {
        List<BlueprintStep> steps = new ArrayList<>();
        for (long i = 1; i <= 10; i++) {
            steps.add(step(i, "0.95"));
        }
        ChainSatisfaction c = ChainSatisfaction.of(steps);
        // 0.95^10 = 0.598736...
        assertThat(c.endToEnd()).isEqualByComparingTo("0.5987");
        assertThat(c.stepsMeasured()).isEqualTo(10);
        assertThat(c.stepsMissing()).isZero();
    }

    @Test
    void theWeakestStepIsNamedAndMissingStepsAreCounted() {
        ChainSatisfaction c = ChainSatisfaction.of(List.of(step(1, "0.98"), step(2, "0.80"), step(3, null),
                step(4, "0.90")));
        // 0.98 x 0.80 x 0.90 = 0.7056
        assertThat(c.endToEnd()).isEqualByComparingTo("0.7056");
        assertThat(c.weakestStepId()).isEqualTo(2);
        assertThat(c.weakestSatisfaction()).isEqualByComparingTo("0.80");
        assertThat(c.stepsMissing()).isEqualTo(1);
    }

    @Test
    void nothingMeasuredMeansNoFigure() {
        ChainSatisfaction c = ChainSatisfaction.of(List.of(step(1, null)));
        assertThat(c.endToEnd()).isNull();
        assertThat(c.weakestStepId()).isNull();
    }

    @Test
    void doAndDontListsAreOneItemPerLine() {
        var s = new BlueprintStep(1, 1, 1, "Greet", null, null, null, null, null, 30, "Smile\n\n Make eye contact \n",
                null, null, null, null, null, null);
        assertThat(s.getDos()).containsExactly("Smile", "Make eye contact");
        assertThat(s.getDonts()).isEmpty();
    }
}
