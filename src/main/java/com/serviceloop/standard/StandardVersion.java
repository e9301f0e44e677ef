package com.serviceloop.standard;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

public record StandardVersion(long id, long standardId, int versionNo, String behaviour, Kind kind, String measure,
                              BigDecimal targetValue, TargetUnit targetUnit, BigDecimal targetRate,
                              Long blueprintStepId, String owner, String changeNote, Long createdBy,
                              String createdByName, OffsetDateTime validFrom, OffsetDateTime validTo) {
}
