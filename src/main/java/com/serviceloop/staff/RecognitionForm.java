package com.serviceloop.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A recognition note as its writer sends it: to a person or to a team (exactly one), what they did,
 * optionally the standard or blueprint step it shows and what it grew from.
 */
public record RecognitionForm(@Positive Long personId, @Positive Long teamId, @NotBlank @Size(max = 500) String text,
                              @Positive Long standardId, @Positive Long stepId, RecognitionLink sourceKind,
                              @Positive Long sourceId) {
}
