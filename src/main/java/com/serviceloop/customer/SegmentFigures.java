package com.serviceloop.customer;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The sums behind one cell (or one unit) of the segment insight, and the rates made from them:
 * share of customers and of value (of the unit's totals), return rate (customers who came back
 * within 90 days, in percent), complaints per 100 customers, and mean satisfaction (0-100) over
 * every answer given.
 */
public record SegmentFigures(long customers, BigDecimal value, long returned, long complaints,
                             BigDecimal satisfactionSum, long satisfactionCount) {

    public static final SegmentFigures NONE = new SegmentFigures(0, BigDecimal.ZERO, 0, 0, null, 0);

    public SegmentFigures plus(SegmentFigures o) {
        BigDecimal sat = satisfactionSum == null ? o.satisfactionSum
                : o.satisfactionSum == null ? satisfactionSum : satisfactionSum.add(o.satisfactionSum);
        return new SegmentFigures(customers + o.customers, value.add(o.value), returned + o.returned,
                complaints + o.complaints, sat, satisfactionCount + o.satisfactionCount);
    }

    public BigDecimal customerShare(SegmentFigures total) {
        return percent(BigDecimal.valueOf(customers), BigDecimal.valueOf(total.customers));
    }

    public BigDecimal valueShare(SegmentFigures total) {
        return percent(value, total.value);
    }

    public BigDecimal returnRate() {
        return percent(BigDecimal.valueOf(returned), BigDecimal.valueOf(customers));
    }

    public BigDecimal complaintRate() {
        return percent(BigDecimal.valueOf(complaints), BigDecimal.valueOf(customers));
    }

    public BigDecimal satisfaction() {
        return satisfactionCount == 0 || satisfactionSum == null ? null
                : satisfactionSum.divide(BigDecimal.valueOf(satisfactionCount), 1, RoundingMode.HALF_UP);
    }

    /** 100 x part / whole to one decimal; null when the whole is zero (nothing to share). */
    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null
                : part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
    }
}
