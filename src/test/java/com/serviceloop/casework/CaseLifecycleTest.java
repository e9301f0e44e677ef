package com.serviceloop.casework;

import static com.serviceloop.casework.CaseStatus.ACKNOWLEDGED;
import static com.serviceloop.casework.CaseStatus.CLOSED;
import static com.serviceloop.casework.CaseStatus.FOLLOW_UP;
import static com.serviceloop.casework.CaseStatus.IN_PROGRESS;
import static com.serviceloop.casework.CaseStatus.RECEIVED;
import static com.serviceloop.casework.CaseStatus.RESOLVED;
import static com.serviceloop.casework.CaseStatus.WAITING_FOR_CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaseLifecycleTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "RECEIVED, ACKNOWLEDGED, true", "RECEIVED, RESOLVED, true", "RECEIVED, CLOSED, false",
            "RECEIVED, FOLLOW_UP, false", "ACKNOWLEDGED, IN_PROGRESS, true", "IN_PROGRESS, WAITING_FOR_CUSTOMER, true",
            "WAITING_FOR_CUSTOMER, IN_PROGRESS, true", "IN_PROGRESS, CLOSED, false", "RESOLVED, FOLLOW_UP, true",
            "RESOLVED, CLOSED, false", "FOLLOW_UP, CLOSED, true", "CLOSED, IN_PROGRESS, true", "CLOSED, RECEIVED, false"})
    void onlyTheLifecycleMovesAreAllowed(CaseStatus from, CaseStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @Test
    void aCaseClosesOnlyAfterItsFollowUp() {
        for (CaseStatus s : CaseStatus.values()) {
            assertThat(s.canMoveTo(CLOSED)).as(s.name()).isEqualTo(s == FOLLOW_UP);
        }
    }

    @Test
    void theFirstAnswerStopsTheFirstResponseClock() {
        assertThat(ClockEffects.of(RECEIVED, ACKNOWLEDGED).stop()).containsExactly(SlaKind.FIRST_RESPONSE);
        assertThat(ClockEffects.of(RECEIVED, IN_PROGRESS).stop()).containsExactly(SlaKind.FIRST_RESPONSE);
        assertThat(ClockEffects.of(ACKNOWLEDGED, IN_PROGRESS).stop()).isEmpty();
    }

    @Test
    void resolvingStopsResolutionAndStartsTheFollowUpClock() {
        ClockEffects e = ClockEffects.of(IN_PROGRESS, RESOLVED);
        assertThat(e.stop()).containsExactly(SlaKind.RESOLUTION);
        assertThat(e.start()).containsExactly(SlaKind.FOLLOW_UP);
        // resolved at the counter on first contact: both first response and resolution stop
        assertThat(ClockEffects.of(RECEIVED, RESOLVED).stop()).containsExactlyInAnyOrder(SlaKind.FIRST_RESPONSE,
                SlaKind.RESOLUTION);
        assertThat(ClockEffects.of(FOLLOW_UP, CLOSED).stop()).containsExactly(SlaKind.FOLLOW_UP);
    }

    @Test
    void waitingForTheCustomerPausesAndResumesResolution() {
        assertThat(ClockEffects.of(IN_PROGRESS, WAITING_FOR_CUSTOMER).pauseResolution()).isTrue();
        assertThat(ClockEffects.of(WAITING_FOR_CUSTOMER, IN_PROGRESS).resumeResolution()).isTrue();
        assertThat(ClockEffects.of(WAITING_FOR_CUSTOMER, RESOLVED).resumeResolution()).isTrue();
        assertThat(ClockEffects.of(IN_PROGRESS, RESOLVED).pauseResolution()).isFalse();
    }

    @Test
    void reopeningRestartsResolutionAndDropsTheFollowUp() {
        for (CaseStatus from : new CaseStatus[] {RESOLVED, FOLLOW_UP, CLOSED}) {
            assertThat(from.isReopenedBy(IN_PROGRESS)).isTrue();
            ClockEffects e = ClockEffects.of(from, IN_PROGRESS);
            assertThat(e.start()).containsExactly(SlaKind.RESOLUTION);
            assertThat(e.stop()).containsExactly(SlaKind.FOLLOW_UP);
        }
        assertThat(ACKNOWLEDGED.isReopenedBy(IN_PROGRESS)).isFalse();
    }

    @Test
    void impossibleMovesAreRefused() {
        assertThatThrownBy(() -> ClockEffects.of(RECEIVED, CLOSED)).isInstanceOf(IllegalArgumentException.class);
    }
}
