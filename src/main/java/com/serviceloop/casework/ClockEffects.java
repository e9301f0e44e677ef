package com.serviceloop.casework;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a status change does to the SLA clocks: which start (again), which stop for good, and
 * whether the resolution clock pauses (waiting for the customer) or runs on.
 */
public record ClockEffects(Set<SlaKind> start, Set<SlaKind> stop, boolean pauseResolution, boolean resumeResolution) {

    public static ClockEffects of(CaseStatus from, CaseStatus to) {
        if (!from.canMoveTo(to)) {
            throw new IllegalArgumentException("A case cannot go from " + from + " to " + to);
        }
        Set<SlaKind> start = EnumSet.noneOf(SlaKind.class);
        Set<SlaKind> stop = EnumSet.noneOf(SlaKind.class);
        if (from == CaseStatus.RECEIVED) {
            stop.add(SlaKind.FIRST_RESPONSE); // any answer to the customer is the first response
        }
        if (to == CaseStatus.RESOLVED) {
            stop.add(SlaKind.RESOLUTION);
            start.add(SlaKind.FOLLOW_UP);
        }
        if (from == CaseStatus.FOLLOW_UP && to == CaseStatus.CLOSED) {
            stop.add(SlaKind.FOLLOW_UP);
        }
        if (from.isReopenedBy(to)) {
            start.add(SlaKind.RESOLUTION);
            stop.add(SlaKind.FOLLOW_UP);
        }
        return new ClockEffects(start, stop, to == CaseStatus.WAITING_FOR_CUSTOMER,
                from == CaseStatus.WAITING_FOR_CUSTOMER);
    }
}
