package com.serviceloop.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The worked examples of README's "Leadership questionnaire" section. */
class LeadershipScoresTest {

    /** Three raters whose item sums give, per principle, the others' sums below (each principle: 4 items × 3 raters = 12 scores). */
    private static LeadershipScores.Tally tally(int raters, int... principleSums) {
        int[] r = new int[Principle.ITEMS];
        int[] s = new int[Principle.ITEMS];
        for (int p = 0; p < 5; p++) {
            // spread the principle's sum over its four items as evenly as whole numbers allow
            for (int k = 0; k < 4; k++) {
                r[p * 4 + k] = raters;
                s[p * 4 + k] = principleSums[p] / 4 + (k < principleSums[p] % 4 ? 1 : 0);
            }
        }
        return new LeadershipScores.Tally(r, s);
    }

    private static LeadershipResult result(int[] self, LeadershipScores.Tally tally) {
        return LeadershipScores.result(1, tally.counted(), self, tally, Principle::name, no -> "item " + no);
    }

    private static int[] self(int... perItem) {
        return perItem;
    }

    @Test
    void theReadmeExampleMeansGapsStrengthsAndWeaknesses() {
        // others' sums per principle over 12 scores: 51, 42, 33, 39, 45 -> means 4.25, 3.50, 2.75, 3.25, 3.75
        LeadershipScores.Tally others = tally(3, 51, 42, 33, 39, 45);
        // the leader's own scores: communication 4 5 4 4 (4.25), positive force 4 4 4 4, reward 4 3 4 3 (3.50),
        // authority 4 4 5 5 (4.50), decisions 3 4 4 4 (3.75)
        int[] own = self(4, 5, 4, 4, 4, 4, 4, 4, 4, 3, 4, 3, 4, 4, 5, 5, 3, 4, 4, 4);
        LeadershipResult r = result(own, others);
        assertThat(r.othersShown()).isTrue();
        assertThat(r.counted()).isEqualTo(3);
        assertThat(r.principles()).extracting(LeadershipResult.PrincipleResult::others).containsExactly(
                new BigDecimal("4.25"), new BigDecimal("3.50"), new BigDecimal("2.75"), new BigDecimal("3.25"),
                new BigDecimal("3.75"));
        assertThat(r.principles()).extracting(LeadershipResult.PrincipleResult::self).containsExactly(
                new BigDecimal("4.25"), new BigDecimal("4.00"), new BigDecimal("3.50"), new BigDecimal("4.50"),
                new BigDecimal("3.75"));
        // gap = self − others: authority 4.50 − 3.25 = 1.25, the leader's blind spot
        assertThat(r.principles()).extracting(LeadershipResult.PrincipleResult::gap).containsExactly(
                new BigDecimal("0.00"), new BigDecimal("0.50"), new BigDecimal("0.75"), new BigDecimal("1.25"),
                new BigDecimal("0.00"));
        assertThat(r.strengths()).containsExactly(Principle.COMMUNICATION);
        assertThat(r.weaknesses()).containsExactly(Principle.REWARD);
        // item 1: three scores summing to 13 -> 4.33
        assertThat(r.items().getFirst().others()).isEqualTo(new BigDecimal("4.33"));
        assertThat(r.items().getFirst().self()).isEqualTo(4);
        assertThat(r.items().get(8).principle()).isEqualTo(Principle.REWARD);
    }

    @Test
    void withEveryMeanBetweenThreeAndFourTheHighestAndLowestStandOut() {
        // 3.75, 3.50, 3.25, 3.50, 3.00
        LeadershipResult r = result(null, tally(3, 45, 42, 39, 42, 36));
        assertThat(r.strengths()).containsExactly(Principle.COMMUNICATION);
        // 3.00 is not under 3, but it is the lowest of the five
        assertThat(r.weaknesses()).containsExactly(Principle.DECISIONS);
        assertThat(r.selfRated()).isFalse();
        assertThat(r.principles()).allSatisfy(p -> assertThat(p.self()).isNull());
    }

    @Test
    void tiesAreAllNamedAndEqualMeansNameNothingRelative() {
        // 4.50, 4.50, 3.00, 3.00, 4.00: both 4.50 and the 4.00 are strengths (≥ 4); both 3.00 are the lowest
        LeadershipResult tied = result(null, tally(3, 54, 54, 36, 36, 48));
        assertThat(tied.strengths()).containsExactly(Principle.COMMUNICATION, Principle.POSITIVE_FORCE, Principle.DECISIONS);
        assertThat(tied.weaknesses()).containsExactly(Principle.REWARD, Principle.AUTHORITY);
        // all five 3.50: nothing stands out
        LeadershipResult flat = result(null, tally(3, 42, 42, 42, 42, 42));
        assertThat(flat.strengths()).isEmpty();
        assertThat(flat.weaknesses()).isEmpty();
        // all five 2.50: every one is under 3, and none can be a strength (the highest is under 3)
        LeadershipResult low = result(null, tally(3, 30, 30, 30, 30, 30));
        assertThat(low.strengths()).isEmpty();
        assertThat(low.weaknesses()).hasSize(5);
        // all above 4 except one at 4.00: the lowest (4.00) is no weakness, since it is not under 4
        LeadershipResult high = result(null, tally(3, 60, 57, 54, 51, 48));
        assertThat(high.strengths()).hasSize(5);
        assertThat(high.weaknesses()).isEmpty();
    }

    @Test
    void belowThreeCountedAnswersNothingOfTheOthersIsThere() {
        LeadershipScores.Tally two = tally(2, 40, 40, 16, 40, 40);
        LeadershipResult r = LeadershipScores.result(1, 2, self(new int[20]), two, Principle::name, no -> "");
        assertThat(r.othersShown()).isFalse();
        assertThat(r.answered()).isEqualTo(2);
        assertThat(r.counted()).isZero();
        assertThat(r.principles()).allSatisfy(p -> {
            assertThat(p.others()).isNull();
            assertThat(p.gap()).isNull();
            assertThat(p.strength() || p.weakness()).isFalse();
        });
        assertThat(r.items()).allSatisfy(i -> assertThat(i.others()).isNull());
    }

    @Test
    void aMeanIsRoundedHalfUpToTwoDecimalsButComparedExactly() {
        // reward: 35 over 12 scores = 2.9166… shown 2.92, a weakness (under 3); 48 over 12 = 4.00 a strength
        LeadershipResult r = result(null, tally(3, 48, 40, 35, 40, 40));
        assertThat(r.principles().get(2).others()).isEqualTo(new BigDecimal("2.92"));
        assertThat(r.weaknesses()).containsExactly(Principle.REWARD);
        assertThat(r.strengths()).containsExactly(Principle.COMMUNICATION);
    }

    @Test
    void itemsAreNumberedFromTheBaseOfThePyramid() {
        assertThat(Principle.of(1)).isEqualTo(Principle.COMMUNICATION);
        assertThat(Principle.of(4)).isEqualTo(Principle.COMMUNICATION);
        assertThat(Principle.of(5)).isEqualTo(Principle.POSITIVE_FORCE);
        assertThat(Principle.of(20)).isEqualTo(Principle.DECISIONS);
        assertThat(Principle.DECISIONS.level()).isEqualTo(5);
        assertThat(Principle.REWARD.firstItem()).isEqualTo(9);
    }

    @Test
    void aLongLeaderNameIsShortenedForTheMailSubject() {
        assertThat(LeadershipRaters.brief("张伟")).isEqualTo("张伟");
        String shortened = LeadershipRaters.brief("王".repeat(200));
        assertThat(shortened).hasSize(60).endsWith("王…");
        // characters outside the basic plane take two UTF-16 units each: the cut falls between them, never inside one
        assertThat(LeadershipRaters.brief("😀".repeat(200)).codePoints().filter(c -> c == 0x1F600).count()).isEqualTo(59);
    }
}
