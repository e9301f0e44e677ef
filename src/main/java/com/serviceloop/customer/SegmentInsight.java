package com.serviceloop.customer;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The segment insight of one unit (outlet, region or chain): frequency tier x loyalty class cells,
 * the unit's totals, how much of its value its top 20 % of customers bring, and the same totals for
 * each unit directly under it.
 */
public record SegmentInsight(long unitId, String unitName, String unitKind, LocalDateTime refreshedAt, Totals total,
                             List<Cell> cells, List<Totals> children) {

    public record Cell(FrequencyTier tier, LoyaltyClass loyalty, long customers, BigDecimal customerShare,
                       BigDecimal value, BigDecimal valueShare, BigDecimal returnRate, BigDecimal complaintRate,
                       BigDecimal satisfaction) {

        static Cell of(FrequencyTier tier, LoyaltyClass loyalty, SegmentFigures f, SegmentFigures total) {
            return new Cell(tier, loyalty, f.customers(), f.customerShare(total), f.value(), f.valueShare(total),
                    f.returnRate(), f.complaintRate(), f.satisfaction());
        }
    }

    /**
     * @param topCustomers  how many customers make the top 20 % (ceil(customers / 5))
     * @param topValueShare the share of the value they bring, in percent
     */
    public record Totals(long unitId, String unitName, String unitKind, long customers, BigDecimal value,
                         BigDecimal returnRate, BigDecimal complaintRate, BigDecimal satisfaction, long topCustomers,
                         BigDecimal topValueShare) {

        /** The top-fifth share is taken from its own snapshot (value over that snapshot's total), not mixed with the cells. */
        static Totals of(long id, String name, String kind, SegmentFigures f, long topCustomers, BigDecimal topValue,
                         BigDecimal shareTotal) {
            return new Totals(id, name, kind, f.customers(), f.value(), f.returnRate(), f.complaintRate(),
                    f.satisfaction(), topCustomers, SegmentFigures.percent(topValue, shareTotal));
        }
    }
}
