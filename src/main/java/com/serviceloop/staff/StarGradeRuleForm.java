package com.serviceloop.staff;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;

/**
 * A star level's thresholds as the chain sets them; a field left empty (null) means the level does
 * not ask for that indicator. Percentages and the satisfaction index run from 0 to 100.
 */
public record StarGradeRuleForm(
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal minSatisfaction,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal minOnTime,
        @DecimalMin("0") @DecimalMax("1000000") @Digits(integer = 7, fraction = 2) BigDecimal maxComplaintsPpm,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal minAudit,
        Integer version) {
}
