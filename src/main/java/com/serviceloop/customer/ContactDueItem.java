package com.serviceloop.customer;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One open item of the due list, with what the caller needs to make the call. */
public record ContactDueItem(long id, long ruleId, String ruleName, ContactKind kind, RosterGroup rosterGroup,
                             long outletId, String outletName, long customerId, String customerName,
                             String memberNo, String phone, Long assigneeId, String assigneeName, LocalDate dueOn,
                             LocalDateTime lastVisit) {
}
