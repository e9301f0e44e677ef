package com.serviceloop.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.Fixtures;
import com.serviceloop.casework.CaseIndicators;
import com.serviceloop.customer.CustomerService;
import com.serviceloop.customer.RosterGroup;
import com.serviceloop.customer.RosterService;
import com.serviceloop.customer.ServiceProfile;
import com.serviceloop.customer.ServiceProfileService;
import com.serviceloop.customer.TierMix;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgUnit;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

// runs again on PostgreSQL in the build's second test execution (pom.xml: postgres-test)
@Tag("db")
@SpringBootTest
class DemoDataTest {
    @Autowired DemoData demo;
    @Autowired DemoProfiles demoProfiles;
    @Autowired ServiceProfileService serviceProfiles;
    @Autowired Fixtures fixtures;
    @Autowired CustomerService customers;
    @Autowired JdbcClient jdbc;
    @Autowired CaseIndicators indicators;
    @Autowired RosterService roster;

    @Test
    void loadsAPharmacyChainOnceWithEveryTierRepresented() {
        String suffix = Fixtures.unique("").toUpperCase();
        DemoData.Loaded loaded = demo.loadOnce(suffix);
        assertThat(demo.loadOnce(suffix)).as("second load is skipped").isNull();
        demoProfiles.load(loaded, suffix);
        AppUser admin = fixtures.admin();
        assertThat(serviceProfiles.outlet(admin, loaded.outlets().get(1).id(), null).source())
                .isEqualTo(ServiceProfile.Source.OUTLET);
        assertThat(serviceProfiles.outlet(admin, loaded.outlets().get(0).id(), null).content().characteristics())
                .hasSize(9);

        assertThat(loaded.outlets()).hasSize(6);
        assertThat(loaded.people()).isEqualTo(30);
        assertThat(loaded.customers()).isEqualTo(2000);
        assertThat(loaded.logins()).hasSize(15).allSatisfy((user, password) -> assertThat(password).hasSizeGreaterThan(12));
        assertThat(loaded.visits()).isGreaterThan(20_000);
        assertThat(loaded.cases()).isGreaterThan(1000);
        // the demo cases feed every case indicator: complaints, late and on-time clocks, calls, SQI
        var report = indicators.report(fixtures.admin(), LocalDate.now().minusMonths(17), LocalDate.now(),
                CaseIndicators.GroupBy.OUTLET, CaseIndicators.Period.MONTH);
        var demoGroups = report.groups().stream().filter(g -> loaded.outlets().stream().anyMatch(o -> o.id() == g.id())).toList();
        assertThat(demoGroups).hasSize(6).allSatisfy(g -> {
            assertThat(g.complaintRate()).isPositive();
            assertThat(g.clocks().get(1).onTimeRate()).isBetween(0.5, 0.99);
            assertThat(g.sqi()).isPositive();
            assertThat(g.returnAfterFast().cases()).isPositive();
            // closed demo cases were called back with a score of 3 to 5
            assertThat(g.followUpSatisfaction()).isBetween(3.0, 5.0);
        });
        // every demo case has the topic its text is about
        assertThat(jdbc.sql("SELECT COUNT(*) FROM support_case WHERE topic IS NULL AND outlet_id IN (:ids)")
                .param("ids", loaded.outlets().stream().map(OrgUnit::id).toList()).query(Long.class).single()).isZero();
        assertThat(report.topics()).extracting(CaseIndicators.TopicCount::code).contains("OUT_OF_STOCK", "QUEUEING");

        Set<Long> outletIds = loaded.outlets().stream().map(OrgUnit::id).collect(Collectors.toSet());
        // monthly walk-around audits of the 6 outlets for 18 months (the current month's once its date has passed)
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit WHERE outlet_id IN (:ids)").param("ids", outletIds)
                .query(Long.class).single()).isBetween(102L, 108L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit WHERE outlet_id IN (:ids) AND result = 'FAILED'")
                .param("ids", outletIds).query(Long.class).single()).isGreaterThanOrEqualTo(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_action WHERE outlet_id IN (:ids)").param("ids", outletIds)
                .query(Long.class).single()).isPositive();
        List<TierMix> mix = customers.tierMix(fixtures.admin()).stream()
                .filter(m -> outletIds.contains(m.outletId())).toList();
        assertThat(mix).hasSize(6);
        long heavy = mix.stream().mapToLong(TierMix::heavy).sum();
        long medium = mix.stream().mapToLong(TierMix::medium).sum();
        long light = mix.stream().mapToLong(TierMix::light).sum();
        long lapsed = mix.stream().mapToLong(TierMix::lapsed).sum();
        // DemoContacts adds its own customers on chronic medication and regulars who stopped coming
        assertThat(heavy + medium + light + lapsed).isEqualTo(2000 + DemoContacts.EXTRA_CUSTOMERS);
        assertThat(List.of(heavy, medium, light, lapsed)).allSatisfy(n -> assertThat(n).isGreaterThan(100));

        // the customer figures were computed with the demo: every outlet has truly loyal and lapsed customers
        for (OrgUnit outlet : loaded.outlets()) {
            var counts = roster.groupCounts(fixtures.admin(), outlet.id());
            assertThat(counts.get(RosterGroup.TRULY_LOYAL)).as(outlet.name()).isPositive();
            assertThat(counts.get(RosterGroup.SPURIOUS)).as(outlet.name()).isPositive();
        }

        LocalDateTime first = jdbc.sql("SELECT MIN(v.visited_at) FROM visit v JOIN customer c ON c.id = v.customer_id "
                + "WHERE c.member_no LIKE :s AND c.member_no NOT LIKE 'DC%'").param("s", "%" + suffix).query(LocalDateTime.class).single();
        assertThat(first).isBefore(LocalDateTime.now().minusMonths(17)).isAfter(LocalDateTime.now().minusMonths(19));

        // a year of contacts under every rule, and today's list waiting
        var ids = loaded.outlets().stream().map(OrgUnit::id).toList();
        List<String> contacted = jdbc.sql("SELECT DISTINCT r.kind FROM contact k JOIN contact_rule r ON r.id = k.rule_id "
                + "WHERE k.outlet_id IN (:ids)").param("ids", ids).query(String.class).list();
        assertThat(contacted).contains("THANK", "ASK_LATENT", "WIN_BACK", "REFILL");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact_due WHERE closed_seq = 0 AND outlet_id IN (:ids)")
                .param("ids", ids).query(Long.class).single()).isPositive();
    }
}
