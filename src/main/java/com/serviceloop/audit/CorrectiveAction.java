package com.serviceloop.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** What someone will do about an item an audit found missed, by when. */
public record CorrectiveAction(long id, long auditId, long itemId, String itemText, long outletId, String outletName,
                               long ownerId, String ownerName, LocalDate dueOn, String description, String status,
                               OffsetDateTime createdAt, OffsetDateTime doneAt) {
}
