package com.serviceloop.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RosterGroupTest {
    private static final InsightSettings S = InsightSettings.DEFAULTS; // heavy 40, medium 10, light 1, promoter 9

    @ParameterizedTest(name = "{0} visits now, {1} the year before, recommends {2} -> {3}")
    @CsvSource(nullValues = "none", value = {
            "45, 0, 10, TRULY_LOYAL", "12, 50, 9, TRULY_LOYAL",
            "12, 0, 6, SPURIOUS", "40, 40, none, SPURIOUS",
            "3, 45, 10, LAPSED_HEAVY", "0, 40, none, LAPSED_HEAVY",
            "2, 10, 3, LAPSED_MEDIUM", "9, 39, 9, LAPSED_MEDIUM",
            "2, 2, 10, LATENT", "0, 0, 9, LATENT",
            "2, 9, 8, none", "0, 0, none, none"})
    void groupsFollowTheTiersAndTheRecommendation(long now, long before, Integer recommend, RosterGroup expected) {
        assertThat(RosterGroup.of(now, before, recommend, S)).isEqualTo(expected);
    }
}
