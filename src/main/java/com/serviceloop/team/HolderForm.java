package com.serviceloop.team;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** The person to give a job to, or to release from it. */
public record HolderForm(@NotNull @Positive Long personId) {
}
