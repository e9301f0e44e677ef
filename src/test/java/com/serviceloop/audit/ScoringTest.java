package com.serviceloop.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.serviceloop.standard.TargetUnit;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worked example of README's "Service audits" section, by hand. */
class ScoringTest {

    private static FormItem item(long id, long section, AnswerType type, double weight, boolean critical) {
        return new FormItem(id, section, null, null, null, "item " + id, type,
                type == AnswerType.MEASURED ? BigDecimal.valueOf(30) : null,
                type == AnswerType.MEASURED ? TargetUnit.SECONDS : null, BigDecimal.valueOf(weight), critical, true, true, 0);
    }

    private static Scorecard.Item answer(FormItem i, boolean na, Double score) {
        return new Scorecard.Item(i.id(), i.text(), "X", null, null, i.answerType(), i.critical(), true, na, score);
    }

    private static final FormItem GREET = item(1, 10, AnswerType.MEASURED, 2, false);
    private static final FormItem CALLBACK = item(2, 10, AnswerType.MET, 1, false);
    private static final FormItem SMILE = item(3, 20, AnswerType.SCALE, 1, false);
    private static final FormItem CORNER = item(4, 20, AnswerType.MET, 1, false);
    private static final FormItem NOTE = item(5, 20, AnswerType.TEXT, 1, false);

    private static FormVersion form(FormItem callback) {
        return new FormVersion(1, 1, "Walk-around", "pharmacy", 1, "PUBLISHED", null, List.of(
                new FormSection(10, "TIMELINESS", "Timeliness", "时限", BigDecimal.valueOf(2), 0, List.of(GREET, callback)),
                new FormSection(20, "ATTITUDE", "Attitude", "态度", BigDecimal.ONE, 1, List.of(SMILE, CORNER, NOTE))));
    }

    private static Map<Long, Scorecard.Item> answers(FormItem callback) {
        Map<Long, Scorecard.Item> a = new HashMap<>();
        // greeted after 25 s against a ceiling of 30 s: kept, 1
        a.put(1L, answer(GREET, false, Scoring.itemScore(GREET, false, null, null, BigDecimal.valueOf(25))));
        a.put(2L, answer(callback, false, Scoring.itemScore(callback, false, "NOT_MET", null, null)));
        a.put(3L, answer(SMILE, false, Scoring.itemScore(SMILE, false, null, 3, null)));
        a.put(4L, answer(CORNER, true, Scoring.itemScore(CORNER, true, null, null, null)));
        a.put(5L, answer(NOTE, false, Scoring.itemScore(NOTE, false, null, null, null)));
        return a;
    }

    @Test
    void itemScores() {
        assertThat(Scoring.itemScore(CALLBACK, false, "MET", null, null)).isEqualTo(1.0);
        assertThat(Scoring.itemScore(CALLBACK, false, "NOT_MET", null, null)).isEqualTo(0.0);
        assertThat(Scoring.itemScore(SMILE, false, null, 3, null)).isEqualTo(0.75);
        assertThat(Scoring.itemScore(GREET, false, null, null, BigDecimal.valueOf(30))).isEqualTo(1.0);
        assertThat(Scoring.itemScore(GREET, false, null, null, BigDecimal.valueOf(31))).isEqualTo(0.0);
        assertThat(Scoring.itemScore(CORNER, true, null, null, null)).isNull();
        assertThat(Scoring.itemScore(NOTE, false, null, null, null)).isNull();
    }

    @Test
    void timesAreCeilingsCountsAndPercentagesFloors() {
        assertThat(Scoring.keeps(TargetUnit.MINUTES, BigDecimal.valueOf(2), BigDecimal.valueOf(1.5))).isTrue();
        assertThat(Scoring.keeps(TargetUnit.COUNT, BigDecimal.ONE, BigDecimal.ZERO)).isFalse();
        assertThat(Scoring.keeps(TargetUnit.COUNT, BigDecimal.ONE, BigDecimal.valueOf(2))).isTrue();
        assertThat(Scoring.keeps(TargetUnit.PERCENT, BigDecimal.valueOf(100), BigDecimal.valueOf(96))).isFalse();
    }

    @Test
    void weightedMeansOfItemsThenSections() {
        Scorecard card = Scoring.score(form(CALLBACK), answers(CALLBACK), 0.8);
        // timeliness: (2 x 1 + 1 x 0) / (2 + 1) = 0.6667
        assertThat(card.sections().get(0).score()).isCloseTo(2.0 / 3, within(1e-9));
        // attitude: the N/A corner and the text note leave the score; 3 of 4 on the scale = 0.75
        assertThat(card.sections().get(1).score()).isEqualTo(0.75);
        // overall: (2 x 0.6667 + 1 x 0.75) / (2 + 1) = 2.0833 / 3 = 0.6944
        assertThat(card.overall()).isCloseTo(0.694444, within(1e-6));
        assertThat(card.result()).isEqualTo("FAILED");
        // the report leads with what was done well, best first
        assertThat(card.wellDone()).extracting(Scorecard.Item::itemId).containsExactly(1L, 3L);
        assertThat(card.toImprove()).extracting(Scorecard.Item::itemId).containsExactly(2L);
        assertThat(card.criticalMisses()).isEmpty();
    }

    @Test
    void aCriticalMissFailsTheAuditWhateverTheScore() {
        FormItem critical = item(2, 10, AnswerType.MET, 0.1, true);
        Scorecard card = Scoring.score(form(critical), answers(critical), 0.8);
        // timeliness: (2 x 1 + 0.1 x 0) / 2.1 = 0.9524; overall (2 x 0.9524 + 0.75) / 3 = 0.8849 passes the 80 % mark
        assertThat(card.overall()).isCloseTo((2 * (2 / 2.1) + 0.75) / 3, within(1e-9));
        assertThat(card.overall()).isGreaterThan(0.8);
        assertThat(card.result()).isEqualTo("FAILED");
        assertThat(card.criticalMisses()).extracting(Scorecard.Item::itemId).containsExactly(2L);

        Map<Long, Scorecard.Item> met = answers(critical);
        met.put(2L, answer(critical, false, 1.0));
        assertThat(Scoring.score(form(critical), met, 0.8).result()).isEqualTo("PASSED");
    }

    @Test
    void nothingScoredHasNoScoreAndNoResult() {
        Scorecard card = Scoring.score(form(CALLBACK), Map.of(), 0.8);
        assertThat(card.overall()).isNull();
        assertThat(card.result()).isNull();
        assertThat(card.sections()).extracting(Scorecard.Section::score).containsOnlyNulls();
    }
}
