package com.serviceloop.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InsightFormulasTest {
    private static final InsightSettings S = InsightSettings.DEFAULTS; // heavy 40, medium 10, light 1

    private static VisitStats stats(long visits, long last12, String amount, long items) {
        return new VisitStats(visits, last12, new BigDecimal(amount), items, LocalDateTime.now(), LocalDateTime.now());
    }

    @ParameterizedTest(name = "{0} visits in 12 months -> {1}")
    @CsvSource({"0, LAPSED", "1, LIGHT", "2, LIGHT", "9, LIGHT", "10, MEDIUM", "12, MEDIUM", "39, MEDIUM",
            "40, HEAVY", "52, HEAVY"})
    void tiersFollowTheThresholds(long visits, FrequencyTier expected) {
        assertThat(FrequencyTier.of(visits, S)).isEqualTo(expected);
    }

    @Test
    void tiersFollowChangedThresholds() {
        var weekly = new InsightSettings(50, 12, 2, BigDecimal.ONE, BigDecimal.ONE, 9);
        assertThat(FrequencyTier.of(45, weekly)).isEqualTo(FrequencyTier.MEDIUM);
        assertThat(FrequencyTier.of(1, weekly)).isEqualTo(FrequencyTier.LAPSED);
    }

    @Test
    void customerValueWorkedExample() {
        // 12 visits, 24 items for 600.00 in all: 25.00 per item, 2 items a visit, 12 visits a year,
        // 5 expected years, word of mouth 1.2 -> 25 x 2 x 12 x 5 x 1.2 = 3,600.00
        CustomerValue v = CustomerValue.of(stats(12, 12, "600.00", 24), S);
        assertThat(v.averageItemValue()).isEqualByComparingTo("25.00");
        assertThat(v.itemsPerVisit()).isEqualByComparingTo("2.00");
        assertThat(v.visitsPerYear()).isEqualTo(12);
        assertThat(v.value()).isEqualByComparingTo("3600.00");
    }

    @Test
    void customerValueUsesRecentFrequencyButWholeHistoryForTheBasket() {
        // 30 visits over the years, 90 items for 1,350.00 -> 15.00 per item, 3 per visit;
        // only 4 visits in the last year: 15 x 3 x 4 x 5 x 1.2 = 1,080.00
        CustomerValue v = CustomerValue.of(stats(30, 4, "1350.00", 90), S);
        assertThat(v.value()).isEqualByComparingTo("1080.00");
    }

    @Test
    void customerWithoutVisitsIsWorthNothingYet() {
        assertThat(CustomerValue.of(VisitStats.NONE, S).value()).isEqualByComparingTo("0");
    }

    @ParameterizedTest(name = "recommend {0}, tier {1} -> {2}")
    @CsvSource({"10, HEAVY, TRUE_LOYAL", "9, MEDIUM, TRUE_LOYAL", "9, LIGHT, LATENT", "10, LAPSED, LATENT",
            "8, HEAVY, SPURIOUS", "3, MEDIUM, SPURIOUS", "8, LIGHT, NONE", "0, LAPSED, NONE"})
    void loyaltyCrossesAttitudeWithBehaviour(int recommend, FrequencyTier tier, LoyaltyClass expected) {
        assertThat(LoyaltyClass.of(recommend, tier, S)).isEqualTo(expected);
    }

    @Test
    void unknownRecommendationIsNotTakenAsLoyalty() {
        assertThat(LoyaltyClass.of(null, FrequencyTier.HEAVY, S)).isEqualTo(LoyaltyClass.SPURIOUS);
        assertThat(LoyaltyClass.of(null, FrequencyTier.LIGHT, S)).isEqualTo(LoyaltyClass.NONE);
    }

    @Test
    void insightPutsTheThreeTogether() {
        CustomerInsight i = CustomerInsight.of(stats(60, 45, "900.00", 60), 10, S);
        assertThat(i.tier()).isEqualTo(FrequencyTier.HEAVY);
        assertThat(i.loyalty()).isEqualTo(LoyaltyClass.TRUE_LOYAL);
        // 15.00 per item x 1 item x 45 visits x 5 years x 1.2
        assertThat(i.value().value()).isEqualByComparingTo("4050.00");
    }

    @Test
    void thresholdsMustFall() {
        assertThat(new InsightSettings(10, 10, 1, BigDecimal.ONE, BigDecimal.ONE, 9).inconsistentField())
                .isEqualTo("mediumMinVisits");
        assertThat(new InsightSettings(40, 10, 10, BigDecimal.ONE, BigDecimal.ONE, 9).inconsistentField())
                .isEqualTo("lightMinVisits");
        assertThat(S.inconsistentField()).isNull();
    }

    @Test
    void visitTimesAcceptDatesAndDateTimes() {
        assertThat(VisitImportService.parseTime("2025-03-04")).isEqualTo(LocalDateTime.of(2025, 3, 4, 0, 0));
        assertThat(VisitImportService.parseTime("2025-03-04 14:22")).isEqualTo(LocalDateTime.of(2025, 3, 4, 14, 22));
        assertThat(VisitImportService.parseTime("2025-03-04T14:22:05")).isEqualTo(LocalDateTime.of(2025, 3, 4, 14, 22, 5));
    }

    @Test
    void theSameVisitHasTheSameKeyAndReceiptsWin() {
        var at = LocalDateTime.of(2025, 3, 4, 14, 22);
        var a = VisitKey.of("M1", "S01", at, new BigDecimal("12.5"), 2, null);
        assertThat(VisitKey.of("M1", "S01", at, new BigDecimal("12.50"), 2, "")).isEqualTo(a);
        assertThat(VisitKey.of("M1", "S01", at, new BigDecimal("12.51"), 2, null)).isNotEqualTo(a);
        assertThat(VisitKey.of("M1", "S01", at, BigDecimal.ONE, 1, "R9"))
                .isEqualTo(VisitKey.of("M2", "S01", at.plusDays(1), BigDecimal.TEN, 3, "R9"));
    }
}
