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
import org.springframework.format.annotation.DateTimeFormat;

public record VisitForm(
        @NotNull Long outletId,
        @NotNull @PastOrPresent @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime visitedAt,
        @NotNull @DecimalMin("0.00") @DecimalMax("9999999999.99") BigDecimal amount,
        @NotNull @Min(0) @Max(100000) Integer items,
        @Size(max = 60) String receiptNo) {
}
