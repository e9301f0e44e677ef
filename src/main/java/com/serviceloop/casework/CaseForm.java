package com.serviceloop.casework;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What staff record at the counter or on the phone. */
public record CaseForm(@NotNull Long outletId, Long customerId, @NotNull Channel channel, @NotNull CaseType caseType,
                       @NotNull Severity severity, @NotBlank @Size(max = 4000) String description) {
}
