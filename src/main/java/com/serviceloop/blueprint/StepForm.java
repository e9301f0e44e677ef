package com.serviceloop.blueprint;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A step as entered; do and don't lists are one item per line. Satisfaction is a share, 0 to 1. */
public record StepForm(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 1000) String customerAction,
        @Size(max = 1000) String frontStage,
        @Size(max = 1000) String backStage,
        @Size(max = 1000) String support,
        @Size(max = 1000) String touchPoints,
        @Min(0) @Max(604800) Integer timeStandardSecs,
        @Size(max = 2000) String doList,
        @Size(max = 2000) String dontList,
        @Size(max = 1000) String checkPoints,
        @Size(max = 100) String ownerRole,
        @DecimalMin("0") @DecimalMax("1") BigDecimal satisfaction) {
}
