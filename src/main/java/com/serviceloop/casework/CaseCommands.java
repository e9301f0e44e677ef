package com.serviceloop.casework;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/** Requests that change a case; each carries the version the caller read (409 when stale). */
final class CaseCommands {
    private CaseCommands() {
    }

    public record Move(@NotNull CaseStatus to, @NotNull Integer version, @Size(max = 1000) String note) {
    }

    /** To a named person or to a team (exactly one of the two). */
    public record HandOver(Long personId, Long teamId, @NotBlank @Size(max = 1000) String reason,
                           @NotNull Integer version) {
    }

    /** The follow-up call: not reached, or reached with the customer's satisfaction with the resolution. */
    public record FollowUp(@NotNull Boolean reached, @Min(1) @Max(5) Integer satisfaction, Boolean cameBack,
                           @Size(max = 1000) String comment, @NotNull Integer version) {
    }

    public record Waiver(@NotBlank @Size(max = 1000) String reason, @NotNull Integer version) {
    }

    /** Recovery and learning: what was done to make it right, what it cost, which standards it broke. */
    public record Recovery(@Size(max = 1000) String remedy, @DecimalMin("0") @DecimalMax("9999999999.99") BigDecimal remedyCost,
                           @Size(max = 50) List<Long> standardIds, Boolean problem, @NotNull Integer version) {
    }

    public enum BulkAction { HAND_OVER, MOVE, MARK_PROBLEM, UNMARK_PROBLEM }

    public record Bulk(@NotEmpty @Size(max = 500) List<Long> ids, @NotNull BulkAction action, Long personId,
                       Long teamId, CaseStatus to, @Size(max = 1000) String reason) {
    }

    public record BulkResult(long id, boolean ok, String message) implements Serializable {
    }
}
