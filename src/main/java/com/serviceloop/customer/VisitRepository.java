package com.serviceloop.customer;

import com.serviceloop.platform.OutletScope;
import com.serviceloop.platform.PageRequest;
import com.serviceloop.platform.PageResult;
import com.serviceloop.platform.Rows;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class VisitRepository {
    private final JdbcClient jdbc;

    public VisitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public VisitStats stats(long customerId, LocalDateTime since) {
        return jdbc.sql("""
                SELECT COUNT(*) AS visits,
                       COALESCE(SUM(CASE WHEN visited_at >= :since THEN 1 ELSE 0 END), 0) AS visits_last12_months,
                       COALESCE(SUM(amount), 0) AS total_amount, COALESCE(SUM(items), 0) AS total_items,
                       MIN(visited_at) AS first_visit, MAX(visited_at) AS last_visit
                FROM visit WHERE customer_id = :c""")
                .param("c", customerId).param("since", since).query(Rows.of(VisitStats.class)).single();
    }

    public PageResult<Visit> list(long customerId, PageRequest page) {
        List<Visit> items = jdbc.sql("""
                SELECT v.id, v.customer_id, v.outlet_id, o.name AS outlet_name, v.visited_at, v.amount, v.items,
                       v.receipt_no
                FROM visit v JOIN org_unit o ON o.id = v.outlet_id
                WHERE v.customer_id = :c ORDER BY v.visited_at DESC, v.id DESC LIMIT :limit OFFSET :offset""")
                .param("c", customerId).param("limit", page.size()).param("offset", page.offset())
                .query(Rows.of(Visit.class)).list();
        long total = jdbc.sql("SELECT COUNT(*) FROM visit WHERE customer_id = :c").param("c", customerId)
                .query(Long.class).single();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** Inserts unless a visit with the same dedup key exists; returns the new id or -1. The caller's transaction must end after a -1 (PostgreSQL aborts it). */
    public long insert(long customerId, VisitForm f, UUID dedupKey) {
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                INSERT INTO visit (customer_id, outlet_id, visited_at, amount, items, receipt_no, dedup_key)
                VALUES (:c, :o, :at, :amount, :items, :receipt, :key)""")
                .param("c", customerId).param("o", f.outletId()).param("at", f.visitedAt())
                .param("amount", f.amount()).param("items", f.items())
                .param("receipt", f.receiptNo() == null || f.receiptNo().isBlank() ? null : f.receiptNo().strip())
                .param("key", dedupKey).update(keys, "id");
        } catch (DuplicateKeyException e) {
            return -1;
        }
        return keys.getKey().longValue();
    }

    /** One SQL pass: visits per customer in the window, bucketed by the tier thresholds, per home outlet. */
    public List<TierMix> tierMix(OutletScope scope, InsightSettings s, LocalDateTime since) {
        return scope.bind(jdbc.sql("""
                SELECT o.id AS outlet_id, o.name AS outlet_name,
                       SUM(CASE WHEN COALESCE(v.n, 0) >= :heavy THEN 1 ELSE 0 END) AS heavy,
                       SUM(CASE WHEN COALESCE(v.n, 0) >= :medium AND COALESCE(v.n, 0) < :heavy THEN 1 ELSE 0 END) AS medium,
                       SUM(CASE WHEN COALESCE(v.n, 0) >= :light AND COALESCE(v.n, 0) < :medium THEN 1 ELSE 0 END) AS light,
                       SUM(CASE WHEN COALESCE(v.n, 0) < :light THEN 1 ELSE 0 END) AS lapsed
                FROM customer c
                JOIN org_unit o ON o.id = c.home_outlet_id
                LEFT JOIN (SELECT customer_id, COUNT(*) AS n FROM visit WHERE visited_at >= :since
                           GROUP BY customer_id) v ON v.customer_id = c.id
                WHERE %s
                GROUP BY o.id, o.name ORDER BY o.name""".formatted(scope.sqlFilter("c.home_outlet_id"))))
                .param("heavy", s.heavyMinVisits()).param("medium", s.mediumMinVisits())
                .param("light", s.lightMinVisits()).param("since", since)
                .query(Rows.of(TierMix.class)).list();
    }
}
