package com.serviceloop.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A reviewer's decision on a submitted report, with the shopper's report quality (1–5); a return or rejection says why. */
public record MysteryReviewForm(@NotBlank @Pattern(regexp = "ACCEPT|RETURN|REJECT") String decision,
                         @Size(max = 2000) String comment,
                         @NotNull @Min(1) @Max(5) Integer rating) {
}
