package com.serviceloop.audit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One assigned mystery visit as reviewers see it: the shopper appears by nickname only. {@code score} and
 * {@code result} are kept at submission by the audit rules; only ACCEPTED visits count in the figures.
 */
public record MysteryVisit(long id, long programmeId, String programmeName, long outletId, String outletName,
                           long shopperId, String nickname, Long scenarioId, long formVersionId, LocalDate plannedOn,
                           String status, OffsetDateTime visitedAt, BigDecimal latitude, BigDecimal longitude,
                           boolean hasReceipt, OffsetDateTime submittedAt, BigDecimal score, String result,
                           String reviewComment, Integer qualityRating, OffsetDateTime reviewedAt) {

    public boolean open() {
        return status.equals("ASSIGNED") || status.equals("RETURNED");
    }
}
