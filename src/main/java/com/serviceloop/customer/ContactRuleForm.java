package com.serviceloop.customer;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A contact rule as written by a manager. {@code outletId} null makes it chain-wide (every outlet);
 * {@code assigneeId} null gives the calls to the outlet's staff. Which fields a kind needs is
 * checked by {@link ContactRules}: a period for the periodic kinds, lapse and window days for a win-back.
 */
public record ContactRuleForm(
        Long outletId,
        @NotBlank @Size(max = 200) String name,
        @NotNull ContactKind kind,
        RosterGroup rosterGroup,
        @Min(7) @Max(730) Integer periodDays,
        @NotNull @Min(0) @Max(90) Integer leadDays,
        @Min(1) @Max(730) Integer lapseDays,
        @Min(1) @Max(365) Integer windowDays,
        Long assigneeId,
        @NotNull Boolean active,
        Integer version) {
}
