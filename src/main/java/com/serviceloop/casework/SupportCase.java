package com.serviceloop.casework;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A case as read back: owned by a person, or by a team until one of its members takes it. The topic
 * is a code of the outlet type's list (see {@link CaseTopics}), null for cases recorded before topics.
 */
public record SupportCase(long id, long outletId, String outletName, Long customerId, String customerName,
                          Channel channel, CaseType caseType, Severity severity, CaseStatus status, String description,
                          Long ownerId, String ownerName, Long ownerTeamId, String ownerTeamName, long receivedBy,
                          String remedy, BigDecimal remedyCost, boolean problem, OffsetDateTime createdAt,
                          OffsetDateTime updatedAt, OffsetDateTime resolvedAt, OffsetDateTime closedAt, int version,
                          String topic, String product) {
}
