package com.serviceloop.casework;

import com.serviceloop.customer.CustomerSignals;
import java.time.OffsetDateTime;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Complaints per customer for the customer figures: cases of the complaint type opened in the period. */
@Component
class ComplaintSignals implements CustomerSignals {
    private final JdbcClient jdbc;

    ComplaintSignals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void signalsSince(OffsetDateTime since, Consumer<Signal> sink) {
        jdbc.sql("""
                SELECT customer_id, COUNT(*) FROM support_case
                WHERE customer_id IS NOT NULL AND case_type = 'COMPLAINT' AND created_at >= :since
                GROUP BY customer_id""")
                .param("since", since)
                .query(rs -> {
                    sink.accept(Signal.complaints(rs.getLong(1), rs.getInt(2)));
                });
    }
}
