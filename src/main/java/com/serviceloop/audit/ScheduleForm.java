package com.serviceloop.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.LocalDate;

/** A walk-around audit of an outlet every few months with one form, assigned to an auditor or a manager. */
public record ScheduleForm(@NotNull @Positive Long outletId, @NotNull @Positive Long formId,
                           @NotNull @Min(1) @Max(12) Integer everyMonths, @Positive Long assigneeId,
                           @NotNull LocalDate firstDue) {
}
