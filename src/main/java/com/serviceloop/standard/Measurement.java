package com.serviceloop.standard;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

public record Measurement(long id, long standardId, long standardVersionId, int versionNo, long outletId,
                          OffsetDateTime measuredAt, BigDecimal observedValue, boolean met, String source, String note) {
}
