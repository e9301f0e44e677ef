package com.serviceloop.audit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One audit of one outlet against one published form version. */
public record Audit(long id, long outletId, String outletName, long formId, long formVersionId, int formVersionNo,
                    String formName, Long scheduleId, LocalDate dueOn, long auditorId, String auditorName,
                    String status, OffsetDateTime startedAt, OffsetDateTime submittedAt, BigDecimal score,
                    String result, Long signedOffBy, OffsetDateTime signedOffAt, String note) {
}
