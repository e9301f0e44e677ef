package com.serviceloop.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Worked examples on an outlet in Shanghai open Monday to Saturday 09:00-18:00. */
class SlaClockTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Set<DayOfWeek> MON_SAT = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY);
    // 2026-10-01..07 is the National Day holiday; 2026-11-23 is a Monday
    static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2));
    static final BusinessCalendar SHOP = BusinessCalendar.daily(SHANGHAI, LocalTime.of(9, 0), LocalTime.of(18, 0),
            MON_SAT, HOLIDAYS);

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    static Instant deadline(String start, Duration target, SlaClock.Pause... pauses) {
        return SlaClock.deadline(SHOP, at(start), target, List.of(pauses));
    }

    @Test
    void withinOneDay() {
        assertThat(deadline("2026-11-23T10:00", Duration.ofHours(4))).isEqualTo(at("2026-11-23T14:00"));
    }

    @Test
    void carriesOverClosingTimeToTheNextMorning() {
        // 16:00 + 4 business hours = 2 h today + 2 h tomorrow
        assertThat(deadline("2026-11-23T16:00", Duration.ofHours(4))).isEqualTo(at("2026-11-24T11:00"));
    }

    @Test
    void aCaseReceivedAtNightStartsCountingAtOpening() {
        assertThat(deadline("2026-11-23T22:30", Duration.ofHours(1))).isEqualTo(at("2026-11-24T10:00"));
        assertThat(deadline("2026-11-24T07:00", Duration.ofMinutes(30))).isEqualTo(at("2026-11-24T09:30"));
    }

    @Test
    void sundaysAreSkipped() {
        // Saturday 17:00 + 2 h: 1 h on Saturday, Sunday closed, 1 h on Monday
        assertThat(deadline("2026-11-28T17:00", Duration.ofHours(2))).isEqualTo(at("2026-11-30T10:00"));
    }

    @Test
    void holidaysAreSkipped() {
        // Wednesday 30 September 17:00 + 2 h: 1 h, then 1 and 2 October closed, Saturday 3 October 10:00
        assertThat(deadline("2026-09-30T17:00", Duration.ofHours(2))).isEqualTo(at("2026-10-03T10:00"));
    }

    @Test
    void aPauseWhileWaitingForTheCustomerPushesTheDeadline() {
        // 10:00 + 4 h, paused 11:00-12:30 -> 15:30
        assertThat(deadline("2026-11-23T10:00", Duration.ofHours(4),
                new SlaClock.Pause(at("2026-11-23T11:00"), at("2026-11-23T12:30")))).isEqualTo(at("2026-11-23T15:30"));
        // a pause that runs overnight only costs the open hours inside it
        assertThat(deadline("2026-11-23T17:00", Duration.ofHours(2),
                new SlaClock.Pause(at("2026-11-23T17:30"), at("2026-11-24T09:30")))).isEqualTo(at("2026-11-24T11:00"));
        // overlapping pauses count once
        assertThat(deadline("2026-11-23T10:00", Duration.ofHours(1),
                new SlaClock.Pause(at("2026-11-23T10:00"), at("2026-11-23T11:00")),
                new SlaClock.Pause(at("2026-11-23T10:30"), at("2026-11-23T10:45")))).isEqualTo(at("2026-11-23T12:00"));
    }

    @Test
    void anOpenPauseStopsTheClock() {
        var waiting = new SlaClock.Pause(at("2026-11-23T11:00"), null);
        assertThat(SlaClock.elapsed(SHOP, at("2026-11-23T10:00"), at("2026-11-27T10:00"), List.of(waiting)))
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void breachIsExactlyAtTheDeadline() {
        Instant due = deadline("2026-11-23T10:00", Duration.ofHours(4));
        assertThat(SlaClock.breached(due, due.minusNanos(1))).isFalse();
        assertThat(SlaClock.breached(due, due)).isTrue();
        assertThat(SlaClock.elapsed(SHOP, at("2026-11-23T10:00"), due, List.of())).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void aTargetEndingExactlyAtClosingIsDueAtClosingNotNextMorning() {
        assertThat(deadline("2026-11-23T14:00", Duration.ofHours(4))).isEqualTo(at("2026-11-23T18:00"));
        assertThat(deadline("2026-11-23T14:00", Duration.ZERO)).isEqualTo(at("2026-11-23T14:00"));
    }

    @Test
    void elapsedBusinessTimeAcrossAWeekend() {
        // Friday 15:00 to Monday 11:00: 3 h Friday + 9 h Saturday + 2 h Monday
        assertThat(SlaClock.elapsed(SHOP, at("2026-11-27T15:00"), at("2026-11-30T11:00"), List.of()))
                .isEqualTo(Duration.ofHours(14));
    }

    @Test
    void splitHoursWithALunchBreak() {
        var lunch = new BusinessCalendar(SHANGHAI, Map.of(DayOfWeek.MONDAY, List.of(
                new BusinessCalendar.Interval(LocalTime.of(9, 0), LocalTime.of(12, 0)),
                new BusinessCalendar.Interval(LocalTime.of(13, 0), LocalTime.of(18, 0)))), Set.of());
        assertThat(SlaClock.deadline(lunch, at("2026-11-23T11:00"), Duration.ofHours(2), List.of()))
                .isEqualTo(at("2026-11-23T14:00"));
        // next Monday after a full week: only Mondays open
        assertThat(SlaClock.deadline(lunch, at("2026-11-23T17:00"), Duration.ofHours(2), List.of()))
                .isEqualTo(at("2026-11-30T10:00"));
    }

    @Test
    void aHotlineNeverCloses() {
        var always = BusinessCalendar.always(SHANGHAI);
        assertThat(SlaClock.deadline(always, at("2026-11-28T23:00"), Duration.ofHours(4), List.of()))
                .isEqualTo(at("2026-11-29T03:00"));
    }

    @Test
    void summerTimeIsCountedInRealHours() {
        // Berlin moves clocks forward on 2026-03-29 at 02:00; an always-open desk loses no time
        var berlin = BusinessCalendar.always(ZoneId.of("Europe/Berlin"));
        Instant start = LocalDateTime.parse("2026-03-29T00:30").atZone(ZoneId.of("Europe/Berlin")).toInstant();
        assertThat(SlaClock.deadline(berlin, start, Duration.ofHours(3), List.of())).isEqualTo(start.plus(Duration.ofHours(3)));
    }

    @Test
    void nonsenseIsRefused() {
        var never = new BusinessCalendar(SHANGHAI, Map.of(), Set.of());
        assertThatThrownBy(() -> SlaClock.deadline(never, at("2026-11-23T10:00"), Duration.ofHours(1), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> deadline("2026-11-23T10:00", Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BusinessCalendar.Interval(LocalTime.NOON, LocalTime.NOON))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
