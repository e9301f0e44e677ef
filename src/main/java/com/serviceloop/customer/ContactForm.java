package com.serviceloop.customer;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;

/**
 * A contact made: the due item it answers (which also names the rule) or a rule, or neither for a
 * contact outside the plan; {@code contactedAt} defaults to now.
 */
public record ContactForm(@NotNull Long customerId, Long dueId, Long ruleId, @NotNull ContactOutcome outcome,
                          @Size(max = 1000) String note, LocalDateTime contactedAt) {
}
