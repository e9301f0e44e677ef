package com.serviceloop.customer;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.Roles;
import com.serviceloop.organisation.UnitKind;
import com.serviceloop.platform.CsvFiles;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.OutletScope;
import com.serviceloop.platform.PageResult;
import com.serviceloop.platform.XlsxDownload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVPrinter;
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

    @Transactional(readOnly = true)
    public void exportCsv(AppUser user, long outletId, RosterQuery q, Writer out) throws IOException {
        outlet(user, outletId);
        boolean contacts = Roles.servesCustomers(user);
        CSVPrinter csv = CsvFiles.printer(out);
        csv.printRecord(columns(contacts));
        roster.forEach(org.scopeOf(user), outletId, q, contacts, e -> {
            try {
                csv.printRecord(CsvFiles.safe(cells(e, contacts, t -> t)));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
        csv.flush();
    }

    @Transactional(readOnly = true)
    public void exportXlsx(AppUser user, long outletId, RosterQuery q, XlsxFactory files) throws IOException {
        OrgUnit outlet = outlet(user, outletId);
        boolean contacts = Roles.servesCustomers(user);
        OutletScope scope = org.scopeOf(user);
        try (XlsxDownload xlsx = files.open(columns(contacts))) {
            roster.forEach(scope, outlet.id(), q, contacts, e -> xlsx.row(cells(e, contacts, t -> t)));
        }
    }

    /** Opens the workbook once the header is known (the caller holds the response). */
    @FunctionalInterface
    public interface XlsxFactory {
        XlsxDownload open(List<String> header);
    }
}
