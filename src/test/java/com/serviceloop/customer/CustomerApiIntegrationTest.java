package com.serviceloop.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.organisation.AppUser;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class CustomerApiIntegrationTest extends ApiTest {
    private Fixtures.Chain chain;
    private String admin;

    @BeforeEach
    void setUp() {
        AppUser a = fixtures.admin();
        admin = token(a);
        chain = fixtures.chain();
    }

    private Map<String, Object> customer(String memberNo, String name) {
        var m = new HashMap<String, Object>();
        m.put("memberNo", memberNo);
        m.put("name", name);
        m.put("phone", "+86 138 1234 5678");
        m.put("homeOutletId", chain.outletA().id());
        m.put("gender", "FEMALE");
        m.put("ageBand", "AGE_35_44");
        m.put("incomeBand", "MIDDLE");
        m.put("education", "BACHELOR");
        m.put("socialClass", "MIDDLE");
        m.put("expectations", "Quick advice on cold medicine");
        m.put("wouldRecommend", 9);
        m.put("consentContact", true);
        return m;
    }

    @Test
    void createsReadsAndSearchesCustomers() throws Exception {
        String member = Fixtures.unique("M");
        JsonNode created = body(postJson("/api/v1/customers", admin, customer(member, "王丽华"))
                .andExpect(status().isCreated()));
        long id = created.get("id").asLong();
        assertThat(created.get("homeOutletName").asText()).isEqualTo("Outlet A");

        getJson("/api/v1/customers/" + id, admin).andExpect(status().isOk())
                .andExpect(jsonPath("$.memberNo").value(member))
                .andExpect(jsonPath("$.ageBand").value("AGE_35_44"))
                .andExpect(jsonPath("$.consentContact").value(true));

        getJson("/api/v1/customers?q=" + member, admin).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id));
        getJson("/api/v1/customers?q=丽华", admin).andExpect(jsonPath("$.items[?(@.id == " + id + ")]").exists());
        getJson("/api/v1/customers?q=+86 138 1234", admin).andExpect(jsonPath("$.items[?(@.id == " + id + ")]").exists());
    }

    @Test
    void listsArePaged() throws Exception {
        String name = Fixtures.unique("Paged");
        for (int i = 0; i < 7; i++) {
            postJson("/api/v1/customers", admin, customer(Fixtures.unique("P"), name + " " + i)).andExpect(status().isCreated());
        }
        JsonNode page = body(getJson("/api/v1/customers?q=" + name + "&size=3&page=2", admin).andExpect(status().isOk()));
        assertThat(page.get("total").asLong()).isEqualTo(7);
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("page").asInt()).isEqualTo(2);
        JsonNode capped = body(getJson("/api/v1/customers?size=100000", admin));
        assertThat(capped.get("size").asInt()).isEqualTo(200);
    }

    @Test
    void badInputIsAnswered400NamingTheField() throws Exception {
        var noName = customer(Fixtures.unique("M"), "");
        postJson("/api/v1/customers", admin, noName).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));

        var badRecommend = customer(Fixtures.unique("M"), "Li");
        badRecommend.put("wouldRecommend", 11);
        postJson("/api/v1/customers", admin, badRecommend).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("wouldRecommend"));

        var badEnum = customer(Fixtures.unique("M"), "Li");
        badEnum.put("ageBand", "OLD");
        postJson("/api/v1/customers", admin, badEnum).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ageBand"));

        postJson("/api/v1/customers", admin, "{not json").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));

        var unknownOutlet = customer(Fixtures.unique("M"), "Li");
        unknownOutlet.put("homeOutletId", 999_999_999L);
        postJson("/api/v1/customers", admin, unknownOutlet).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("homeOutletId"));

        String member = Fixtures.unique("M");
        postJson("/api/v1/customers", admin, customer(member, "First")).andExpect(status().isCreated());
        postJson("/api/v1/customers", admin, customer(member, "Second")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("memberNo"));

        getJson("/api/v1/customers?page=abc", admin).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));
    }

    @Test
    void aTakenMemberNumberIsRefusedInTheCallersLanguage() throws Exception {
        String member = Fixtures.unique("M");
        postJson("/api/v1/customers", admin, customer(member, "First")).andExpect(status().isCreated());
        String second = json.writeValueAsString(customer(member, "Second"));
        postJson("/api/v1/customers", admin, second).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("Member number " + member + " is already in use"));
        call(post("/api/v1/customers").header("Accept-Language", "zh-CN").contentType(MediaType.APPLICATION_JSON)
                .content(second), admin).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("memberNo"))
                .andExpect(jsonPath("$.errors[0].message").value("会员号 " + member + " 已被使用"));
    }

    @Test
    void unknownIdsAre404() throws Exception {
        getJson("/api/v1/customers/999999999", admin).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Customer 999999999 not found"));
        getJson("/api/v1/customers/999999999/insight", admin).andExpect(status().isNotFound());
        getJson("/api/v1/units/999999999", admin).andExpect(status().isNotFound());
    }

    @Test
    void staleUpdatesGet409AndLoseNothing() throws Exception {
        JsonNode c = body(postJson("/api/v1/customers", admin, customer(Fixtures.unique("M"), "Zhao")));
        long id = c.get("id").asLong();
        var edit = customer(c.get("memberNo").asText(), "Zhao Min");
        edit.put("version", 0);
        putJson("/api/v1/customers/" + id, admin, whole(CustomerForm.class, edit)).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
        var stale = customer(c.get("memberNo").asText(), "Zhao Overwritten");
        stale.put("version", 0);
        putJson("/api/v1/customers/" + id, admin, whole(CustomerForm.class, stale)).andExpect(status().isConflict());
        getJson("/api/v1/customers/" + id, admin).andExpect(jsonPath("$.name").value("Zhao Min"));
    }

    @Test
    void parallelEditsOfTheSameVersionLetExactlyOneWin() throws Exception {
        JsonNode c = body(postJson("/api/v1/customers", admin, customer(Fixtures.unique("M"), "Qian")));
        long id = c.get("id").asLong();
        int writers = 8;
        List<Callable<Integer>> edits = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            var edit = customer(c.get("memberNo").asText(), "Qian " + i);
            edit.put("version", 0);
            edits.add(() -> putJson("/api/v1/customers/" + id, admin, whole(CustomerForm.class, edit)).andReturn().getResponse().getStatus());
        }
        List<Integer> statuses = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(writers)) {
            for (Future<Integer> f : pool.invokeAll(edits)) {
                statuses.add(f.get());
            }
        }
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(writers - 1);
        getJson("/api/v1/customers/" + id, admin).andExpect(jsonPath("$.version").value(1));
    }

    @Test
    void visitsDriveTierValueAndLoyalty() throws Exception {
        long id = body(postJson("/api/v1/customers", admin, customer(Fixtures.unique("M"), "Sun"))).get("id").asLong();
        LocalDateTime now = LocalDateTime.now().withNano(0);
        // 12 monthly visits, 2 items for 50.00 each time, plus one older visit outside the year
        for (int i = 0; i < 12; i++) {
            postJson("/api/v1/customers/" + id + "/visits", admin, Map.of("outletId", chain.outletA().id(),
                    "visitedAt", now.minusDays(30L * i + 1).toString(), "amount", "50.00", "items", 2))
                    .andExpect(status().isCreated());
        }
        postJson("/api/v1/customers/" + id + "/visits", admin, Map.of("outletId", chain.outletB().id(),
                "visitedAt", now.minusMonths(16).toString(), "amount", "50.00", "items", 2)).andExpect(status().isCreated());
        // the same visit twice is refused
        postJson("/api/v1/customers/" + id + "/visits", admin, Map.of("outletId", chain.outletB().id(),
                "visitedAt", now.minusMonths(16).toString(), "amount", "50.00", "items", 2)).andExpect(status().isConflict());
        postJson("/api/v1/customers/" + id + "/visits", admin, Map.of("outletId", chain.outletA().id(),
                "visitedAt", now.plusDays(2).toString(), "amount", "1", "items", 1)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("visitedAt"));

        getJson("/api/v1/customers/" + id + "/insight", admin).andExpect(status().isOk())
                .andExpect(jsonPath("$.stats.visits").value(13))
                .andExpect(jsonPath("$.stats.visitsLast12Months").value(12))
                .andExpect(jsonPath("$.tier").value("MEDIUM"))
                .andExpect(jsonPath("$.loyalty").value("TRUE_LOYAL"))
                // 25.00 per item x 2 items x 12 visits x 5 years x 1.2
                .andExpect(jsonPath("$.value.value").value(3600.00));
        getJson("/api/v1/customers/" + id + "/visits?size=5", admin)
                .andExpect(jsonPath("$.total").value(13))
                .andExpect(jsonPath("$.items.length()").value(5));
    }

    @Test
    void tierMixCountsCustomersPerOutlet() throws Exception {
        long heavy = fixtures.customer(fixtures.admin(), chain.outletB().id(), "Heavy");
        fixtures.customer(fixtures.admin(), chain.outletB().id(), "Never came");
        LocalDateTime now = LocalDateTime.now().withNano(0);
        for (int i = 0; i < 40; i++) {
            postJson("/api/v1/customers/" + heavy + "/visits", admin, Map.of("outletId", chain.outletB().id(),
                    "visitedAt", now.minusDays(7L * i + 1).toString(), "amount", "10", "items", 1))
                    .andExpect(status().isCreated());
        }
        JsonNode mix = body(getJson("/api/v1/outlets/tier-mix", admin).andExpect(status().isOk()));
        JsonNode b = null;
        for (JsonNode row : mix) {
            if (row.get("outletId").asLong() == chain.outletB().id()) {
                b = row;
            }
        }
        assertThat(b).isNotNull();
        assertThat(b.get("heavy").asLong()).isEqualTo(1);
        assertThat(b.get("lapsed").asLong()).isEqualTo(1);
        assertThat(b.get("medium").asLong() + b.get("light").asLong()).isZero();
    }

    @Test
    void insightSettingsAreValidatedAndUsed() throws Exception {
        JsonNode s = body(getJson("/api/v1/settings/insight", admin).andExpect(status().isOk()));
        assertThat(s.get("heavyMinVisits").asInt()).isPositive();
        putJson("/api/v1/settings/insight", admin, Map.of("heavyMinVisits", 5, "mediumMinVisits", 10, "lightMinVisits", 1,
                "expectedYears", 5, "wordOfMouthMultiplier", 1.2, "promoterMinScore", 9))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("mediumMinVisits"));
        putJson("/api/v1/settings/insight", admin, Map.of("heavyMinVisits", 40, "mediumMinVisits", 10, "lightMinVisits", 1,
                "expectedYears", -1, "wordOfMouthMultiplier", 1.2, "promoterMinScore", 9))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("expectedYears"));
    }
}
