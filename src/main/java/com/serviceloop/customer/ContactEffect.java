package com.serviceloop.customer;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.platform.OutletScope;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A simple comparison per rule, not a causal claim: of the customers the outlet reached under the
 * rule, how many came back within 90 days of the contact; of those due under the same rule but not
 * reached, how many came back within 90 days of the due day. Only contacts and due days at least
 * 90 days old count, so every window is complete. A contact that did not reach the customer (no
 * answer, wrong number) counts on the not-reached side.
 */
@Service
public class ContactEffect {
    static final int WINDOW_DAYS = 90;
    static final String REACHED = "'REACHED', 'DECLINED', 'WILL_COME_BACK', 'COMPLAINT_RAISED'";
    private final JdbcClient jdbc;
    private final OrgService org;
    private final ContactRules rules;
    private final Clock clock;

    public ContactEffect(JdbcClient jdbc, OrgService org, ContactRules rules, Clock clock) {
        this.jdbc = jdbc;
        this.org = org;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * The two groups of one rule; the rates are null for an empty group, the difference (reached rate minus
     * not-reached rate, in percentage points, one decimal) when either is.
     */
    public record RuleEffect(long ruleId, String ruleName, ContactKind kind, long reached, long reachedReturned,
                             Double reachedRate, long notReached, long notReachedReturned, Double notReachedRate,
                             Double differencePoints) {
        static RuleEffect of(ContactRule r, long reached, long reachedReturned, long notReached,
                             long notReachedReturned) {
            Double a = reached == 0 ? null : (double) reachedReturned / reached;
            Double b = notReached == 0 ? null : (double) notReachedReturned / notReached;
            Double diff = a == null || b == null ? null : Math.round((a - b) * 1000) / 10.0;
            return new RuleEffect(r.id(), r.name(), r.kind(), reached, reachedReturned, a, notReached,
                    notReachedReturned, b, diff);
        }
    }

    private record Counts(long n, long returned) {
    }

    public List<RuleEffect> perRule(AppUser user) {
        OutletScope scope = org.scopeOf(user);
        LocalDate cutoff = LocalDate.now(clock).minusDays(WINDOW_DAYS);
        Map<Long, Counts> reached = new HashMap<>();
        scope.bind(jdbc.sql("""
                SELECT k.rule_id, COUNT(*),
                       SUM(CASE WHEN EXISTS (SELECT 1 FROM visit v WHERE v.customer_id = k.customer_id
                           AND v.visited_at > k.contacted_at
                           AND v.visited_at <= k.contacted_at + INTERVAL '90' DAY) THEN 1 ELSE 0 END)
                FROM contact k
                WHERE k.rule_id IS NOT NULL AND k.outcome IN (%s) AND k.contacted_at < :cutoff AND %s
                GROUP BY k.rule_id""".formatted(REACHED, scope.sqlFilter("k.outlet_id"))))
                .param("cutoff", cutoff.atStartOfDay())
                .query(rs -> {
                    reached.put(rs.getLong(1), new Counts(rs.getLong(2), rs.getLong(3)));
                });
        Map<Long, Counts> notReached = new HashMap<>();
        scope.bind(jdbc.sql("""
                SELECT d.rule_id, COUNT(*),
                       SUM(CASE WHEN EXISTS (SELECT 1 FROM visit v WHERE v.customer_id = d.customer_id
                           AND v.visited_at >= CAST(d.due_on AS TIMESTAMP)
                           AND v.visited_at < CAST(d.due_on AS TIMESTAMP) + INTERVAL '90' DAY) THEN 1 ELSE 0 END)
                FROM contact_due d
                WHERE d.due_on < :cutoff AND %s AND NOT EXISTS (SELECT 1 FROM contact k WHERE k.due_id = d.id
                      AND k.outcome IN (%s))
                GROUP BY d.rule_id""".formatted(scope.sqlFilter("d.outlet_id"), REACHED)))
                .param("cutoff", cutoff)
                .query(rs -> {
                    notReached.put(rs.getLong(1), new Counts(rs.getLong(2), rs.getLong(3)));
                });
        return rules.list(user).stream().map(r -> {
            Counts a = reached.getOrDefault(r.id(), new Counts(0, 0));
            Counts b = notReached.getOrDefault(r.id(), new Counts(0, 0));
            return RuleEffect.of(r, a.n(), a.returned(), b.n(), b.returned());
        }).toList();
    }
}
