package com.serviceloop.casework;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Business-time arithmetic for SLA clocks: a target such as "resolve within 8 business hours"
 * counts only while the outlet is open and not while the clock is paused (waiting for the
 * customer). A clock is breached from its deadline on: at the deadline itself it has run out.
 */
final class SlaClock {
    /** No outlet is closed for more than this; a calendar that never opens is refused earlier. */
    private static final int MAX_DAYS = 3700;

    /** A span during which the clock did not run, [from, to); an open pause has no end yet. */
    public record Pause(Instant from, Instant to) {
    }

    private SlaClock() {
    }

    /** The moment the given amount of business time, counted from start, runs out. */
    public static Instant deadline(BusinessCalendar calendar, Instant start, Duration target, List<Pause> pauses) {
        if (target.isNegative()) {
            throw new IllegalArgumentException("A target cannot be negative");
        }
        if (!calendar.isEverOpen()) {
            throw new IllegalArgumentException("The calendar is never open");
        }
        Duration left = target;
        for (Span open : openSpans(calendar, start, pauses)) {
            Duration length = Duration.between(open.from, open.to);
            if (left.compareTo(length) <= 0) {
                return open.from.plus(left);
            }
            left = left.minus(length);
        }
        throw new IllegalStateException("No deadline within " + MAX_DAYS + " days");
    }

    /** Business time that ran between from and to, pauses excluded. */
    public static Duration elapsed(BusinessCalendar calendar, Instant from, Instant to, List<Pause> pauses) {
        Duration total = Duration.ZERO;
        if (!to.isAfter(from)) {
            return total;
        }
        for (Span open : openSpans(calendar, from, pauses)) {
            if (!open.from.isBefore(to)) {
                break;
            }
            Instant end = open.to.isAfter(to) ? to : open.to;
            total = total.plus(Duration.between(open.from, end));
        }
        return total;
    }

    public static boolean breached(Instant deadline, Instant now) {
        return !now.isBefore(deadline);
    }

    private record Span(Instant from, Instant to) {
    }

    /** Open business spans from start onwards, in order, with the pauses cut out. Lazily bounded. */
    private static Iterable<Span> openSpans(BusinessCalendar calendar, Instant start, List<Pause> pauses) {
        List<Pause> sorted = pauses.stream().sorted(Comparator.comparing(Pause::from)).toList();
        return () -> new Iterator<>() {
            LocalDate day = start.atZone(calendar.zone()).toLocalDate();
            int days;
            final ArrayDeque<Span> queue = new ArrayDeque<>();

            @Override
            public boolean hasNext() {
                while (queue.isEmpty() && days++ < MAX_DAYS) {
                    for (BusinessCalendar.Interval i : calendar.openingOn(day)) {
                        Instant from = at(day, i.opens());
                        Instant to = i.closes().equals(LocalTime.MAX) ? at(day.plusDays(1), LocalTime.MIN) : at(day, i.closes());
                        if (to.isAfter(start)) {
                            queue.addAll(cut(new Span(from.isBefore(start) ? start : from, to), sorted));
                        }
                    }
                    day = day.plusDays(1);
                }
                return !queue.isEmpty();
            }

            @Override
            public Span next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return queue.poll();
            }

            private Instant at(LocalDate d, LocalTime t) {
                // ZonedDateTime.of moves a local time that falls in a DST gap forward, as a wall clock would
                return ZonedDateTime.of(d, t, calendar.zone()).toInstant();
            }
        };
    }

    private static List<Span> cut(Span span, List<Pause> pauses) {
        List<Span> out = new ArrayList<>();
        Instant from = span.from;
        for (Pause p : pauses) {
            Instant pauseEnd = p.to() == null ? Instant.MAX : p.to();
            if (!pauseEnd.isAfter(from) || !p.from().isBefore(span.to)) {
                continue;
            }
            if (p.from().isAfter(from)) {
                out.add(new Span(from, p.from()));
            }
            Instant resume = pauseEnd.isBefore(span.to) ? pauseEnd : span.to;
            if (resume.isAfter(from)) {
                from = resume; // overlapping pauses never move the clock backwards
            }
        }
        if (from.isBefore(span.to)) {
            out.add(new Span(from, span.to));
        }
        return out;
    }
}
