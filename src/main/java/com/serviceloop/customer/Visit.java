package com.serviceloop.customer;

import java.math.BigDecimal;
import java.time.LocalDateTime;

public record Visit(long id, long customerId, long outletId, String outletName, LocalDateTime visitedAt,
                    BigDecimal amount, int items, String receiptNo) {
}
