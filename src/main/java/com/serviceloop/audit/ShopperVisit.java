package com.serviceloop.audit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A visit as its shopper sees it: where to go, what to play, the items to check and what they have given so far.
 * No score, no other outlet's figures; {@code reviewComment} is what a reviewer asked to correct.
 */
public record ShopperVisit(long id, String programmeName, String outletName, LocalDate plannedOn, LocalDate windowTo,
                           String status, OffsetDateTime visitedAt, BigDecimal latitude, BigDecimal longitude,
                           boolean hasReceipt, String reviewComment, MysteryProgramme.MysteryScenario scenario,
                           List<ShopperSection> sections, List<ShopperAnswer> answers, int required, int requiredAnswered) {

    /** A form section as the shopper fills it in: only what can be observed in a visit (no photo or signature item). */
    public record ShopperSection(String areaCode, String areaNameEn, String areaNameZh, List<FormItem> items) {
    }

    /** The shopper's own answer to one item, without its score. */
    public record ShopperAnswer(long itemId, String choice, Integer scale, BigDecimal measured, String text,
                        boolean notApplicable) {
    }

    public boolean open() {
        return status.equals("ASSIGNED") || status.equals("RETURNED");
    }
}
