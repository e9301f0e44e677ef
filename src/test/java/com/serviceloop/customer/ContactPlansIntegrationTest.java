package com.serviceloop.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.TestClock;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Contact plans on a small hand-made outlet, dates counted back from today (T) on a frozen clock:
 * who is due under each kind of rule, consent, a contact clearing its item, the effect figures,
 * scope, roles, bad input and the job running once.
 */
class ContactPlansIntegrationTest extends ApiTest {
    @Autowired CustomerBulkLoad bulk;
    @Autowired ContactDueJob job;
    @Autowired TestClock clock;
    @Autowired LockProvider locks;
    @Autowired JdbcClient jdbc;
    private Fixtures.Chain chain;
    private String admin;
    private String managerA;
    private String staffA;
    private AppUser staffUser;
    private LocalDate today;
    private long outletA;

    @BeforeEach
    void setUp() {
        clock.freeze();
        admin = token(fixtures.admin());
        chain = fixtures.chain();
        outletA = chain.outletA().id();
        managerA = token(fixtures.person(Role.MANAGER, outletA));
        staffUser = fixtures.person(Role.STAFF, outletA);
        staffA = token(staffUser);
        today = LocalDate.now(clock);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A customer of outlet A with visits on the given days back from {@code asOf} (10:00 each). */
    private long customer(String name, Integer recommend, boolean consent, LocalDate asOf, int... daysBack) {
        long id = bulk.insertCustomers(List.of(new CustomerBulkLoad.NewCustomer(Fixtures.unique("C"), name,
                "139 0000 " + (1000 + name.length()), outletA, null, null, null, null, null, null, null, null,
                recommend, consent, false, false))).getFirst().id();
        List<CustomerBulkLoad.NewVisit> visits = new ArrayList<>();
        for (int d : daysBack) {
            visits.add(new CustomerBulkLoad.NewVisit(id, outletA, asOf.minusDays(d).atTime(10, 0),
                    new BigDecimal("30.00"), 1, UUID.randomUUID()));
        }
        bulk.insertVisits(visits);
        return id;
    }

    private static int[] every(int first, int step, int count) {
        int[] days = new int[count];
        for (int i = 0; i < count; i++) {
            days[i] = first + i * step;
        }
        return days;
    }

    private Map<String, Object> rule(String name, String kind, String group, Integer period, int lead) {
        Map<String, Object> r = new HashMap<>();
        r.put("outletId", outletA);
        r.put("name", name);
        r.put("kind", kind);
        r.put("rosterGroup", group);
        r.put("periodDays", period);
        r.put("leadDays", lead);
        r.put("lapseDays", null);
        r.put("windowDays", null);
        r.put("assigneeId", null);
        r.put("active", true);
        return r;
    }

    private long create(Map<String, Object> rule) throws Exception {
        return body(postJson("/api/v1/contact-rules", managerA, rule).andExpect(status().isCreated())).get("id").asLong();
    }

    private record Data(long lin, long zhou, long wu, long sun, long hu, long ma, long thank, long ask, long winBack,
                        long refill) {
    }

    /**
     * Lin: a visit every 30 days (12 in the year), recommends 10: truly loyal; rhythm regular but the next refill
     * is T-5+30 = T+25, minus 3 lead days T+22: not due yet. Zhou: 2 visits, recommends 9: latent. Wu: weekly for
     * 45 weeks in the year before (T-366 back to T-674), none since: lapsed heavy; lapsed on T-366+360 = T-6,
     * window 30 days: due from T-6. Sun: visits T-88, T-58, T-28 (gaps 30, 30): next refill T+2, 3 lead days: due
     * T-1. Hu: like Lin without consent. Ma: visits T-100, T-90, T-10 (gaps 10 and 80, spread 35 &gt; half of the
     * mean 45): no rhythm.
     */
    private Data handMade() throws Exception {
        long lin = customer("林", 10, true, today, every(5, 30, 12));
        long zhou = customer("周", 9, true, today, 100, 200);
        long wu = customer("吴", null, true, today, every(366, 7, 45));
        long sun = customer("孙", null, true, today, 88, 58, 28);
        long hu = customer("胡", 10, false, today, every(5, 30, 12));
        long ma = customer("马", null, true, today, 100, 90, 10);
        long thank = create(rule("感谢忠诚顾客", "THANK", "TRULY_LOYAL", 90, 0));
        long ask = create(rule("询问潜在顾客", "ASK_LATENT", null, 180, 0));
        Map<String, Object> w = rule("挽回流失常客", "WIN_BACK", "LAPSED_HEAVY", null, 0);
        w.put("lapseDays", 360);
        w.put("windowDays", 30);
        long winBack = create(w);
        long refill = create(rule("续药提醒", "REFILL", null, null, 3));
        return new Data(lin, zhou, wu, sun, hu, ma, thank, ask, winBack, refill);
    }

    private JsonNode list(String token) throws Exception {
        return body(getJson("/api/v1/contact-due?outletId=" + outletA, token).andExpect(status().isOk()));
    }

    @Test
    void eachKindOfRuleFindsItsCustomersAndNoOneWithoutConsent() throws Exception {
        Data d = handMade();
        postJson("/api/v1/contact-due/generate?outletId=" + outletA, managerA, Map.of()).andExpect(status().isOk())
                .andExpect(jsonPath("$.added").value(4));
        JsonNode items = list(staffA).get("items");
        assertThat(items).hasSize(4);
        // earliest due first: Wu (T-6), Sun (T-1), then Lin and Zhou (T, by id)
        assertThat(items.get(0).get("customerId").asLong()).isEqualTo(d.wu());
        assertThat(items.get(0).get("ruleId").asLong()).isEqualTo(d.winBack());
        assertThat(items.get(0).get("dueOn").asText()).isEqualTo(today.minusDays(6).toString());
        assertThat(items.get(0).get("rosterGroup").asText()).isEqualTo("LAPSED_HEAVY");
        assertThat(items.get(1).get("customerId").asLong()).isEqualTo(d.sun());
        assertThat(items.get(1).get("ruleId").asLong()).isEqualTo(d.refill());
        assertThat(items.get(1).get("dueOn").asText()).isEqualTo(today.minusDays(1).toString());
        assertThat(items.get(2).get("customerId").asLong()).isEqualTo(d.lin());
        assertThat(items.get(2).get("ruleId").asLong()).isEqualTo(d.thank());
        assertThat(items.get(2).get("phone").asText()).startsWith("139");
        assertThat(items.get(3).get("customerId").asLong()).isEqualTo(d.zhou());
        assertThat(items.get(3).get("ruleId").asLong()).isEqualTo(d.ask());
        assertThat(items.findValues("customerId").stream().map(JsonNode::asLong)).doesNotContain(d.hu(), d.ma());

        // a contact for the customer without consent is refused, naming the customer
        postJson("/api/v1/contacts", staffA, Map.of("customerId", d.hu(), "outcome", "REACHED"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("customerId"));
        // consent withdrawn after the run: gone from the list at once, closed by the next run
        jdbc.sql("UPDATE customer SET consent_contact = FALSE WHERE id = :id").param("id", d.zhou()).update();
        JsonNode after = list(staffA);
        assertThat(after.get("items")).hasSize(3);
        assertThat(after.get("items").findValues("customerId").stream().map(JsonNode::asLong)).doesNotContain(d.zhou());
        postJson("/api/v1/contact-due/generate?outletId=" + outletA, managerA, Map.of())
                .andExpect(jsonPath("$.added").value(0)).andExpect(jsonPath("$.closed").value(1))
                .andExpect(jsonPath("$.kept").value(3));
        assertThat(list(staffA).get("total").asLong()).isEqualTo(3);
        mvc.perform(get("/api/v1/contact-due/export?outletId=" + outletA).header("Authorization", "Bearer " + staffA))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("感谢忠诚顾客")));
        // the same three items as a workbook: a header row, the due day as a real date cell
        byte[] xlsx = mvc.perform(get("/api/v1/contact-due/export.xlsx?outletId=" + outletA)
                .header("Authorization", "Bearer " + staffA)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("due_on");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(DateUtil.isCellDateFormatted(sheet.getRow(1).getCell(0))).isTrue();
        }
        // an outlet outside the caller's scope: a JSON refusal, not a workbook
        mvc.perform(get("/api/v1/contact-due/export.xlsx?outletId=" + chain.outletB().id()).header("Authorization", "Bearer " + staffA))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("outletId"));
    }

    @Test
    void aContactClearsItsItemAndStartsThePeriodAgain() throws Exception {
        Data d = handMade();
        job.outlet(outletA, today);
        long item = list(staffA).get("items").get(2).get("id").asLong();
        JsonNode rec = body(postJson("/api/v1/contacts", staffA, Map.of("customerId", d.lin(), "dueId", item,
                "outcome", "WILL_COME_BACK", "note", "下周来取药")).andExpect(status().isCreated()));
        assertThat(rec.get("ruleId").asLong()).isEqualTo(d.thank());
        assertThat(rec.get("byPersonId").asLong()).isEqualTo(staffUser.id());
        assertThat(list(staffA).get("total").asLong()).isEqualTo(3);
        getJson("/api/v1/customers/" + d.lin() + "/contacts", staffA).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].outcome").value("WILL_COME_BACK"))
                .andExpect(jsonPath("$[0].note").value("下周来取药"));
        // contacted today under a 90-day rule: not due again until T+90
        ContactDueJob.Result again = job.outlet(outletA, today);
        assertThat(again.added()).isZero();
        assertThat(job.outlet(outletA, today.plusDays(89)).added()).isZero();
        // the same item cannot be answered twice
        postJson("/api/v1/contacts", staffA, Map.of("customerId", d.lin(), "dueId", item, "outcome", "REACHED"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("dueId"));
    }

    /**
     * Six truly loyal customers (a visit every 30 days before D = T-120), all due under a thank rule on D.
     * Reached on D: three (REACHED); two come back on D+20, one never. Not reached: one NO_ANSWER who comes back
     * D+30, one open who comes back D+100 (outside 90 days), one open who never comes. Reached 2 of 3 = 66.7 %,
     * not reached 1 of 3 = 33.3 %, difference 33.3 points.
     */
    @Test
    void theEffectComparesReachedWithDueButNotReached() throws Exception {
        LocalDate d0 = today.minusDays(120);
        long[] c = new long[6];
        for (int i = 0; i < 6; i++) {
            c[i] = customer("效果" + i, 10, true, d0, every(5, 30, 12));
        }
        long thank = create(rule("季度感谢", "THANK", "TRULY_LOYAL", 90, 0));
        assertThat(job.outlet(outletA, d0).added()).isEqualTo(6);
        LocalDateTime at = d0.atTime(11, 0);
        for (int i = 0; i < 4; i++) {
            postJson("/api/v1/contacts", staffA, Map.of("customerId", c[i], "ruleId", thank,
                    "outcome", i < 3 ? "REACHED" : "NO_ANSWER", "contactedAt", at.toString()))
                    .andExpect(status().isCreated());
        }
        visit(c[0], d0.plusDays(20));
        visit(c[1], d0.plusDays(20));
        visit(c[3], d0.plusDays(30));
        visit(c[4], d0.plusDays(100));
        JsonNode all = body(getJson("/api/v1/contact-effect", managerA).andExpect(status().isOk()));
        JsonNode e = null;
        for (JsonNode r : all) {
            if (r.get("ruleId").asLong() == thank) {
                e = r;
            }
        }
        assertThat(e).isNotNull();
        assertThat(e.get("reached").asLong()).isEqualTo(3);
        assertThat(e.get("reachedReturned").asLong()).isEqualTo(2);
        assertThat(e.get("notReached").asLong()).isEqualTo(3);
        assertThat(e.get("notReachedReturned").asLong()).isEqualTo(1);
        assertThat(e.get("differencePoints").asDouble()).isEqualTo(33.3);
        assertThat(e.get("reachedRate").asDouble()).isCloseTo(0.667, within(0.001));
    }

    private void visit(long customer, LocalDate day) {
        bulk.insertVisits(List.of(new CustomerBulkLoad.NewVisit(customer, outletA, day.atTime(15, 0),
                new BigDecimal("20.00"), 1, UUID.randomUUID())));
    }

    @Test
    void scopeAndRolesDecideWhoSeesAndWrites() throws Exception {
        Data d = handMade();
        job.outlet(outletA, today);
        String managerB = token(fixtures.person(Role.MANAGER, chain.outletB().id()));
        String auditor = token(fixtures.person(Role.AUDITOR, chain.chain().id()));
        getJson("/api/v1/contact-due?outletId=" + outletA, managerB).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outletId"));
        postJson("/api/v1/contacts", managerB, Map.of("customerId", d.lin(), "outcome", "REACHED"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("customerId"));
        getJson("/api/v1/contact-due?outletId=" + outletA, auditor).andExpect(status().isForbidden());
        getJson("/api/v1/customers/" + d.lin() + "/contacts", auditor).andExpect(status().isForbidden());
        getJson("/api/v1/contact-effect", auditor).andExpect(status().isOk());
        postJson("/api/v1/contact-rules", staffA, rule("x", "THANK", "TRULY_LOYAL", 90, 0))
                .andExpect(status().isForbidden());
        Map<String, Object> chainWide = rule("全连锁感谢", "THANK", "TRULY_LOYAL", 90, 0);
        chainWide.put("outletId", null);
        postJson("/api/v1/contact-rules/chain-wide", managerA, chainWide).andExpect(status().isForbidden());
        postJson("/api/v1/contact-rules", admin, chainWide).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outletId"));
        long id = body(postJson("/api/v1/contact-rules/chain-wide", admin, chainWide).andExpect(status().isCreated()))
                .get("id").asLong();
        getJson("/api/v1/contact-rules/" + id, staffA).andExpect(jsonPath("$.outletId").doesNotExist());
        deleteJson("/api/v1/contact-rules/" + id, admin).andExpect(status().isNotFound());
        deleteJson("/api/v1/contact-rules/chain-wide/" + id, admin).andExpect(status().isNoContent());
        // a rule with contacts keeps its history
        postJson("/api/v1/contacts", staffA, Map.of("customerId", d.lin(), "ruleId", d.thank(), "outcome", "REACHED"))
                .andExpect(status().isCreated());
        deleteJson("/api/v1/contact-rules/" + d.thank(), managerA).andExpect(status().isConflict());
        // a person's list: given to nobody here, so empty
        getJson("/api/v1/contact-due", staffA).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void badInputIsRefusedNamingTheField() throws Exception {
        expectField(rule("无周期", "THANK", "TRULY_LOYAL", null, 0), "periodDays");
        expectField(rule("提前太多", "THANK", "TRULY_LOYAL", 90, 91), "leadDays");
        expectField(rule("未知类型", "CALL_ALL", null, 90, 0), "kind");
        expectField(rule("未知分组", "THANK", "VIP", 90, 0), "rosterGroup");
        expectField(rule("分组不符", "WIN_BACK", "TRULY_LOYAL", null, 0), "rosterGroup");
        expectField(rule("无流失天数", "WIN_BACK", "LAPSED_HEAVY", null, 0), "lapseDays");
        expectField(rule("名字\u0000", "THANK", "TRULY_LOYAL", 90, 0), "name");
        Map<String, Object> nobody = rule("无此人", "THANK", "TRULY_LOYAL", 90, 0);
        nobody.put("assigneeId", 987654321L);
        expectField(nobody, "assigneeId");
        long lin = customer("林", 10, true, today, 5);
        postJson("/api/v1/contacts", staffA, Map.of("customerId", lin, "outcome", "MAYBE"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("outcome"));
        postJson("/api/v1/contacts", staffA, Map.of("customerId", lin, "outcome", "REACHED",
                "contactedAt", today.plusDays(2).atTime(9, 0).toString()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("contactedAt"));
        postJson("/api/v1/contacts", staffA, Map.of("customerId", lin, "outcome", "REACHED",
                "contactedAt", "1900-01-01T09:00:00"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("contactedAt"));
        postJson("/api/v1/contacts", staffA, Map.of("customerId", lin, "outcome", "REACHED", "note", "a\u0000b"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("note"));
        long id = create(rule("整条替换", "THANK", "TRULY_LOYAL", 90, 0));
        putJson("/api/v1/contact-rules/" + id, managerA, Map.of("name", "只改名字"))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact WHERE customer_id = :c").param("c", lin)
                .query(Long.class).single()).isZero();
    }

    private void expectField(Map<String, Object> rule, String field) throws Exception {
        postJson("/api/v1/contact-rules", managerA, rule).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    @Test
    void whileAnotherInstanceHoldsTheLockTheJobDoesNotRun() throws Exception {
        handMade();
        Optional<SimpleLock> held = locks.lock(new LockConfiguration(Instant.now(), ContactDueJob.LOCK,
                Duration.ofMinutes(5), Duration.ZERO));
        assertThat(held).isPresent();
        try {
            job.scheduled();
            assertThat(list(staffA).get("total").asLong()).isZero();
            postJson("/api/v1/contact-due/generate?outletId=" + outletA, managerA, Map.of())
                    .andExpect(status().isConflict());
        } finally {
            held.get().unlock();
        }
        job.scheduled();
        assertThat(list(staffA).get("total").asLong()).isEqualTo(4);
    }
}
