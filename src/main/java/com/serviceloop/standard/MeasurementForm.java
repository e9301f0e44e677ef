package com.serviceloop.standard;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One observation of a standard. For a timed standard, give the observed time (in the standard's
 * unit) and whether it was met is worked out; otherwise say whether it was met.
 */
public record MeasurementForm(
        @NotNull Long outletId,
        @PastOrPresent OffsetDateTime measuredAt,
        @DecimalMin("0") @DecimalMax("9999999999.99") BigDecimal observedValue,
        Boolean met,
        @Pattern(regexp = "[A-Z_]{1,40}", message = "{validation.source}") String source,
        @Size(max = 300) String note) {
}
