package com.serviceloop.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.serviceloop.platform.BadInputException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ResultFormTest {
    private static final LocalDate HELD = LocalDate.of(2026, 3, 2);
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 20);

    @Test
    void daysDefaultToTheSessionOrTodayAndOnlyStandBesideARecordedResult() {
        ResultForm r = new ResultForm(true, null, true, null, true, null).checked(HELD, TODAY);
        assertThat(r.attendedOn()).isEqualTo(HELD);
        assertThat(r.knowledgeOn()).isEqualTo(HELD);
        // the skill check is observed later, on the job
        assertThat(r.skillOn()).isEqualTo(TODAY);
        assertThat(r.passed()).isTrue();
        ResultForm open = new ResultForm(true, HELD, false, HELD.plusDays(1), null, HELD).checked(HELD, TODAY);
        assertThat(open.skillOn()).isNull();
        assertThat(open.knowledgeOn()).isEqualTo(HELD.plusDays(1));
        assertThat(open.passed()).isFalse();
    }

    @Test
    void aCheckNeedsAttendanceAndDaysLieBetweenTheSessionAndToday() {
        assertThatThrownBy(() -> new ResultForm(false, null, true, null, null, null).checked(HELD, TODAY))
                .isInstanceOf(BadInputException.class).extracting("field").isEqualTo("knowledgePassed");
        assertThatThrownBy(() -> new ResultForm(null, null, null, null, false, null).checked(HELD, TODAY))
                .extracting("field").isEqualTo("skillPassed");
        assertThatThrownBy(() -> new ResultForm(true, HELD.minusDays(1), null, null, null, null).checked(HELD, TODAY))
                .extracting("field").isEqualTo("attendedOn");
        assertThatThrownBy(() -> new ResultForm(true, null, true, null, true, TODAY.plusDays(1)).checked(HELD, TODAY))
                .extracting("field").isEqualTo("skillOn");
        // a session still to come takes no results
        assertThatThrownBy(() -> new ResultForm(true, null, null, null, null, null).checked(TODAY.plusDays(3), TODAY))
                .extracting("field").isEqualTo("attended");
        assertThat(new ResultForm(null, null, null, null, null, null).checked(TODAY.plusDays(3), TODAY).attended()).isNull();
    }
}
