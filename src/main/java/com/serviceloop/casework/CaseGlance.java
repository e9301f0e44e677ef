package com.serviceloop.casework;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.platform.OutletScope;
import com.serviceloop.platform.Rows;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a phone shows of a case at a glance: the time left on its nearest deadline, and the
 * customer's other cases (a customer who complains for the third time is handled differently).
 */
@Component
class CaseGlance {
    private static final int OTHER_CASES = 10;
    private final JdbcClient jdbc;
    private final OrgService org;
    private final Clock clock;

    CaseGlance(JdbcClient jdbc, OrgService org, Clock clock) {
        this.jdbc = jdbc;
        this.org = org;
        this.clock = clock;
    }

    /**
     * The nearest deadline of each listed case among its running clocks; a case with none (closed,
     * waiting for the customer, no target) is absent. The ids come from a list already in scope.
     */
    Map<Long, TimeLeft> nearestDeadlines(List<Long> caseIds) {
        Map<Long, TimeLeft> nearest = new HashMap<>();
        if (caseIds.isEmpty()) {
            return nearest;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                SELECT case_id, clock_kind, warn_at, due_at FROM case_clock
                WHERE case_id IN (:ids) AND stopped_at IS NULL AND due_at IS NOT NULL ORDER BY due_at DESC""")
                .param("ids", caseIds)
                // latest first, so that a case's nearest deadline is put last and stays
                .query(rs -> {
                    nearest.put(rs.getLong(1), TimeLeft.of(SlaKind.valueOf(rs.getString(2)),
                            rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class), now));
                });
        return nearest;
    }

    TimeLeft nearestDeadline(long caseId) {
        return nearestDeadlines(List.of(caseId)).get(caseId);
    }

    /** The phone number of the case's customer: the case is in scope, so its customer is too. */
    String phone(long customerId) {
        List<String> phones = jdbc.sql("SELECT phone FROM customer WHERE id = :id").param("id", customerId)
                .query(String.class).list();
        return phones.isEmpty() ? null : phones.getFirst();
    }

    /** The customer's other cases in the user's scope, newest first; none for an anonymous case. */
    List<SupportCase> otherCases(AppUser user, SupportCase c) {
        if (c.customerId() == null) {
            return List.of();
        }
        OutletScope scope = org.scopeOf(user);
        return scope.bind(jdbc.sql(CaseQueries.SELECT + " WHERE c.customer_id = :customer AND c.id <> :id AND "
                        + scope.sqlFilter("c.outlet_id") + " ORDER BY c.created_at DESC, c.id DESC LIMIT " + OTHER_CASES))
                .param("customer", c.customerId()).param("id", c.id())
                .query(Rows.of(SupportCase.class)).list();
    }
}
