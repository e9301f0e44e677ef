package com.serviceloop.standard;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A standard with the wording of its latest version. */
public record Standard(long id, String outletType, String areaCode, Side side, int priorityRank, Status status,
                       long versionId, int versionNo, String behaviour, Kind kind, String measure,
                       BigDecimal targetValue, TargetUnit targetUnit, BigDecimal targetRate, Long blueprintStepId,
                       String owner, OffsetDateTime validFrom, OffsetDateTime retiredAt, int version) {

    public enum Status { ACTIVE, RETIRED }
}
