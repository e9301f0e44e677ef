package com.serviceloop.organisation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A mapping rule as an administrator enters it. The role is text so that an unknown one is refused by
 * name with the roles there are; the claim defaults to {@code groups}, the position to after the last rule.
 */
public record SignInRuleForm(
        @Min(0) @Max(100_000) Integer position,
        @Size(max = 100) @Pattern(regexp = "^$|[A-Za-z0-9_:./-]{1,100}", message = "{validation.claim}") String claim,
        @NotBlank @Size(max = 300) String pattern,
        @NotBlank @Size(max = 16) String role,
        @Size(max = 80) String unitCode,
        Integer version) {
}
