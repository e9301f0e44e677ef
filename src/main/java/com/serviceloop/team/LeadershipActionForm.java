package com.serviceloop.team;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** An action of the improvement plan; a change names every field and the version it was made from. */
public record LeadershipActionForm(@NotNull Principle principle, @NotBlank @Size(max = 1000) String action,
                         @NotNull LocalDate dueOn, Boolean done, Integer version) {
}
