package com.serviceloop.customer;

import com.serviceloop.Fixtures;
import com.serviceloop.organisation.AppUser;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Six customers of one outlet with hand-computed figures (defaults: heavy 40, medium 10, light 1
 * visits; 5 years; word of mouth 1.2; promoter from 9). "d days ago" is counted from the clock.
 * <pre>
 * A  wr 10  12 visits, 1+30k days ago (k 0..11), 50.00 / 2 items each
 *           MEDIUM, TRUE_LOYAL, TRULY_LOYAL; value 25.0000 x 2.0000 x 12 x 5 x 1.2 = 3600.00;
 *           gap over the last 6: (151-1)/5 = 30.00; returned (30 <= 90)
 * B  wr 5   10 visits, 10+30k days ago (k 0..9), 33.33 / 3 each
 *           MEDIUM, SPURIOUS, SPURIOUS; value 11.1100 x 3.0000 x 10 x 6 = 1999.80; gap 30.00; returned
 * C  wr 10  45 visits, 400+5k days ago (k 0..44) = the year before only, 20.00 / 1 each
 *           LAPSED, LATENT, LAPSED_HEAVY (45 >= 40 the year before); value 0.00 (no visit this year); gap 5.00
 * D  wr -   12 visits 400+20k days ago (k 0..11) and one 200 days ago, 100.00 / 4 each
 *           LIGHT, NONE, LAPSED_MEDIUM (12 >= 10 the year before); value 25 x 4 x 1 x 6 = 600.00;
 *           gap (480-200)/5 = 56.00; not returned (200 - 400: 200 days)
 * E  wr 9   2 visits, 150 days ago (10.00 / 3) and 100 days ago (10.01 / 4)
 *           LIGHT, LATENT, LATENT; item value 20.01/7 = 2.8586, per visit 3.5000:
 *           2.8586 x 3.5 x 2 x 6 = 120.0612 -> 120.06; gap 50.00; returned (50 <= 90)
 * F  wr 3   no visits: LAPSED, NONE, no group, value 0.00, no gap
 * </pre>
 * Signals: B has 2 complaints 10 days ago (and a request, not counted); A one complaint 400 days
 * ago (not counted). A answered two surveys (80, 90), E one (60).
 */
final class LoyaltyExample {
    final long a;
    final long b;
    final long c;
    final long d;
    final long e;
    final long f;

    LoyaltyExample(CustomerService customers, CustomerBulkLoad load, JdbcClient jdbc, Clock clock, AppUser admin,
                   long outletId) {
        LocalDateTime now = LocalDateTime.now(clock);
        a = customer(customers, admin, outletId, "张伟 A", 10);
        b = customer(customers, admin, outletId, "李娜 B", 5);
        c = customer(customers, admin, outletId, "王芳 C", 10);
        d = customer(customers, admin, outletId, "刘洋 D", null);
        e = customer(customers, admin, outletId, "陈静 E", 9);
        f = customer(customers, admin, outletId, "=HYPERLINK(\"x\") F", 3);
        List<CustomerBulkLoad.NewVisit> v = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            v.add(visit(a, outletId, now.minusDays(1 + 30L * k), "50.00", 2));
        }
        for (int k = 0; k < 10; k++) {
            v.add(visit(b, outletId, now.minusDays(10 + 30L * k), "33.33", 3));
        }
        for (int k = 0; k < 45; k++) {
            v.add(visit(c, outletId, now.minusDays(400 + 5L * k), "20.00", 1));
        }
        for (int k = 0; k < 12; k++) {
            v.add(visit(d, outletId, now.minusDays(400 + 20L * k), "100.00", 4));
        }
        v.add(visit(d, outletId, now.minusDays(200), "100.00", 4));
        v.add(visit(e, outletId, now.minusDays(150), "10.00", 3));
        v.add(visit(e, outletId, now.minusDays(100), "10.01", 4));
        load.insertVisits(v);
        OffsetDateTime at = OffsetDateTime.now(clock);
        supportCase(jdbc, outletId, b, "COMPLAINT", at.minusDays(10), admin.id());
        supportCase(jdbc, outletId, b, "COMPLAINT", at.minusDays(10), admin.id());
        supportCase(jdbc, outletId, b, "REQUEST", at.minusDays(10), admin.id());
        supportCase(jdbc, outletId, a, "COMPLAINT", at.minusDays(400), admin.id());
        response(jdbc, outletId, a, "80", at.minusDays(20));
        response(jdbc, outletId, a, "90", at.minusDays(5));
        response(jdbc, outletId, e, "60", at.minusDays(5));
    }

    private static long customer(CustomerService customers, AppUser admin, long outletId, String name, Integer wr) {
        return customers.create(admin, new CustomerForm(Fixtures.unique("L"), name, "139 0000 1111", "x@example.com",
                outletId, null, null, null, null, null, null, null, null, null, null, wr, true, false, false, null)).id();
    }

    private static CustomerBulkLoad.NewVisit visit(long customer, long outlet, LocalDateTime at, String amount, int items) {
        return new CustomerBulkLoad.NewVisit(customer, outlet, at, new BigDecimal(amount), items, UUID.randomUUID());
    }

    private static void supportCase(JdbcClient jdbc, long outlet, long customer, String type, OffsetDateTime at,
                                    long person) {
        jdbc.sql("""
                INSERT INTO support_case (outlet_id, customer_id, channel, case_type, severity, status, description,
                    owner_id, received_by, created_at, updated_at)
                VALUES (:o, :c, 'COUNTER', :t, 'LOW', 'RECEIVED', 'worked example', :p, :p, :at, :at)""")
                .param("o", outlet).param("c", customer).param("t", type).param("p", person).param("at", at).update();
    }

    private static void response(JdbcClient jdbc, long outlet, long customer, String satisfaction, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO survey_response (survey_id, outlet_id, link_token, channel, customer_id, complete,
                    satisfaction, submitted_at, submission_key)
                VALUES (999999, :o, 'example', 'LINK', :c, TRUE, :s, :at, :k)""")
                .param("o", outlet).param("c", customer).param("s", new BigDecimal(satisfaction)).param("at", at)
                .param("k", UUID.randomUUID().toString()).update();
    }
}
