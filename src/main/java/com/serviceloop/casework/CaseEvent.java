package com.serviceloop.casework;

import java.time.OffsetDateTime;

/** One line of a case's history: who did what, when. */
public record CaseEvent(long id, long caseId, OffsetDateTime occurredAt, long actorId, String actorName, String kind,
                        CaseStatus fromStatus, CaseStatus toStatus, String detail) {
}
