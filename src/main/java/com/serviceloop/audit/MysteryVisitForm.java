package com.serviceloop.audit;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.LocalDate;

/** The assignment of a shopper to an outlet of a programme on a day inside its window. */
public record MysteryVisitForm(@NotNull @Positive Long programmeId, @NotNull @Positive Long outletId,
                        @NotNull @Positive Long shopperId, @NotNull LocalDate plannedOn, @Positive Long scenarioId) {
}
