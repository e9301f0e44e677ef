package com.serviceloop.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.TestClock;
import com.serviceloop.casework.CaseIndicators;
import com.serviceloop.customer.CustomerNeed;
import com.serviceloop.customer.CustomerService;
import com.serviceloop.customer.OutletPerceptions;
import com.serviceloop.customer.ProfileFigures;
import com.serviceloop.customer.RosterGroup;
import com.serviceloop.customer.RosterService;
import com.serviceloop.customer.SegmentService;
import com.serviceloop.customer.ServiceProfile;
import com.serviceloop.customer.ServiceProfileService;
import com.serviceloop.customer.TierMix;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.platform.ObjectStore;
import com.serviceloop.survey.SurveyBackfill;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

// an ApiTest, so it runs again on PostgreSQL in the build's second test execution (pom.xml: postgres-test)
class DemoDataTest extends ApiTest {
    @Autowired DemoData demo;
    @Autowired DemoProfiles demoProfiles;
    @Autowired ServiceProfileService serviceProfiles;
    @Autowired CustomerService customers;
    @Autowired OutletPerceptions perceptions;
    @Autowired OrgService org;
    @Autowired ProfileFigures profileFigures;
    @Autowired SegmentService segments;
    @Autowired SurveyBackfill surveys;
    @Autowired TestClock clock;
    @Autowired ObjectStore objects;
    @Autowired JdbcClient jdbc;
    @Autowired CaseIndicators indicators;
    @Autowired RosterService roster;

    @Test
    void loadsAPharmacyChainOnceWithEveryTierRepresented() throws Exception {
        String suffix = Fixtures.unique("").toUpperCase();
        // the roll-up folds answers a minute old: other tests' answers of a moment ago must not hold back the demo's
        clock.advance(Duration.ofMinutes(2));
        DemoData.Loaded loaded;
        try {
            loaded = demo.loadOnce(suffix);
        } finally {
            clock.reset();
        }
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
        // every demo case has the topic its text is about (those raised by survey answers come without one, like live ones)
        assertThat(jdbc.sql("SELECT COUNT(*) FROM support_case WHERE topic IS NULL AND channel <> 'SURVEY' AND outlet_id IN (:ids)")
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
        // the three latest audits of each outlet carry a photo of the shop front, stored in the object store
        List<String> keys = jdbc.sql("SELECT object_key FROM audit_photo p JOIN audit a ON a.id = p.audit_id "
                + "WHERE a.outlet_id IN (:ids)").param("ids", outletIds).query(String.class).list();
        assertThat(keys).hasSize(18);
        assertThat(objects.get(keys.getFirst())).hasValueSatisfying(b -> assertThat(b).startsWith(0xFF, 0xD8, 0xFF));
        // a monthly walk-around planned for each outlet, the slipping outlet's already late
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_schedule WHERE outlet_id IN (:ids) AND assignee_id IS NOT NULL")
                .param("ids", outletIds).query(Long.class).single()).isEqualTo(6);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_schedule WHERE outlet_id IN (:ids) AND first_due < :today")
                .param("ids", outletIds).param("today", LocalDate.now(clock)).query(Long.class).single()).isEqualTo(1);
        // the audits fed the standards' compliance and the blueprint steps' satisfaction on load
        assertThat(jdbc.sql("SELECT COUNT(*) FROM standard_measurement WHERE source = 'AUDIT' AND outlet_id IN (:ids)")
                .param("ids", outletIds).query(Long.class).single()).isGreaterThan(500L);
        // every blueprint step the form's items belong to has audited scores (on a fresh database the starter
        // library's standards carry their steps; the shared test database may hold pharmacy standards without)
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT step_id) FROM blueprint_step_audit WHERE outlet_id IN (:ids)")
                .param("ids", outletIds).query(Long.class).single())
                .isEqualTo(jdbc.sql("""
                        SELECT COUNT(DISTINCT i.blueprint_step_id) FROM audit_item i
                        WHERE i.blueprint_step_id IS NOT NULL AND i.form_version_id IN
                            (SELECT a.form_version_id FROM audit a WHERE a.outlet_id IN (:ids))""")
                        .param("ids", outletIds).query(Long.class).single());
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

        assertSurveyAnswers(loaded.outlets());
    }

    /** Customers', managers' and staff answers for every outlet, as the survey pages, the service profile and the customer figures read them. */
    private void assertSurveyAnswers(List<OrgUnit> outlets) throws Exception {
        AppUser admin = fixtures.admin();
        String token = token(admin);
        var ids = outlets.stream().map(OrgUnit::id).toList();
        // a few hundred to 1,500 answers per outlet, all folded into the daily aggregates with the demo
        for (long outlet : ids) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM survey_response WHERE outlet_id = :o").param("o", outlet)
                    .query(Long.class).single()).isBetween(300L, 1500L);
        }
        assertThat(jdbc.sql("SELECT MAX(id) FROM survey_response WHERE outlet_id IN (:ids)").param("ids", ids)
                .query(Long.class).single()).isLessThanOrEqualTo(jdbc.sql("SELECT last_response_id FROM survey_rollup_mark")
                .query(Long.class).single());
        // some from known customers, whose satisfaction reaches the customer figures of every outlet
        assertThat(jdbc.sql("SELECT COUNT(*) FROM survey_response WHERE customer_id IS NOT NULL AND outlet_id IN (:ids)")
                .param("ids", ids).query(Long.class).single()).isGreaterThan(1000);
        for (long outlet : ids) {
            assertThat(segments.insight(admin, outlet).total().satisfaction()).isBetween(BigDecimal.valueOf(40),
                    BigDecimal.valueOf(90));
        }
        // the very unhappy answers of the last days became survey complaints: three at 南京西路店, one elsewhere
        assertThat(jdbc.sql("""
                SELECT r.outlet_id FROM survey_response r JOIN support_case c ON c.id = r.case_id
                WHERE c.channel = 'SURVEY' AND r.outlet_id IN (:ids) ORDER BY r.outlet_id""").param("ids", ids)
                .query(Long.class).list()).hasSize(8).filteredOn(o -> o.equals(ids.get(DemoSurveys.WEAK))).hasSize(3);

        // how customers see each outlet: 南京西路店 is the slowest of all
        Map<Long, Map<String, BigDecimal>> seen = new HashMap<>();
        for (long outlet : ids) {
            seen.put(outlet, perceptions.perceptionByDimension(org.scopeOf(admin), outlet).orElseThrow());
            assertThat(seen.get(outlet)).containsOnlyKeys("TANGIBLES", "RELIABILITY", "RESPONSIVENESS", "ASSURANCE", "EMPATHY");
        }
        BigDecimal weak = seen.get(ids.get(DemoSurveys.WEAK)).get("RESPONSIVENESS");
        for (long outlet : ids) {
            if (outlet != ids.get(DemoSurveys.WEAK)) {
                assertThat(weak).isLessThan(seen.get(outlet).get("RESPONSIVENESS").subtract(BigDecimal.valueOf(0.5)));
            }
        }
        // 东门店 gets better: perceptions in the last six months well above those of the first six
        long servqual = surveys.questions("servqual").getFirst().surveyId();
        LocalDate today = LocalDate.now(clock);
        String url = "/api/v1/surveys/" + servqual + "/servqual?outletId=" + ids.get(DemoSurveys.IMPROVING);
        double early = meanPerception(body(getJson(url + "&to=" + today.minusMonths(12), token).andExpect(status().isOk())));
        double late = meanPerception(body(getJson(url + "&from=" + today.minusMonths(6), token).andExpect(status().isOk())));
        assertThat(late).isGreaterThan(early + 0.5);

        // the five gaps for every outlet, from customers, managers and staff
        for (long outlet : ids) {
            JsonNode gaps = body(getJson("/api/v1/surveys/five-gaps?outletId=" + outlet, token).andExpect(status().isOk()));
            assertThat(gaps.get("noData")).isEmpty();
            assertThat(gaps.at("/responses/management").asLong()).isEqualTo(6);
            assertThat(gaps.at("/responses/staff").asLong()).isBetween(12L, 18L);
            for (int g = 1; g <= 5; g++) {
                assertThat(gaps.at("/overall/gap" + g).asDouble()).as("gap " + g).isNegative();
            }
        }

        // the needs review: the team's 5 for time against the waiting-time ratings of 南京西路店's customers
        var time = profileFigures.needs(admin, ids.get(DemoSurveys.WEAK)).needs().stream()
                .filter(n -> n.need() == CustomerNeed.TIME).findFirst().orElseThrow();
        assertThat(time.teamScore()).isEqualTo(5);
        assertThat(time.answers()).isGreaterThan(500);
        assertThat(time.customerScore()).isLessThan(BigDecimal.valueOf(4));
        assertThat(time.disagree()).isTrue();
    }

    private static double meanPerception(JsonNode score) {
        double sum = 0;
        for (JsonNode d : score.get("dimensions")) {
            sum += d.get("perception").asDouble();
        }
        return sum / score.get("dimensions").size();
    }
}
