package com.serviceloop.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The due rules alone, on a fixed day T = 2026-06-30. */
class ContactDueCheckTest {
    private static final LocalDate T = LocalDate.of(2026, 6, 30);

    private static ContactRule rule(ContactKind kind, RosterGroup group, Integer period, int lead, Integer lapse,
                                    Integer window) {
        return new ContactRule(1, 1L, "A", "r", kind, group, period, lead, lapse, window, null, null, true, 0);
    }

    private static ContactCandidates.Candidate candidate(LocalDateTime last, Double mean, Double spread, long gaps) {
        return new ContactCandidates.Candidate(7, 10, 12, 0, last, mean, spread, gaps);
    }

    @Test
    void aPeriodicRuleIsDueWhenNotContactedWithinThePeriod() {
        ContactRule thank = rule(ContactKind.THANK, RosterGroup.TRULY_LOYAL, 90, 5, null, null);
        var c = candidate(T.minusDays(3).atTime(9, 0), null, null, 0);
        // never contacted: due today
        assertThat(ContactDueCheck.dueOn(thank, c, RosterGroup.TRULY_LOYAL, null, T)).isEqualTo(T);
        // contacted 84 days ago: 84 + 5 lead < 90, not yet; 85 days ago: due on contact + 90 - 5 = today
        assertThat(ContactDueCheck.dueOn(thank, c, RosterGroup.TRULY_LOYAL, T.minusDays(84).atTime(10, 0), T)).isNull();
        assertThat(ContactDueCheck.dueOn(thank, c, RosterGroup.TRULY_LOYAL, T.minusDays(85).atTime(10, 0), T))
                .isEqualTo(T);
        // another group: never due
        assertThat(ContactDueCheck.dueOn(thank, c, RosterGroup.SPURIOUS, null, T)).isNull();
    }

    @Test
    void aWinBackIsDueWithinItsWindowAfterLastVisitPlusLapseDays() {
        ContactRule winBack = rule(ContactKind.WIN_BACK, RosterGroup.LAPSED_HEAVY, null, 0, 300, 30);
        // last visit T-310: lapsed on T-10, window until T+20: due since T-10
        var c = candidate(T.minusDays(310).atTime(9, 0), null, null, 0);
        assertThat(ContactDueCheck.dueOn(winBack, c, RosterGroup.LAPSED_HEAVY, null, T)).isEqualTo(T.minusDays(10));
        // last visit T-331: lapsed on T-31, window closed on T-1
        var late = candidate(T.minusDays(331).atTime(9, 0), null, null, 0);
        assertThat(ContactDueCheck.dueOn(winBack, late, RosterGroup.LAPSED_HEAVY, null, T)).isNull();
        // contacted after the last visit: once per absence
        assertThat(ContactDueCheck.dueOn(winBack, c, RosterGroup.LAPSED_HEAVY, T.minusDays(5).atTime(9, 0), T)).isNull();
    }

    @Test
    void aRefillIsDueLeadDaysBeforeLastVisitPlusTheMeanGap() {
        ContactRule refill = rule(ContactKind.REFILL, null, null, 3, null, null);
        // last visit T-28, mean gap 30 (spread 2): expected T+2, due T-1, until T-28+60 = T+32
        var regular = candidate(T.minusDays(28).atTime(9, 0), 30.0, 2.0, 4);
        assertThat(ContactDueCheck.dueOn(refill, regular, null, null, T)).isEqualTo(T.minusDays(1));
        // spread 16 > half of 30: no rhythm
        assertThat(ContactDueCheck.dueOn(refill, candidate(T.minusDays(28).atTime(9, 0), 30.0, 16.0, 4), null, null, T))
                .isNull();
        // one gap only (two visits): no rhythm
        assertThat(ContactDueCheck.dueOn(refill, candidate(T.minusDays(28).atTime(9, 0), 30.0, 0.0, 1), null, null, T))
                .isNull();
        // twice the gap passed (last visit T-61): an absence now, not a refill
        assertThat(ContactDueCheck.dueOn(refill, candidate(T.minusDays(61).atTime(9, 0), 30.0, 0.0, 4), null, null, T))
                .isNull();
        // last visit T-20: expected T+10, due T+7: not yet
        assertThat(ContactDueCheck.dueOn(refill, candidate(T.minusDays(20).atTime(9, 0), 30.0, 0.0, 4), null, null, T))
                .isNull();
    }
}
