package com.serviceloop.casework;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When an outlet is open: opening intervals per weekday in the outlet's time zone, and closed
 * days (holidays). SLA clocks only run while the outlet is open.
 */
public record BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<Interval>> week, Set<LocalDate> holidays) {

    /** An opening interval within one day, [opens, closes). */
    public record Interval(LocalTime opens, LocalTime closes) {
        public Interval {
            if (!opens.isBefore(closes)) {
                throw new IllegalArgumentException("An interval must open before it closes: " + opens + "-" + closes);
            }
        }
    }

    public BusinessCalendar {
        week = Map.copyOf(week);
        holidays = Set.copyOf(holidays);
        week.values().forEach(intervals -> {
            for (int i = 1; i < intervals.size(); i++) {
                if (intervals.get(i).opens().isBefore(intervals.get(i - 1).closes())) {
                    throw new IllegalArgumentException("Opening intervals must be in order and not overlap");
                }
            }
        });
    }

    /** The same hours every day from Monday to Saturday, say, and closed on the other days. */
    public static BusinessCalendar daily(ZoneId zone, LocalTime opens, LocalTime closes, Set<DayOfWeek> days,
                                         Set<LocalDate> holidays) {
        Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
        days.forEach(d -> week.put(d, List.of(new Interval(opens, closes))));
        return new BusinessCalendar(zone, week, holidays);
    }

    /** A calendar that never closes (a 24/7 hotline). */
    public static BusinessCalendar always(ZoneId zone) {
        Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            week.put(d, List.of(new Interval(LocalTime.MIN, LocalTime.MAX)));
        }
        return new BusinessCalendar(zone, week, Set.of());
    }

    List<Interval> openingOn(LocalDate day) {
        return holidays.contains(day) ? List.of() : week.getOrDefault(day.getDayOfWeek(), List.of());
    }

    boolean isEverOpen() {
        return week.values().stream().anyMatch(l -> !l.isEmpty());
    }
}
