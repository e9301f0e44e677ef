package com.serviceloop.audit;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** Starts an audit of an outlet with the latest published version of a form. */
public record StartForm(@NotNull @Positive Long outletId, @NotNull @Positive Long formId, @Positive Long scheduleId) {
}
