package com.serviceloop.casework;

import java.util.EnumMap;
import java.util.Map;

/** The running sums of one group, or of one group in one period, while the per-day rows are read. */
final class IndicatorAcc {
    long complaints;
    long visits;
    long sqi;
    long satisfactionSum;
    long satisfactionCalls;
    /** Per clock: due, on time. */
    final Map<SlaKind, long[]> clocks = new EnumMap<>(SlaKind.class);
    /** Complaints resolved on time / late: cases, customers who came back. */
    final long[] fast = new long[2];
    final long[] slow = new long[2];
    /** Per clock: average and 90th-percentile minutes (computed by the database, not summed). */
    final Map<SlaKind, double[]> times = new EnumMap<>(SlaKind.class);
}
