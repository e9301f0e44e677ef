package com.serviceloop.audit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new form: its draft is generated from the standards in force for the outlet type. */
public record NewForm(@NotBlank @Pattern(regexp = "[a-z0-9_-]{1,40}") String outletType,
                      @NotBlank @Size(max = 200) String name) {
}
