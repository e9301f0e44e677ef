package com.serviceloop.audit;

import java.time.LocalDate;

/**
 * A schedule with its next open date: the first due date after the last one audited. {@code state} is
 * OVERDUE before today, DUE within the next 7 days, else UPCOMING. A paused schedule ({@code active} false) is
 * on no due list and sends no reminder.
 */
public record Schedule(long id, long outletId, String outletName, long formId, String formName, int everyMonths,
                       Long assigneeId, String assigneeName, LocalDate firstDue, LocalDate lastAuditedDue,
                       LocalDate nextDue, String state, boolean active) {
}
