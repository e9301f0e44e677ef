package com.serviceloop.survey;

import com.serviceloop.customer.CustomerSignals;
import java.time.OffsetDateTime;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Satisfaction per customer for the customer figures: the indices of the answers they gave in the period. */
@Component
class SatisfactionSignals implements CustomerSignals {
    private final JdbcClient jdbc;

    SatisfactionSignals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void signalsSince(OffsetDateTime since, Consumer<Signal> sink) {
        jdbc.sql("""
                SELECT customer_id, SUM(satisfaction), COUNT(*) FROM survey_response
                WHERE customer_id IS NOT NULL AND satisfaction IS NOT NULL AND submitted_at >= :since
                GROUP BY customer_id""")
                .param("since", since)
                .query(rs -> {
                    sink.accept(Signal.satisfaction(rs.getLong(1), rs.getBigDecimal(2), rs.getInt(3)));
                });
    }
}
