package com.serviceloop.customer;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.ChainScope;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.Person;
import com.serviceloop.organisation.PersonService;
import com.serviceloop.organisation.Role;
import com.serviceloop.organisation.UnitKind;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.OutletScope;
import com.serviceloop.platform.Rows;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contact rules: chain-wide ones (outlet null) apply to every outlet and are written by those who
 * change what applies to every outlet; an outlet's own rules by its managers.
 */
@Service
public class ContactRules {
    static final String SELECT = """
            SELECT r.id, r.outlet_id, o.name AS outlet_name, r.name, r.kind, r.roster_group, r.period_days,
                   r.lead_days, r.lapse_days, r.window_days, r.assignee_id, p.display_name AS assignee_name,
                   r.active, r.version
            FROM contact_rule r LEFT JOIN org_unit o ON o.id = r.outlet_id
            LEFT JOIN person p ON p.id = r.assignee_id""";
    private static final Set<RosterGroup> LAPSED = Set.of(RosterGroup.LAPSED_HEAVY, RosterGroup.LAPSED_MEDIUM);
    private final JdbcClient jdbc;
    private final OrgService org;
    private final PersonService people;
    private final ChainScope chainScope;

    public ContactRules(JdbcClient jdbc, OrgService org, PersonService people, ChainScope chainScope) {
        this.jdbc = jdbc;
        this.org = org;
        this.people = people;
        this.chainScope = chainScope;
    }

    /** The rules that apply in the caller's outlets: the chain-wide ones and their outlets' own. */
    public List<ContactRule> list(AppUser user) {
        OutletScope scope = org.scopeOf(user);
        return scope.bind(jdbc.sql(SELECT + " WHERE r.outlet_id IS NULL OR " + scope.sqlFilter("r.outlet_id")
                + " ORDER BY r.outlet_id NULLS FIRST, r.name, r.id")).query(Rows.of(ContactRule.class)).list();
    }

    public ContactRule get(AppUser user, long id) {
        OutletScope scope = org.scopeOf(user);
        return scope.bind(jdbc.sql(SELECT + " WHERE r.id = :id AND (r.outlet_id IS NULL OR "
                        + scope.sqlFilter("r.outlet_id") + ")")).param("id", id)
                .query(Rows.of(ContactRule.class)).optional().orElseThrow(() -> new NotFoundException("Contact rule", id));
    }

    /** Every active rule that applies to the outlet (the job's view, without a caller). */
    List<ContactRule> activeFor(long outletId) {
        return jdbc.sql(SELECT + " WHERE r.active = TRUE AND (r.outlet_id IS NULL OR r.outlet_id = :o) ORDER BY r.id")
                .param("o", outletId).query(Rows.of(ContactRule.class)).list();
    }

    /**
     * Adds a rule: an outlet's own ({@code chainWide} false, outlet required) or one for every outlet
     * ({@code chainWide} true, no outlet), each through its own operation with its own role rule.
     */
    @Transactional
    public ContactRule create(AppUser user, ContactRuleForm f, boolean chainWide) {
        sameReach(f, chainWide);
        check(user, f);
        var keys = new GeneratedKeyHolder();
        bind(jdbc.sql("""
                INSERT INTO contact_rule (outlet_id, name, kind, roster_group, period_days, lead_days, lapse_days,
                    window_days, assignee_id, active)
                VALUES (:outlet, :name, :kind, :grp, :period, :lead, :lapse, :window, :assignee, :active)"""), f)
                .update(keys, "id");
        return get(user, keys.getKey().longValue());
    }

    @Transactional
    public ContactRule update(AppUser user, long id, ContactRuleForm f, boolean chainWide) {
        ContactRule current = reached(user, id, chainWide);
        sameReach(f, chainWide);
        mayWrite(user, current.outletId());
        check(user, f);
        int version = f.version() == null ? current.version() : f.version();
        int n = bind(jdbc.sql("""
                UPDATE contact_rule SET outlet_id = :outlet, name = :name, kind = :kind, roster_group = :grp,
                    period_days = :period, lead_days = :lead, lapse_days = :lapse, window_days = :window,
                    assignee_id = :assignee, active = :active, updated_at = CURRENT_TIMESTAMP, version = version + 1
                WHERE id = :id AND version = :version"""), f).param("id", id).param("version", version).update();
        if (n != 1) {
            throw ConflictException.of("error.customer.contactRuleChanged", String.valueOf(id));
        }
        if (current.kind() != f.kind() || current.rosterGroup() != f.rosterGroup() || !f.active()) {
            // open items were chosen by the old definition; the next run chooses again
            jdbc.sql("UPDATE contact_due SET closed_seq = id, closed_how = 'RULE_CHANGED', closed_at = CURRENT_TIMESTAMP "
                    + "WHERE rule_id = :id AND closed_seq = 0").param("id", id).update();
        }
        return get(user, id);
    }

    /** A rule with contacts recorded under it keeps its history: switch it off instead. */
    @Transactional
    public void delete(AppUser user, long id, boolean chainWide) {
        ContactRule current = reached(user, id, chainWide);
        mayWrite(user, current.outletId());
        long contacts = jdbc.sql("SELECT COUNT(*) FROM contact WHERE rule_id = :id").param("id", id)
                .query(Long.class).single();
        if (contacts > 0) {
            throw ConflictException.of("error.customer.contactRuleUsed", String.valueOf(contacts));
        }
        jdbc.sql("DELETE FROM contact_due WHERE rule_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM contact_rule WHERE id = :id").param("id", id).update();
    }

    /** The rule, if it is of the reach the operation is for (an outlet's, or every outlet's). */
    private ContactRule reached(AppUser user, long id, boolean chainWide) {
        ContactRule r = get(user, id);
        if ((r.outletId() == null) != chainWide) {
            throw new NotFoundException("Contact rule", id);
        }
        return r;
    }

    private static void sameReach(ContactRuleForm f, boolean chainWide) {
        if (chainWide && f.outletId() != null) {
            throw BadInputException.of("outletId", "error.customer.contactChainWideOutlet");
        }
        if (!chainWide && f.outletId() == null) {
            throw BadInputException.of("outletId", "error.customer.contactOutletNeeded");
        }
    }

    private void check(AppUser user, ContactRuleForm f) {
        if (f.outletId() != null) {
            OrgUnit outlet = org.find(f.outletId()).filter(u -> u.kind() == UnitKind.OUTLET)
                    .filter(u -> org.scopeOf(user).contains(u.id())).orElse(null);
            if (outlet == null) {
                throw BadInputException.of("outletId", "error.customer.noOutlet", String.valueOf(f.outletId()));
            }
        }
        mayWrite(user, f.outletId());
        if (f.kind().periodic() && f.periodDays() == null) {
            throw BadInputException.of("periodDays", "error.customer.contactPeriodNeeded");
        }
        switch (f.kind()) {
            case THANK -> {
                if (f.rosterGroup() == null) {
                    throw BadInputException.of("rosterGroup", "error.customer.contactGroupNeeded");
                }
            }
            case ASK_LATENT -> {
                if (f.rosterGroup() != null && f.rosterGroup() != RosterGroup.LATENT) {
                    throw BadInputException.of("rosterGroup", "error.customer.contactGroupWrong", "LATENT");
                }
            }
            case WIN_BACK -> {
                if (f.rosterGroup() == null || !LAPSED.contains(f.rosterGroup())) {
                    throw BadInputException.of("rosterGroup", "error.customer.contactGroupWrong",
                            "LAPSED_HEAVY, LAPSED_MEDIUM");
                }
                if (f.lapseDays() == null) {
                    throw BadInputException.of("lapseDays", "error.customer.contactLapseNeeded");
                }
                if (f.windowDays() == null) {
                    throw BadInputException.of("windowDays", "error.customer.contactWindowNeeded");
                }
            }
            case REFILL -> {
                if (f.rosterGroup() != null) {
                    throw BadInputException.of("rosterGroup", "error.customer.contactGroupWrong", "-");
                }
            }
        }
        if (f.assigneeId() != null) {
            Person p = people.find(f.assigneeId()).filter(Person::active)
                    .filter(x -> x.role() == Role.STAFF || x.role() == Role.MANAGER || x.role() == Role.ADMIN)
                    .orElse(null);
            if (p == null) {
                throw BadInputException.of("assigneeId", "error.customer.contactNoPerson", String.valueOf(f.assigneeId()));
            }
        }
    }

    private void mayWrite(AppUser user, Long outletId) {
        if (outletId == null && !chainScope.allows(user)) {
            throw new AccessDeniedException("chain-wide contact rules need a chain-wide role");
        }
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, ContactRuleForm f) {
        RosterGroup group = f.kind() == ContactKind.ASK_LATENT ? RosterGroup.LATENT : f.rosterGroup();
        return spec.param("outlet", f.outletId()).param("name", f.name().strip()).param("kind", f.kind().name())
                .param("grp", group == null ? null : group.name())
                .param("period", f.kind().periodic() ? f.periodDays() : null).param("lead", f.leadDays())
                .param("lapse", f.kind() == ContactKind.WIN_BACK ? f.lapseDays() : null)
                .param("window", f.kind() == ContactKind.WIN_BACK ? f.windowDays() : null)
                .param("assignee", f.assigneeId()).param("active", f.active());
    }
}
