package com.serviceloop.customer;

import java.time.LocalDateTime;

/** A recorded contact, as the customer's history shows it. */
public record ContactRecord(long id, long customerId, Long ruleId, String ruleName, ContactOutcome outcome,
                            String note, LocalDateTime contactedAt, long byPersonId, String byName) {
}
