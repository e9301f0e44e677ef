package com.serviceloop.casework;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What staff record at the counter or on the phone. A customer is either found (customerId) or
 * created on the spot from a name and phone; both may be left out for an anonymous case. The topic
 * comes from the outlet type's list (see {@link CaseTopics}); the product is free text (the medicine).
 */
public record CaseForm(@NotNull Long outletId, Long customerId, @Size(max = 200) String customerName,
                       @Size(max = 40) @Pattern(regexp = "^$|[+0-9 ()-]{5,40}", message = "{validation.phone}")
                       String customerPhone,
                       @NotNull Channel channel, @NotNull CaseType caseType, @NotNull Severity severity,
                       @NotBlank @Size(max = 4000) String description,
                       @Size(max = 32) String topic, @Size(max = 200) String product) {

    public static CaseForm of(long outletId, Long customerId, Channel channel, CaseType type, Severity severity,
                              String description) {
        return new CaseForm(outletId, customerId, null, null, channel, type, severity, description, null, null);
    }
}
