package com.serviceloop.customer;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** What the visit history of one customer adds up to. */
public record VisitStats(long visits, long visitsLast12Months, BigDecimal totalAmount, long totalItems,
                         LocalDateTime firstVisit, LocalDateTime lastVisit) {

    public static final VisitStats NONE = new VisitStats(0, 0, BigDecimal.ZERO, 0, null, null);
}
