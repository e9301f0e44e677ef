package com.serviceloop.customer;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.OutletScope;
import com.serviceloop.platform.Rows;
import com.serviceloop.platform.Text;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records contacts with their outcome, clears the due item they answer, and lists a customer's contacts. */
@Service
public class ContactLog {
    /** A contact may be entered afterwards, but not for a day more than a year back. */
    static final int MAX_DAYS_BACK = 366;
    private static final String SELECT = """
            SELECT k.id, k.customer_id, k.rule_id, r.name AS rule_name, k.outcome, k.note, k.contacted_at,
                   k.by_person_id, p.display_name AS by_name
            FROM contact k LEFT JOIN contact_rule r ON r.id = k.rule_id JOIN person p ON p.id = k.by_person_id""";
    private final JdbcClient jdbc;
    private final OrgService org;
    private final CustomerRepository customers;
    private final ContactRules rules;
    private final Clock clock;

    public ContactLog(JdbcClient jdbc, OrgService org, CustomerRepository customers, ContactRules rules, Clock clock) {
        this.jdbc = jdbc;
        this.org = org;
        this.customers = customers;
        this.rules = rules;
        this.clock = clock;
    }

    @Transactional
    public ContactRecord record(AppUser user, ContactForm f) {
        OutletScope scope = org.scopeOf(user);
        Customer c = customers.findById(scope, f.customerId()).orElseThrow(() ->
                BadInputException.of("customerId", "error.customer.contactNoCustomer", String.valueOf(f.customerId())));
        if (!c.consentContact()) {
            throw BadInputException.of("customerId", "error.customer.contactNoConsent", c.name());
        }
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime at = f.contactedAt() == null ? now : f.contactedAt();
        if (at.isAfter(now.plusMinutes(5)) || at.isBefore(now.minusDays(MAX_DAYS_BACK))) {
            throw BadInputException.of("contactedAt", "error.customer.contactWhen", MAX_DAYS_BACK);
        }
        Long ruleId = f.ruleId();
        Long dueId = f.dueId();
        if (f.dueId() != null) {
            Long dueRule = jdbc.sql("SELECT rule_id FROM contact_due WHERE id = :d AND customer_id = :c AND closed_seq = 0")
                    .param("d", f.dueId()).param("c", c.id()).query(Long.class).optional().orElseThrow(() ->
                            BadInputException.of("dueId", "error.customer.contactNoDue", String.valueOf(f.dueId())));
            if (ruleId != null && !ruleId.equals(dueRule)) {
                throw BadInputException.of("ruleId", "error.customer.contactRuleMismatch", String.valueOf(dueRule));
            }
            ruleId = dueRule;
        } else if (ruleId != null) {
            try {
                rules.get(user, ruleId);
            } catch (RuntimeException notVisible) {
                throw BadInputException.of("ruleId", "error.customer.contactNoRule", String.valueOf(ruleId));
            }
            dueId = jdbc.sql("SELECT id FROM contact_due WHERE rule_id = :r AND customer_id = :c AND closed_seq = 0")
                    .param("r", ruleId).param("c", c.id()).query(Long.class).optional().orElse(null);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO contact (customer_id, outlet_id, rule_id, due_id, outcome, note, contacted_at, by_person_id)
                VALUES (:c, :o, :r, :d, :outcome, :note, :at, :by)""")
                .param("c", c.id()).param("o", c.homeOutletId()).param("r", ruleId).param("d", dueId)
                .param("outcome", f.outcome().name()).param("note", Text.blankToNull(f.note())).param("at", at)
                .param("by", user.id()).update(keys, "id");
        if (dueId != null) {
            jdbc.sql("""
                    UPDATE contact_due SET closed_seq = id, closed_how = 'CONTACTED', closed_at = :now
                    WHERE id = :d AND closed_seq = 0""").param("now", now).param("d", dueId).update();
        }
        return jdbc.sql(SELECT + " WHERE k.id = :id").param("id", keys.getKey().longValue())
                .query(Rows.of(ContactRecord.class)).single();
    }

    /** The customer's contacts, newest first (the last hundred). */
    public List<ContactRecord> history(AppUser user, long customerId) {
        customers.findById(org.scopeOf(user), customerId).orElseThrow(() ->
                new NotFoundException("Customer", customerId));
        return jdbc.sql(SELECT + " WHERE k.customer_id = :c ORDER BY k.contacted_at DESC, k.id DESC LIMIT 100")
                .param("c", customerId).query(Rows.of(ContactRecord.class)).list();
    }
}
