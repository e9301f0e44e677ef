package com.serviceloop.customer;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.OutletScope;
import com.serviceloop.platform.PageRequest;
import com.serviceloop.platform.PageResult;
import com.serviceloop.platform.Rows;
import com.serviceloop.platform.TableWriter;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The open contact items of one person or one outlet, earliest due first. Each list is one range
 * scan of an index on contact_due (outlet or assignee, open marker, due day) joined by primary key
 * to the customer, the rule and the person; a customer who withdrew consent since the last run is
 * left out by the join. (PostgreSQL, 200,000 customers, 430,000 items of which 30,000 open: a page
 * 2.6 ms, its count 32 ms as an index-only scan; see notes-contacts.md.)
 */
@Service
public class ContactDueList {
    private static final String FROM = """
            FROM contact_due d JOIN customer c ON c.id = d.customer_id JOIN contact_rule r ON r.id = d.rule_id
            JOIN org_unit o ON o.id = d.outlet_id LEFT JOIN person p ON p.id = d.assignee_id
            WHERE d.closed_seq = 0 AND c.consent_contact = TRUE AND\s""";
    private static final String SELECT = """
            SELECT d.id, d.rule_id, r.name AS rule_name, r.kind, d.roster_group, d.outlet_id, o.name AS outlet_name,
                   d.customer_id, c.name AS customer_name, c.member_no, c.phone, d.assignee_id,
                   p.display_name AS assignee_name, d.due_on, d.last_visit
            """;
    private final JdbcClient jdbc;
    private final OrgService org;

    public ContactDueList(JdbcClient jdbc, OrgService org) {
        this.jdbc = jdbc;
        this.org = org;
    }

    /** The items of an outlet in the caller's scope (all of them, whoever is to call). */
    public PageResult<ContactDueItem> ofOutlet(AppUser user, long outletId, PageRequest page) {
        OutletScope scope = org.scopeOf(user);
        if (!scope.contains(outletId)) {
            throw BadInputException.of("outletId", "error.customer.noOutlet", String.valueOf(outletId));
        }
        return page(scope, "d.outlet_id = :o", "o", outletId, page);
    }

    /** The items given to one person, in the caller's scope. */
    public PageResult<ContactDueItem> ofPerson(AppUser user, long personId, PageRequest page) {
        return page(org.scopeOf(user), "d.assignee_id = :p", "p", personId, page);
    }

    private PageResult<ContactDueItem> page(OutletScope scope, String condition, String name, long value,
                                            PageRequest page) {
        String where = condition + " AND " + scope.sqlFilter("d.outlet_id");
        var items = scope.bind(jdbc.sql(SELECT + FROM + where + " ORDER BY d.due_on, d.id LIMIT :limit OFFSET :offset"))
                .param(name, value).param("limit", page.size()).param("offset", page.offset())
                .query(Rows.of(ContactDueItem.class)).list();
        // counted from the index alone (no join): a customer who withdrew consent since the last run is left
        // out of the rows at once but still counted until the next run closes the item
        long total = scope.bind(jdbc.sql("SELECT COUNT(*) FROM contact_due d WHERE d.closed_seq = 0 AND " + where))
                .param(name, value).query(Long.class).single();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    private static final List<String> HEADER = List.of("due_on", "rule", "kind", "roster_group", "member_no", "customer",
            "phone", "last_visit", "assignee");

    /** The whole open list of an outlet as CSV or Excel; the file opens only once the outlet is allowed. */
    public void exportOutlet(AppUser user, long outletId, TableWriter.Opener open) throws IOException {
        OutletScope scope = scopeWith(user, outletId);
        try (TableWriter out = open.apply(HEADER)) {
            forEachOfOutlet(scope, outletId, i -> out.row(cells(i)));
        }
    }

    private OutletScope scopeWith(AppUser user, long outletId) {
        OutletScope scope = org.scopeOf(user);
        if (!scope.contains(outletId)) {
            throw BadInputException.of("outletId", "error.customer.noOutlet", String.valueOf(outletId));
        }
        return scope;
    }

    private void forEachOfOutlet(OutletScope scope, long outletId, Consumer<ContactDueItem> sink) {
        try (Stream<ContactDueItem> rows = scope.bind(jdbc.sql(SELECT + FROM + "d.outlet_id = :o AND "
                        + scope.sqlFilter("d.outlet_id") + " ORDER BY d.due_on, d.id"))
                .param("o", outletId).query(Rows.of(ContactDueItem.class)).stream()) {
            rows.forEach(sink);
        }
    }

    private static Object[] cells(ContactDueItem i) {
        return new Object[] {i.dueOn(), i.ruleName(), i.kind(), i.rosterGroup(), i.memberNo(), i.customerName(), i.phone(),
                i.lastVisit(), i.assigneeName()};
    }
}
