package com.serviceloop.customer;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.Roles;
import com.serviceloop.organisation.UnitKind;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.PageResult;
import com.serviceloop.platform.TableWriter;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The loyal-customer roster of one outlet, read from customer_stats. Contact data (phone, email)
 * goes only to those who serve customers (administrators, managers, staff); auditors see the
 * roster without it, on screen and in exports.
 */
@Service
public class RosterService {
    private final RosterRepository roster;
    private final OrgService org;

    public RosterService(RosterRepository roster, OrgService org) {
        this.roster = roster;
        this.org = org;
    }

    /** The outlet, if the caller may see it; else 404, as for anything out of scope. */
    public OrgUnit outlet(AppUser user, long outletId) {
        OrgUnit unit = org.get(user, outletId);
        if (unit.kind() != UnitKind.OUTLET) {
            throw new NotFoundException("Outlet", outletId);
        }
        return unit;
    }

    public PageResult<RosterEntry> roster(AppUser user, long outletId, RosterQuery q) {
        outlet(user, outletId);
        return roster.roster(org.scopeOf(user), outletId, q, Roles.servesCustomers(user));
    }

    public Map<RosterGroup, Long> groupCounts(AppUser user, long outletId) {
        outlet(user, outletId);
        return roster.groupCounts(org.scopeOf(user), outletId);
    }

    /** When the figures were last computed for the outlet; empty before the first refresh. */
    public LocalDateTime refreshedAt(long outletId) {
        return roster.refreshedAt(outletId).orElse(null);
    }

    /** The columns of an export; the contact columns only for those who may see them. */
    static List<String> columns(boolean contacts) {
        List<String> c = new ArrayList<>(List.of("member_no", "name"));
        if (contacts) {
            c.addAll(List.of("phone", "email"));
        }
        c.addAll(List.of("roster_group", "tier", "loyalty", "visits_12_months", "visits_year_before", "last_visit",
                "would_recommend", "customer_value", "mean_gap_days"));
        return c;
    }

    static Object[] cells(RosterEntry e, boolean contacts, Function<LocalDateTime, Object> time) {
        List<Object> c = new ArrayList<>(List.of(e.memberNo(), e.name()));
        if (contacts) {
            c.add(e.phone());
            c.add(e.email());
        }
        c.addAll(Arrays.asList(e.rosterGroup() == null ? null : e.rosterGroup().name(), e.tier().name(),
                e.loyalty().name(), e.visits365(), e.visitsPrev365(), time.apply(e.lastVisitAt()),
                e.wouldRecommend(), e.customerValue(), e.meanGapDays()));
        return c.toArray();
    }

    /** The whole roster with the same filters, as CSV or Excel (the caller's opener); the file opens once the outlet is allowed. */
    @Transactional(readOnly = true)
    public void export(AppUser user, long outletId, RosterQuery q, TableWriter.Opener open) throws IOException {
        OrgUnit outlet = outlet(user, outletId);
        boolean contacts = Roles.servesCustomers(user);
        try (TableWriter out = open.apply(columns(contacts))) {
            roster.forEach(org.scopeOf(user), outlet.id(), q, contacts, e -> out.row(cells(e, contacts, t -> t)));
        }
    }
}
