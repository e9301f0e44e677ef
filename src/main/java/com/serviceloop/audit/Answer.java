package com.serviceloop.audit;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** The stored answer to one item of one audit (one row per item, whatever the number of syncs). */
public record Answer(long id, long auditId, long itemId, String choice, Integer scale, BigDecimal measured,
                     String text, boolean notApplicable, BigDecimal score, String idempotencyKey, long answeredBy,
                     OffsetDateTime answeredAt) {
}
