package com.serviceloop.customer;

import com.serviceloop.platform.OutletScope;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the service profile measures from one outlet's customers (by home outlet), within the caller's scope. */
@Repository
class ProfileFiguresRepository {
    private final JdbcClient jdbc;

    ProfileFiguresRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The demographic columns a mix is counted on; the column names come from here, never from input. */
    enum Column {
        AGE_BAND("age_band", "ageBand"), INCOME_BAND("income_band", "incomeBand"), EDUCATION("education", "education"),
        SOCIAL_CLASS("social_class", "socialClass");

        final String sql;
        final String field;

        Column(String sql, String field) {
            this.sql = sql;
            this.field = field;
        }
    }

    /** Customers per band (null key: band not recorded). */
    Map<String, Long> bandCounts(OutletScope scope, long outletId, Column column) {
        Map<String, Long> out = new LinkedHashMap<>();
        scope.bind(jdbc.sql("""
                SELECT c.%1$s, COUNT(*) FROM customer c WHERE c.home_outlet_id = :o AND %2$s
                GROUP BY c.%1$s""".formatted(column.sql, scope.sqlFilter("c.home_outlet_id"))))
                .param("o", outletId)
                .query((rs, n) -> out.put(rs.getString(1), rs.getLong(2))).list();
        return out;
    }

    record Texts(long visits, String valuesNote, String attitudes, String habits, String preferences,
                 String expectations) {
    }

    /** Each customer of the outlet with their visits since {@code since} and their profile texts. */
    void forEachTexts(OutletScope scope, long outletId, LocalDateTime since, Consumer<Texts> action) {
        scope.bind(jdbc.sql("""
                SELECT COALESCE(v.n, 0), c.values_note, c.attitudes, c.habits, c.preferences, c.expectations
                FROM customer c
                LEFT JOIN (SELECT customer_id, COUNT(*) AS n FROM visit
                           WHERE visited_at >= :since
                             AND customer_id IN (SELECT id FROM customer WHERE home_outlet_id = :o)
                           GROUP BY customer_id) v ON v.customer_id = c.id
                WHERE c.home_outlet_id = :o AND %s""".formatted(scope.sqlFilter("c.home_outlet_id"))))
                .param("o", outletId).param("since", since)
                .query((rs, n) -> new Texts(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list().forEach(action);
    }
}
