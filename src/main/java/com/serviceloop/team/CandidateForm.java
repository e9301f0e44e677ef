package com.serviceloop.team;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A new candidate; status defaults to APPLIED. */
public record CandidateForm(@NotBlank @Size(max = 100) String name, @Size(max = 200) String contact,
                            @NotNull @Positive Long outletId, Candidate.Status status) {
}
