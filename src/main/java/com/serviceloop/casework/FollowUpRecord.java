package com.serviceloop.casework;

import java.time.OffsetDateTime;

public record FollowUpRecord(long id, long caseId, long recordedBy, String recordedByName, OffsetDateTime recordedAt,
                             String outcome, Integer satisfaction, Boolean cameBack, String comment) {
}
