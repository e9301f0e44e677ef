package com.serviceloop.demo;

import com.serviceloop.customer.CustomerStatsRefresh;
import org.springframework.stereotype.Component;

/**
 * Computes the customer figures once the demo's visits and cases are in, so that the roster and
 * the segment insight show the demo chain straight away instead of after the nightly refresh.
 */
@Component
class DemoLoyalty {
    private final CustomerStatsRefresh stats;

    DemoLoyalty(CustomerStatsRefresh stats) {
        this.stats = stats;
    }

    CustomerStatsRefresh.Result refresh() {
        return stats.refreshAll();
    }
}
