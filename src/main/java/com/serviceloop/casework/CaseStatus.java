package com.serviceloop.casework;

import java.util.Map;
import java.util.Set;

/**
 * The life of a complaint or request: received, acknowledged, in progress (possibly waiting for
 * the customer), resolved, follow-up call, closed — and reopened when the customer is not satisfied.
 */
public enum CaseStatus {
    RECEIVED, ACKNOWLEDGED, IN_PROGRESS, WAITING_FOR_CUSTOMER, RESOLVED, FOLLOW_UP, CLOSED;

    private static final Map<CaseStatus, Set<CaseStatus>> NEXT = Map.of(
            RECEIVED, Set.of(ACKNOWLEDGED, IN_PROGRESS, RESOLVED),
            ACKNOWLEDGED, Set.of(IN_PROGRESS, WAITING_FOR_CUSTOMER, RESOLVED),
            IN_PROGRESS, Set.of(WAITING_FOR_CUSTOMER, RESOLVED),
            WAITING_FOR_CUSTOMER, Set.of(IN_PROGRESS, RESOLVED),
            RESOLVED, Set.of(FOLLOW_UP, IN_PROGRESS),
            FOLLOW_UP, Set.of(CLOSED, IN_PROGRESS),
            CLOSED, Set.of(IN_PROGRESS));

    public boolean canMoveTo(CaseStatus next) {
        return NEXT.get(this).contains(next);
    }

    public Set<CaseStatus> next() {
        return NEXT.get(this);
    }

    /** A move back to work from resolved, follow-up or closed is a reopening. */
    public boolean isReopenedBy(CaseStatus next) {
        return next == IN_PROGRESS && (this == RESOLVED || this == FOLLOW_UP || this == CLOSED);
    }
}
