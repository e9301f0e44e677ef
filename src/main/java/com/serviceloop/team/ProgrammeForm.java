package com.serviceloop.team;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A programme as the chain writes it; outletType empty means every kind of outlet. */
public record ProgrammeForm(
        @NotBlank @Size(max = 100) String name,
        @Pattern(regexp = "[a-z0-9_-]{1,40}", message = "{validation.outletType}") String outletType,
        @Size(max = 2000) String description,
        @NotNull @Size(max = 60) List<@NotNull @Positive Long> standardIds,
        Integer version) {
}
