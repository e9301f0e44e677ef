package com.serviceloop.standard;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A standard as a manager writes it; saving an existing standard adds a version. */
public record StandardForm(
        @NotBlank @Pattern(regexp = "[a-z0-9_-]{1,40}", message = "{validation.outletType}") String outletType,
        @NotBlank @Size(max = 32) String areaCode,
        @NotBlank @Size(max = 500) String behaviour,
        @NotNull Kind kind,
        @Size(max = 300) String measure,
        @DecimalMin("0") @DecimalMax("9999999999") BigDecimal targetValue,
        TargetUnit targetUnit,
        @DecimalMin("0") @DecimalMax("100") BigDecimal targetRate,
        Long blueprintStepId,
        @Size(max = 100) String owner,
        @Size(max = 300) String changeNote,
        Integer version) {
}
