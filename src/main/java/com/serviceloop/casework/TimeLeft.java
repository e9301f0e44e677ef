package com.serviceloop.casework;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The nearest running deadline of a case, as a phone shows it: how long is left (or how late it
 * is) in wall-clock time, in the largest two units that matter, and a tone for its colour. The
 * deadline itself was counted in business hours; the reader wants to know how long they have.
 */
public record TimeLeft(SlaKind clock, OffsetDateTime dueAt, boolean late, boolean soon, String unit, long big,
                       long small) {

    /** Late at the deadline itself, as {@link CaseClock#breached} counts it. */
    static TimeLeft of(SlaKind clock, OffsetDateTime warnAt, OffsetDateTime dueAt, OffsetDateTime now) {
        boolean late = !now.isBefore(dueAt);
        boolean soon = !late && warnAt != null && !now.isBefore(warnAt);
        long minutes = Math.abs(Duration.between(now, dueAt).toMinutes());
        if (minutes >= 24 * 60) {
            return new TimeLeft(clock, dueAt, late, soon, "d", minutes / (24 * 60), minutes % (24 * 60) / 60);
        }
        if (minutes >= 60) {
            return new TimeLeft(clock, dueAt, late, soon, "h", minutes / 60, minutes % 60);
        }
        return new TimeLeft(clock, dueAt, late, soon, "m", minutes, 0);
    }

    /** The chip's colour class: red when late, amber past the warning point, green otherwise. */
    public String tone() {
        return late ? "late" : soon ? "soon" : "ahead";
    }
}
