package com.serviceloop.customer;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.function.Consumer;

/**
 * What other modules know about a customer that the customer module may not ask them for
 * directly (they depend on it): complaints from cases, satisfaction given in survey answers. Each
 * implementation streams one signal per customer it knows something about; the full stats refresh
 * stores them next to the visit figures.
 */
public interface CustomerSignals {

    /** Streams the signals counted from {@code since} on; customers without any are left out. */
    void signalsSince(OffsetDateTime since, Consumer<Signal> sink);

    /**
     * @param complaints         complaints about the customer's experience recorded in the period
     * @param satisfactionSum    sum of the customer's satisfaction indices (0-100), null if none
     * @param satisfactionCount  how many answers the sum is over
     */
    record Signal(long customerId, int complaints, BigDecimal satisfactionSum, int satisfactionCount) {

        public static Signal complaints(long customerId, int complaints) {
            return new Signal(customerId, complaints, null, 0);
        }

        public static Signal satisfaction(long customerId, BigDecimal sum, int count) {
            return new Signal(customerId, 0, sum, count);
        }
    }
}
