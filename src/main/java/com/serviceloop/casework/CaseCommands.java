package com.serviceloop.casework;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Requests that change a case; each carries the version the caller read (409 when stale). */
public final class CaseCommands {
    private CaseCommands() {
    }

    public record Move(@NotNull CaseStatus to, @NotNull Integer version, @Size(max = 1000) String note) {
    }

    public record HandOver(@NotNull Long personId, @NotBlank @Size(max = 1000) String reason, @NotNull Integer version) {
    }
}
