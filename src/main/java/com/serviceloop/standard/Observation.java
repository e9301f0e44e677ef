package com.serviceloop.standard;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * What a checking system (an audit) saw of one version of a standard at one outlet: the item's score, 0 to 1,
 * whether that counts as met, and the measured value where there was one. {@code sourceRef} is the id of the
 * audit (or whatever the source calls its record), so each measurement can be traced back to it.
 */
public record Observation(long standardId, long standardVersionId, long outletId, OffsetDateTime at,
                          BigDecimal observedValue, BigDecimal score, boolean met, String source, long sourceRef) {
}
