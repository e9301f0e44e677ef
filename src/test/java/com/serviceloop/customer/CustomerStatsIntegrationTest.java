package com.serviceloop.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The worked example of {@link LoyaltyExample}: stats rows, SQL/Java agreement and the segment insight. */
class CustomerStatsIntegrationTest extends ApiTest {
    @Autowired CustomerService customers;
    @Autowired CustomerBulkLoad load;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired CustomerStatsRefresh refresh;
    @Autowired InsightSettingsService settings;
    @Autowired VisitRepository visits;
    private Fixtures.Chain chain;
    private LoyaltyExample ex;
    private AppUser admin;

    @BeforeEach
    void setUp() {
        admin = fixtures.admin();
        settings.save(InsightSettings.DEFAULTS);
        chain = fixtures.chain();
        ex = new LoyaltyExample(customers, load, jdbc, clock, admin, chain.outletA().id());
        refresh.refreshAll();
    }

    private Map<String, Object> row(long customer) {
        return jdbc.sql("SELECT * FROM customer_stats WHERE customer_id = :c").param("c", customer).query().singleRow();
    }

    @Test
    void statsRowsFollowTheWorkedExample() {
        assertRow(ex.a, "MEDIUM", "TRUE_LOYAL", "TRULY_LOYAL", "3600.00", "30.00", true, 12, 0);
        assertRow(ex.b, "MEDIUM", "SPURIOUS", "SPURIOUS", "1999.80", "30.00", true, 10, 0);
        assertRow(ex.c, "LAPSED", "LATENT", "LAPSED_HEAVY", "0.00", "5.00", false, 0, 45);
        assertRow(ex.d, "LIGHT", "NONE", "LAPSED_MEDIUM", "600.00", "56.00", false, 1, 12);
        assertRow(ex.e, "LIGHT", "LATENT", "LATENT", "120.06", "50.00", true, 2, 0);
        assertRow(ex.f, "LAPSED", "NONE", null, "0.00", null, false, 0, 0);
        assertThat(((Number) row(ex.b).get("COMPLAINTS_365")).intValue()).isEqualTo(2);
        assertThat(((Number) row(ex.a).get("COMPLAINTS_365")).intValue()).isZero();
        assertThat(new BigDecimal(row(ex.a).get("SATISFACTION_SUM").toString())).isEqualByComparingTo("170");
        assertThat(((Number) row(ex.a).get("SATISFACTION_COUNT")).intValue()).isEqualTo(2);
    }

    private void assertRow(long id, String tier, String loyalty, String group, String value, String gap,
                           boolean returned, int n365, int nPrev) {
        Map<String, Object> r = upper(row(id));
        assertThat(r.get("TIER")).as("tier").isEqualTo(tier);
        assertThat(r.get("LOYALTY")).as("loyalty").isEqualTo(loyalty);
        assertThat(r.get("ROSTER_GROUP")).as("group").isEqualTo(group);
        assertThat(new BigDecimal(r.get("CUSTOMER_VALUE").toString())).as("value").isEqualByComparingTo(value);
        if (gap == null) {
            assertThat(r.get("MEAN_GAP_DAYS")).isNull();
        } else {
            assertThat(new BigDecimal(r.get("MEAN_GAP_DAYS").toString())).as("gap").isEqualByComparingTo(gap);
        }
        assertThat(r.get("RETURNED_90")).as("returned").isEqualTo(returned);
        assertThat(((Number) r.get("VISITS_365")).intValue()).isEqualTo(n365);
        assertThat(((Number) r.get("VISITS_PREV_365")).intValue()).isEqualTo(nPrev);
    }

    private static Map<String, Object> upper(Map<String, Object> m) {
        var out = new HashMap<String, Object>();
        m.forEach((k, v) -> out.put(k.toUpperCase(), v));
        return out;
    }

    /** The SQL of the refresh and the Java rules give the same tier, loyalty, group and value. */
    @Test
    void sqlAgreesWithTheJavaRules() {
        InsightSettings s = settings.current();
        LocalDateTime since = LocalDateTime.now(clock).minusYears(1);
        for (long id : new long[] {ex.a, ex.b, ex.c, ex.d, ex.e, ex.f}) {
            Map<String, Object> r = upper(row(id));
            Integer wr = r.get("WOULD_RECOMMEND") == null ? null : ((Number) r.get("WOULD_RECOMMEND")).intValue();
            CustomerInsight java = CustomerInsight.of(visits.stats(id, since), wr, s);
            RosterGroup group = RosterGroup.of(((Number) r.get("VISITS_365")).longValue(),
                    ((Number) r.get("VISITS_PREV_365")).longValue(), wr, s);
            assertThat(r.get("TIER")).as("tier of " + id).isEqualTo(java.tier().name());
            assertThat(r.get("LOYALTY")).as("loyalty of " + id).isEqualTo(java.loyalty().name());
            assertThat(r.get("ROSTER_GROUP")).as("group of " + id).isEqualTo(group == null ? null : group.name());
            assertThat(new BigDecimal(r.get("CUSTOMER_VALUE").toString())).as("value of " + id)
                    .isEqualByComparingTo(java.value().value());
        }
    }

    /**
     * Outlet A: 6 customers, value 3600 + 1999.80 + 600 + 120.06 = 6319.86. Returned A, B, E: 50.0 %.
     * Complaints 2 per 6 customers: 33.3 per 100. Satisfaction (80 + 90 + 60) / 3 = 76.7. Top 20 %:
     * ceil(6 / 5) = 2 customers (A, B) bring 5599.80 / 6319.86 = 88.6 %. Cell MEDIUM x TRUE_LOYAL (A):
     * 16.7 % of customers, 3600 / 6319.86 = 57.0 % of value, satisfaction 85.0; MEDIUM x SPURIOUS (B):
     * 200.0 complaints per 100.
     */
    @Test
    void segmentInsightOfTheOutletAndTheRegion() throws Exception {
        String token = token(admin);
        JsonNode outlet = body(getJson("/api/v1/segments?unitId=" + chain.outletA().id(), token).andExpect(status().isOk()));
        JsonNode total = outlet.get("total");
        assertThat(total.get("customers").asLong()).isEqualTo(6);
        assertThat(total.get("value").decimalValue()).isEqualByComparingTo("6319.86");
        assertThat(total.get("returnRate").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(total.get("complaintRate").decimalValue()).isEqualByComparingTo("33.3");
        assertThat(total.get("satisfaction").decimalValue()).isEqualByComparingTo("76.7");
        assertThat(total.get("topCustomers").asLong()).isEqualTo(2);
        assertThat(total.get("topValueShare").decimalValue()).isEqualByComparingTo("88.6");
        JsonNode loyal = cell(outlet, "MEDIUM", "TRUE_LOYAL");
        assertThat(loyal.get("customers").asLong()).isEqualTo(1);
        assertThat(loyal.get("customerShare").decimalValue()).isEqualByComparingTo("16.7");
        assertThat(loyal.get("valueShare").decimalValue()).isEqualByComparingTo("57.0");
        assertThat(loyal.get("satisfaction").decimalValue()).isEqualByComparingTo("85.0");
        assertThat(cell(outlet, "MEDIUM", "SPURIOUS").get("complaintRate").decimalValue()).isEqualByComparingTo("200.0");
        assertThat(cell(outlet, "HEAVY", "TRUE_LOYAL").get("customers").asLong()).isZero();
        assertThat(outlet.get("cells")).hasSize(16);

        JsonNode region = body(getJson("/api/v1/segments?unitId=" + chain.region().id(), token).andExpect(status().isOk()));
        assertThat(region.get("total").get("topValueShare").decimalValue()).isEqualByComparingTo("88.6");
        assertThat(region.get("children")).hasSize(1);
        assertThat(region.get("children").get(0).get("unitId").asLong()).isEqualTo(chain.outletA().id());

        JsonNode drill = body(getJson("/api/v1/segments/customers?unitId=" + chain.region().id()
                + "&tier=LIGHT&loyalty=LATENT", token).andExpect(status().isOk()));
        assertThat(drill.get("total").asLong()).isEqualTo(1);
        assertThat(drill.get("items").get(0).get("customerId").asLong()).isEqualTo(ex.e);
    }

    private static JsonNode cell(JsonNode insight, String tier, String loyalty) {
        for (JsonNode c : insight.get("cells")) {
            if (c.get("tier").asText().equals(tier) && c.get("loyalty").asText().equals(loyalty)) {
                return c;
            }
        }
        throw new AssertionError("no cell " + tier + " x " + loyalty);
    }

    @Test
    void segmentsAreScoped() throws Exception {
        String other = token(fixtures.person(Role.MANAGER, chain.outletB().id()));
        getJson("/api/v1/segments?unitId=" + chain.outletA().id(), other).andExpect(status().isNotFound());
        getJson("/api/v1/segments?unitId=" + chain.region().id(), other).andExpect(status().isNotFound());
        getJson("/api/v1/segments/customers?unitId=" + chain.outletA().id() + "&tier=LIGHT&loyalty=LATENT", other)
                .andExpect(status().isNotFound());
        JsonNode own = body(getJson("/api/v1/segments", other).andExpect(status().isOk()));
        assertThat(own.get("unitId").asLong()).isEqualTo(chain.outletB().id());
        assertThat(own.get("total").get("customers").asLong()).isZero();
        getJson("/api/v1/segments/customers?unitId=" + chain.outletB().id() + "&tier=WARM&loyalty=NONE", other)
                .andExpect(status().isBadRequest());
    }

    /** A threshold change moves customers: the settings check refreshes once, then not again. */
    @Test
    void aSettingsChangeRefreshesTheStats() {
        assertThat(refresh.refreshIfSettingsChanged()).isFalse();
        InsightSettings d = InsightSettings.DEFAULTS;
        settings.save(new InsightSettings(d.heavyMinVisits(), 12, d.lightMinVisits(), d.expectedYears(),
                d.wordOfMouthMultiplier(), d.promoterMinScore()));
        try {
            assertThat(refresh.refreshIfSettingsChanged()).isTrue();
            // B's 10 visits are now light: spurious no longer, and not lapsed either
            assertThat(upper(row(ex.b)).get("ROSTER_GROUP")).isNull();
            assertThat(upper(row(ex.a)).get("ROSTER_GROUP")).isEqualTo("TRULY_LOYAL");
            assertThat(refresh.refreshIfSettingsChanged()).isFalse();
        } finally {
            settings.save(InsightSettings.DEFAULTS);
            refresh.refreshAll();
        }
    }
}
