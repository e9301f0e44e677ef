package com.serviceloop.audit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The talk with the outlet team about an accepted visit. */
public record MysteryDebriefForm(@NotNull LocalDate heldOn, @NotBlank @Size(max = 2000) String wentWell,
                          @NotBlank @Size(max = 2000) String toImprove, @NotBlank @Size(max = 2000) String actions,
                          @NotBlank @Size(max = 1000) String attendees) {
}
