package com.serviceloop.casework;

import java.time.OffsetDateTime;

public record CaseClock(SlaKind clockKind, OffsetDateTime startedAt, OffsetDateTime warnAt, OffsetDateTime dueAt,
                        OffsetDateTime stoppedAt, OffsetDateTime warnedAt, OffsetDateTime escalatedAt) {

    public boolean breached(OffsetDateTime now) {
        OffsetDateTime end = stoppedAt == null ? now : stoppedAt;
        return dueAt != null && !end.isBefore(dueAt);
    }
}
