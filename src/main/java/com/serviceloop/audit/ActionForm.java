package com.serviceloop.audit;

import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A corrective action on a missed item of an audit. */
public record ActionForm(@NotNull @Positive Long itemId, @NotNull @Positive Long ownerId,
                         @NotNull @FutureOrPresent LocalDate dueOn, @NotBlank @Size(max = 1000) String description) {
}
