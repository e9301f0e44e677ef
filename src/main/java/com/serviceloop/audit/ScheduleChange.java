package com.serviceloop.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

/** A partial change of a schedule: each field left out (or null) stays as it is. */
public record ScheduleChange(@Positive Long assigneeId, Boolean active, @Min(1) @Max(12) Integer everyMonths) {
}
