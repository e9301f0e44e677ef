package com.serviceloop.customer;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/**
 * Thresholds and assumptions behind tiers, customer value and loyalty; set by an administrator.
 * Defaults follow the decks: heavy about weekly, medium about monthly, light a couple of times a year.
 */
public record InsightSettings(
        @NotNull @Min(1) @Max(366) Integer heavyMinVisits,
        @NotNull @Min(1) @Max(366) Integer mediumMinVisits,
        @NotNull @Min(1) @Max(366) Integer lightMinVisits,
        @NotNull @DecimalMin("0.1") @DecimalMax("100") BigDecimal expectedYears,
        @NotNull @DecimalMin("0.1") @DecimalMax("10") BigDecimal wordOfMouthMultiplier,
        @NotNull @Min(0) @Max(10) Integer promoterMinScore) {

    public static final InsightSettings DEFAULTS =
            new InsightSettings(40, 10, 1, new BigDecimal("5"), new BigDecimal("1.2"), 9);

    /** Null when the thresholds are consistent, else the field to blame. */
    public String inconsistentField() {
        if (mediumMinVisits >= heavyMinVisits) {
            return "mediumMinVisits";
        }
        return lightMinVisits >= mediumMinVisits ? "lightMinVisits" : null;
    }
}
