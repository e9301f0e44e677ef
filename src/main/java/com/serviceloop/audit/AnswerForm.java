package com.serviceloop.audit;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * One answer as the conduct page (or, later, an offline queue) sends it. {@code key} is made by the
 * client once per answer: sending the same key again returns the stored answer and changes nothing.
 * Only the field of the item's type may be given.
 */
public record AnswerForm(@NotNull @Positive Long itemId,
                         @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{8,64}") String key,
                         @Pattern(regexp = "MET|NOT_MET") String choice,
                         @Min(0) @Max(4) Integer scale,
                         @DecimalMin("0") @DecimalMax("9999999") BigDecimal measured,
                         @Size(max = 2000) String text,
                         Boolean notApplicable) {
}
