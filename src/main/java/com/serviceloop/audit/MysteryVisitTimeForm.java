package com.serviceloop.audit;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** When the shopper was in the outlet and, optionally, where the phone placed them. */
public record MysteryVisitTimeForm(@NotNull OffsetDateTime visitedAt,
                            @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
                            @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude) {
}
