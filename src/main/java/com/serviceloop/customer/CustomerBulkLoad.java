package com.serviceloop.customer;

import com.serviceloop.platform.Rows;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers and visits in bulk for a caller that made the rows itself (the demo chain), so they
 * skip CustomerService's per-row scope and duplicate checks: one batch per table is the point.
 * A duplicate member number or visit key fails the whole load.
 */
@Service
public class CustomerBulkLoad {
    // keeps the IN list well below the bind-parameter limits of PostgreSQL and H2
    private static final int READ_BACK_CHUNK = 1000;
    private final JdbcTemplate batch;
    private final JdbcClient jdbc;

    public CustomerBulkLoad(JdbcTemplate batch, JdbcClient jdbc) {
        this.batch = batch;
        this.jdbc = jdbc;
    }

    public record NewCustomer(String memberNo, String name, String phone, long homeOutletId, String gender,
                              String ageBand, String incomeBand, String education, String socialClass,
                              String valuesNote, String habits, String expectations, Integer wouldRecommend,
                              boolean consentContact, boolean consentSurvey, boolean consentAnalysis) {
    }

    public record NewVisit(long customerId, long outletId, LocalDateTime visitedAt, BigDecimal amount, int items,
                           UUID dedupKey) {
    }

    /** A customer as stored: what a caller needs to give it visits. */
    public record Member(long id, String memberNo, long homeOutletId) {
    }

    /** Returns the stored customers in the order of the rows given. */
    @Transactional
    public List<Member> insertCustomers(List<NewCustomer> rows) {
        List<Object[]> args = new ArrayList<>(rows.size());
        for (NewCustomer c : rows) {
            args.add(new Object[] {c.memberNo(), c.name(), c.phone(), c.homeOutletId(), c.gender(), c.ageBand(),
                    c.incomeBand(), c.education(), c.socialClass(), c.valuesNote(), c.habits(), c.expectations(),
                    c.wouldRecommend(), c.consentContact(), c.consentSurvey(), c.consentAnalysis()});
        }
        batch.batchUpdate("""
                INSERT INTO customer (member_no, name, phone, home_outlet_id, gender, age_band, income_band, education,
                    social_class, values_note, habits, expectations, would_recommend, consent_contact, consent_survey,
                    consent_analysis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", args);
        Map<String, Member> stored = new HashMap<>();
        for (int from = 0; from < rows.size(); from += READ_BACK_CHUNK) {
            List<String> memberNos = rows.subList(from, Math.min(rows.size(), from + READ_BACK_CHUNK)).stream()
                    .map(NewCustomer::memberNo).toList();
            jdbc.sql("SELECT id, member_no, home_outlet_id FROM customer WHERE member_no IN (:m)")
                    .param("m", memberNos).query(Rows.of(Member.class)).list()
                    .forEach(m -> stored.put(m.memberNo(), m));
        }
        return rows.stream().map(c -> stored.get(c.memberNo())).toList();
    }

    /** Returns how many visits were stored. */
    @Transactional
    public int insertVisits(List<NewVisit> rows) {
        List<Object[]> args = new ArrayList<>(rows.size());
        for (NewVisit v : rows) {
            args.add(new Object[] {v.customerId(), v.outletId(), Timestamp.valueOf(v.visitedAt()), v.amount(), v.items(),
                    v.dedupKey()});
        }
        batch.batchUpdate("INSERT INTO visit (customer_id, outlet_id, visited_at, amount, items, dedup_key) "
                + "VALUES (?, ?, ?, ?, ?, ?)", args);
        return rows.size();
    }

    /** Ids of the customers whose home outlet this is, in id order. */
    public List<Long> customerIdsAt(long outletId) {
        return jdbc.sql("SELECT id FROM customer WHERE home_outlet_id = :o ORDER BY id")
                .param("o", outletId).query(Long.class).list();
    }
}
