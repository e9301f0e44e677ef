package com.serviceloop.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The top-fifth value share with ties at the boundary, per outlet and for the region and chain
 * above them (where it is ranked again, not added up).
 */
class ValueShareIntegrationTest extends ApiTest {
    @Autowired SegmentRollup rollup;
    @Autowired JdbcClient jdbc;
    private Fixtures.Chain chain;

    @AfterEach
    void cleanUp() {
        jdbc.sql("DELETE FROM customer_stats WHERE customer_id < 0").update();
    }

    @Test
    void topFifthCountsTiedCustomersInPart() {
        chain = fixtures.chain();
        // outlet A, 10 customers: the top fifth is 2 customers, 100 and one of the three at 50
        long id = -chain.chain().id() * 100;
        for (String v : new String[] {"100", "50", "50", "50", "10", "0", "0", "0", "0", "0"}) {
            stats(--id, chain.outletA().id(), v);
        }
        // outlet B, 5 customers: the top fifth is 1 customer, 80
        for (String v : new String[] {"80", "20", "20", "0", "0"}) {
            stats(--id, chain.outletB().id(), v);
        }
        rollup.rebuildAll(LocalDateTime.now());

        assertShare(chain.outletA().id(), 10, "260", 2, "150");
        assertShare(chain.outletB().id(), 5, "120", 1, "80");
        // 15 customers: the top 3 are 100, 80 and 50 = 230 of 380 (60.5 %), not 150 + 80 from the outlets
        assertShare(chain.region().id(), 15, "380", 3, "230");
        assertShare(chain.chain().id(), 15, "380", 3, "230");

        // an import at outlet B re-ranks B only; the region keeps its snapshot (with its own total) until the full refresh
        jdbc.sql("UPDATE customer_stats SET customer_value = 300 WHERE customer_id = :c").param("c", id).update();
        rollup.rebuild(List.of(chain.outletB().id()), LocalDateTime.now());
        assertShare(chain.outletB().id(), 5, "420", 1, "300");
        assertShare(chain.outletA().id(), 10, "260", 2, "150");
        assertShare(chain.region().id(), 15, "380", 3, "230");
        rollup.rebuildAll(LocalDateTime.now());
        assertShare(chain.region().id(), 15, "680", 3, "480");
    }

    private void stats(long customer, long outlet, String value) {
        jdbc.sql("""
                INSERT INTO customer_stats (customer_id, outlet_id, visits_total, visits_365, visits_prev_365,
                    amount_total, items_total, returned_90, tier, loyalty, customer_value, complaints_365,
                    satisfaction_count, refreshed_at)
                VALUES (:c, :o, 0, 0, 0, 0, 0, FALSE, 'LIGHT', 'NONE', :v, 0, 0, CURRENT_TIMESTAMP)""")
                .param("c", customer).param("o", outlet).param("v", new BigDecimal(value)).update();
    }

    private void assertShare(long unit, long customers, String total, long top, String topValue) {
        Map<String, Object> row = jdbc.sql("SELECT * FROM customer_value_share WHERE unit_id = :u").param("u", unit)
                .query().singleRow();
        assertThat(((Number) row.get("CUSTOMERS")).longValue()).as("customers of %d", unit).isEqualTo(customers);
        assertThat(new BigDecimal(row.get("VALUE_TOTAL").toString())).isEqualByComparingTo(total);
        assertThat(((Number) row.get("TOP_CUSTOMERS")).longValue()).isEqualTo(top);
        assertThat(new BigDecimal(row.get("TOP_VALUE").toString())).as("top value of %d", unit)
                .isEqualByComparingTo(topValue);
    }
}
