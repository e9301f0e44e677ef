package com.serviceloop.customer;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDateTime;

public record VisitForm(
        @NotNull Long outletId,
        @NotNull @PastOrPresent LocalDateTime visitedAt,
        @NotNull @DecimalMin("0.00") @DecimalMax("9999999999.99") BigDecimal amount,
        @NotNull @Min(0) @Max(100000) Integer items,
        @Size(max = 60) String receiptNo) {
}
