package com.serviceloop.customer;

/** Customers of one outlet by frequency tier. */
public record TierMix(long outletId, String outletName, long heavy, long medium, long light, long lapsed) {

    public long total() {
        return heavy + medium + light + lapsed;
    }
}
