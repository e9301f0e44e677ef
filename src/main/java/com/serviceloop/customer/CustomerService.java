package com.serviceloop.customer;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.UnitKind;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.OutletScope;
import com.serviceloop.platform.PageRequest;
import com.serviceloop.platform.PageResult;
import com.serviceloop.platform.Text;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CustomerService {
    private final CustomerRepository customers;
    private final VisitRepository visits;
    private final OrgService org;
    private final InsightSettingsService settings;
    private final Clock clock;
    private final CustomerStatsRefresh stats;

    public CustomerService(CustomerRepository customers, VisitRepository visits, OrgService org,
                           InsightSettingsService settings, Clock clock, CustomerStatsRefresh stats) {
        this.stats = stats;
        this.customers = customers;
        this.visits = visits;
        this.org = org;
        this.settings = settings;
        this.clock = clock;
    }

    public PageResult<Customer> search(AppUser user, String q, PageRequest page) {
        return customers.search(org.scopeOf(user), q, page);
    }

    public Customer get(AppUser user, long id) {
        return customers.findById(org.scopeOf(user), id).orElseThrow(() -> new NotFoundException("Customer", id));
    }

    @Transactional
    /**
     * A customer known only by name (and perhaps phone), recorded at the counter while taking a
     * complaint; the member number is made up so that it can be completed later.
     */
    public Customer quickCreate(AppUser user, long homeOutletId, String name, String phone) {
        String memberNo = "Q" + LocalDate.now(clock).format(DateTimeFormatter.ofPattern("yyMMdd")) + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).toUpperCase();
        return create(user, new CustomerForm(memberNo, name.strip(), Text.blankToNull(phone), null, homeOutletId,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null));
    }

    public Customer create(AppUser user, CustomerForm form) {
        OutletScope scope = org.scopeOf(user);
        checkOutlet(scope, form.homeOutletId(), "homeOutletId");
        if (customers.idByMemberNo(form.memberNo().strip()).isPresent()) {
            throw BadInputException.of("memberNo", "error.customer.memberNoTaken", form.memberNo().strip());
        }
        long id = customers.insert(form);
        stats.refreshCustomers(List.of(id));
        return get(user, id);
    }

    @Transactional
    public Customer update(AppUser user, long id, CustomerForm form) {
        OutletScope scope = org.scopeOf(user);
        Customer current = get(user, id);
        checkOutlet(scope, form.homeOutletId(), "homeOutletId");
        customers.idByMemberNo(form.memberNo().strip()).filter(other -> other != id).ifPresent(other -> {
            throw BadInputException.of("memberNo", "error.customer.memberNoTaken", form.memberNo().strip());
        });
        int version = form.version() == null ? current.version() : form.version();
        if (!customers.update(id, form, version)) {
            throw ConflictException.of("error.customer.changed", String.valueOf(id));
        }
        stats.refreshCustomers(List.of(id));
        return get(user, id);
    }

    public CustomerInsight insight(AppUser user, long id) {
        Customer c = get(user, id);
        return CustomerInsight.of(visits.stats(id, yearAgo()), c.wouldRecommend(), settings.current());
    }

    public PageResult<Visit> visits(AppUser user, long customerId, PageRequest page) {
        get(user, customerId);
        return visits.list(customerId, page);
    }

    @Transactional
    public long addVisit(AppUser user, long customerId, VisitForm form) {
        Customer c = get(user, customerId);
        OrgUnit outlet = checkOutlet(org.scopeOf(user), form.outletId(), "outletId");
        UUID key = VisitKey.of(c.memberNo(), outlet.code(), form.visitedAt(), form.amount(), form.items(), form.receiptNo());
        long id = visits.insert(customerId, form, key);
        if (id < 0) {
            throw ConflictException.of("error.customer.visitRecorded");
        }
        stats.refreshCustomers(List.of(customerId));
        return id;
    }

    public List<TierMix> tierMix(AppUser user) {
        return visits.tierMix(org.scopeOf(user), settings.current(), yearAgo());
    }

    private LocalDateTime yearAgo() {
        return LocalDateTime.now(clock).minusYears(1);
    }

    private OrgUnit checkOutlet(OutletScope scope, Long outletId, String field) {
        OrgUnit outlet = outletId == null ? null : org.find(outletId).filter(u -> u.kind() == UnitKind.OUTLET)
                .filter(u -> scope.contains(u.id())).orElse(null);
        if (outlet == null) {
            throw BadInputException.of(field, "error.customer.noOutlet", String.valueOf(outletId));
        }
        return outlet;
    }
}
