package com.serviceloop.casework;

import java.time.OffsetDateTime;

public record SupportCase(long id, long outletId, Long customerId, Channel channel, CaseType caseType,
                          Severity severity, CaseStatus status, String description, long ownerId, String ownerName,
                          long receivedBy, OffsetDateTime createdAt, OffsetDateTime updatedAt, int version) {
}
