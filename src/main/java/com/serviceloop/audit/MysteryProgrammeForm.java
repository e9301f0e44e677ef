package com.serviceloop.audit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** A programme as its author saves it; {@code revisitMonths} left out is 2. */
public record MysteryProgrammeForm(@NotBlank @Size(max = 200) String name,
                            @NotBlank @Size(max = 2000) String objectives,
                            @NotNull @Positive Long formId,
                            @NotNull LocalDate windowFrom,
                            @NotNull LocalDate windowTo,
                            @NotNull @Min(1) @Max(31) Integer quotaPerMonth,
                            @Min(0) @Max(24) Integer revisitMonths,
                            @NotNull @Size(min = 1, max = 500) List<@NotNull @Positive Long> outletIds,
                            @Size(max = 20) List<@NotNull @Valid MysteryScenarioForm> scenarios,
                            Integer version) {

    public record MysteryScenarioForm(@NotBlank @Size(max = 500) String asksFor, @NotBlank @Size(max = 1000) String says,
                           @NotBlank @Size(max = 1000) String objection) {
    }

    int revisit() {
        return revisitMonths == null ? 2 : revisitMonths;
    }
}
