package com.serviceloop.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProfileChecksTest {

    @Test
    void sharesAreOfTheCustomersWhoseBandIsKnownWithOneDecimal() {
        // 7 of 11 = 63.636... -> 63.6; 1 of 11 = 9.0909 -> 9.1; nothing known -> 0
        assertThat(ProfileChecks.share(7, 11)).isEqualTo(63.6);
        assertThat(ProfileChecks.share(1, 11)).isEqualTo(9.1);
        assertThat(ProfileChecks.share(3, 0)).isEqualTo(0.0);
    }

    @Test
    void pointsOutATargetedBandBelowTenPerCentAndAnUntargetedOneAboveTwentyFive() {
        Map<String, Double> shares = new LinkedHashMap<>();
        shares.put("AGE_25_34", 9.1);   // targeted, below 10 -> pointed out
        shares.put("AGE_35_44", 63.6);  // targeted, plenty
        shares.put("AGE_55_64", 25.0);  // not targeted, but not above 25 -> quiet
        shares.put("AGE_65_PLUS", 27.3); // not targeted, above 25 -> pointed out
        List<ProfileChecks.Finding> findings = ProfileChecks.findings(shares, Set.of("AGE_25_34", "AGE_35_44"), 11);
        assertThat(findings).containsExactly(
                new ProfileChecks.Finding(ProfileChecks.FindingKind.TARGET_FEW, "AGE_25_34", 9.1),
                new ProfileChecks.Finding(ProfileChecks.FindingKind.UNTARGETED_MANY, "AGE_65_PLUS", 27.3));
        // a profile that targets no band of this kind says nothing to compare with
        assertThat(ProfileChecks.findings(shares, Set.of(), 11)).isEmpty();
    }

    @Test
    void customersScoresArePutOnOneToFiveAndADifferenceOfOnePointIsADisagreement() {
        // SERVQUAL perception 5.5 on 1-7: 1 + (5.5 - 1) x 4 / 6 = 1 + 3 = 4.00
        assertThat(ProfileChecks.toFive(new BigDecimal("5.5"), 1, 7)).isEqualByComparingTo("4.00");
        // a 0-10 question answered 2.5 on average: 1 + 2.5 x 4 / 10 = 2.00
        assertThat(ProfileChecks.toFive(new BigDecimal("2.5"), 0, 10)).isEqualByComparingTo("2.00");
        // team 5, customers 4.00: 1 point apart -> disagree; team 4 and 3.01: 0.99 apart -> agree
        assertThat(ProfileChecks.disagree(5, new BigDecimal("4.00"))).isTrue();
        assertThat(ProfileChecks.disagree(4, new BigDecimal("3.01"))).isFalse();
        assertThat(ProfileChecks.disagree(2, new BigDecimal("3.00"))).isTrue();
        assertThat(ProfileChecks.disagree(3, null)).isFalse();
    }

    @Test
    void phrasesAreSplitOnChineseAndEnglishSeparatorsAndCountedCaseBlind() {
        ProfileChecks.PhraseCounter counter = new ProfileChecks.PhraseCounter();
        counter.add("重视用药安全，价格实惠");
        counter.add("重视用药安全; Price matters");
        counter.add("price matters、重视用药安全；重视用药安全");
        counter.add(null);
        // 重视用药安全: 3 customers (the third wrote it twice, counted once); Price matters: 2; 价格实惠: 1
        assertThat(counter.top(2)).containsExactly(new ProfileChecks.Phrase("重视用药安全", 3),
                new ProfileChecks.Phrase("Price matters", 2));
        assertThat(counter.top(5)).hasSize(3);
    }
}
