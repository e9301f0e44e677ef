package com.serviceloop.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import com.serviceloop.organisation.UnitKind;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The indicators against a small data set whose figures are worked out by hand in the comments.
 * Outlet A: 500 visits, 3 complaints; outlet B: 1,000 visits, 1 complaint.
 */
class CaseIndicatorsIntegrationTest extends ApiTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    @Autowired JdbcClient jdbc;
    private Fixtures.Chain chain;
    private AppUser staff;
    private String managerToken;
    private final OffsetDateTime base = LocalDate.now(SHANGHAI).minusDays(150).atTime(10, 0).atZone(SHANGHAI).toOffsetDateTime();

    @BeforeEach
    void setUp() {
        fixtures.admin();
        chain = fixtures.chain();
        staff = fixtures.person(Role.STAFF, chain.outletA().id());
        managerToken = token(fixtures.person(Role.MANAGER, chain.region().id()));
        long a = chain.outletA().id();
        long b = chain.outletB().id();
        long loyal = fixtures.customer(staff, a, "Returns quickly");
        long lost = fixtures.customer(staff, a, "Never came back");
        visits(a, loyal, 499, base.toLocalDateTime().minusDays(5));
        visits(a, loyal, 1, base.toLocalDateTime().plusDays(10)); // 10 days after the complaint was resolved
        visits(b, lost, 1000, base.toLocalDateTime().minusDays(5));
        // outlet A's three complaints, resolution due 240 minutes after start, taking 60, 120 and 600 minutes
        long c1 = complaint(a, loyal, 60);
        long c2 = complaint(a, lost, 120);
        long c3 = complaint(a, null, 600);
        long c4 = complaint(b, lost, 300); // late, and the customer did not come back
        // topics: two out of stock and one queueing at A; B's complaint has none
        topic(c1, "OUT_OF_STOCK");
        topic(c2, "OUT_OF_STOCK");
        topic(c3, "QUEUEING");
        // follow-up calls the next day: A's customers gave 5 and 3 (and one was not reached), B's gave 2
        call(c1, "CLOSED", 5);
        call(c2, "CLOSED", 3);
        call(c3, "NOT_REACHED", null);
        call(c4, "REOPENED", 2);
        // SQI: two lost items (weight 10) and one late delivery (weight 1) at A; one reopened complaint (5) at B
        sqi(a, "LOST_ITEM", 2);
        sqi(a, "LATE_UP_TO_1_DAY", 1);
        sqi(b, "COMPLAINT_REOPENED", 1);
        assertThat(c1).isNotEqualTo(c4);
    }

    private void visits(long outlet, long customer, int n, LocalDateTime at) {
        for (int i = 0; i < n; i++) {
            jdbc.sql("INSERT INTO visit (customer_id, outlet_id, visited_at, amount, items, dedup_key) VALUES (:c, :o, :t, 10, 1, :k)")
                    .param("c", customer).param("o", outlet).param("t", at.plusMinutes(i)).param("k", UUID.randomUUID()).update();
        }
    }

    private long complaint(long outlet, Long customer, int minutes) {
        OffsetDateTime resolved = base.plusMinutes(minutes);
        jdbc.sql("""
                INSERT INTO support_case (outlet_id, customer_id, channel, case_type, severity, status, description, owner_id,
                    received_by, created_at, updated_at, resolved_at)
                VALUES (:o, :c, 'COUNTER', 'COMPLAINT', 'MEDIUM', 'RESOLVED', 'worked example', :p, :p, :t, :t, :r)""")
                .param("o", outlet).param("c", customer).param("p", staff.id()).param("t", base).param("r", resolved).update();
        long id = jdbc.sql("SELECT MAX(id) FROM support_case").query(Long.class).single();
        jdbc.sql("INSERT INTO case_clock (case_id, clock_kind, started_at, due_at, stopped_at) VALUES (:id, 'RESOLUTION', :s, :d, :e)")
                .param("id", id).param("s", base).param("d", base.plusMinutes(240)).param("e", resolved).update();
        return id;
    }

    private void topic(long caseId, String topic) {
        jdbc.sql("UPDATE support_case SET topic = :t WHERE id = :id").param("t", topic).param("id", caseId).update();
    }

    private void call(long caseId, String outcome, Integer satisfaction) {
        jdbc.sql("INSERT INTO case_follow_up (case_id, recorded_by, recorded_at, outcome, satisfaction) VALUES (:c, :p, :t, :o, :s)")
                .param("c", caseId).param("p", staff.id()).param("t", base.plusDays(1)).param("o", outcome)
                .param("s", satisfaction).update();
    }

    private void sqi(long outlet, String code, int quantity) {
        jdbc.sql("INSERT INTO sqi_event (outlet_id, failure_code, occurred_on, quantity, created_at) VALUES (:o, :c, :d, :q, :t)")
                .param("o", outlet).param("c", code).param("d", base.toLocalDate()).param("q", quantity).param("t", base).update();
    }

    private JsonNode report(String query) throws Exception {
        return body(getJson("/api/v1/case-indicators?from=" + base.toLocalDate().minusDays(10) + "&to="
                + LocalDate.now(SHANGHAI) + query, managerToken).andExpect(status().isOk()));
    }

    private static JsonNode group(JsonNode report, String name) {
        for (JsonNode g : report.get("groups")) {
            if (g.get("name").asText().equals(name)) {
                return g;
            }
        }
        throw new AssertionError("no group " + name);
    }

    private static JsonNode resolution(JsonNode group) {
        for (JsonNode c : group.get("clocks")) {
            if (c.get("clock").asText().equals("RESOLUTION")) {
                return c;
            }
        }
        throw new AssertionError();
    }

    @Test
    void figuresPerOutletMatchTheWorkedExample() throws Exception {
        JsonNode r = report("&groupBy=OUTLET&period=MONTH");
        JsonNode a = group(r, chain.outletA().name());
        // 3 complaints / 500 visits * 1000 = 6.0
        assertThat(a.get("complaints").asLong()).isEqualTo(3);
        assertThat(a.get("visits").asLong()).isEqualTo(500);
        assertThat(a.get("complaintRate").asDouble()).isEqualTo(6.0);
        // on time: 60 and 120 minutes against 240 -> 2 of 3
        JsonNode res = resolution(a);
        assertThat(res.get("due").asLong()).isEqualTo(3);
        assertThat(res.get("onTime").asLong()).isEqualTo(2);
        assertThat(res.get("onTimeRate").asDouble()).isEqualTo(0.6667);
        // average (60 + 120 + 600) / 3 = 260; 90th percentile, interpolated: 120 + 0.8 * (600 - 120) = 504
        assertThat(res.get("avgMinutes").asDouble()).isEqualTo(260.0);
        assertThat(res.get("p90Minutes").asDouble()).isEqualTo(504.0);
        // returns: two on-time complaints with a customer; only the loyal one bought again within 90 days
        assertThat(a.get("returnAfterFast").get("cases").asLong()).isEqualTo(2);
        assertThat(a.get("returnAfterFast").get("returned").asLong()).isEqualTo(1);
        assertThat(a.get("returnAfterFast").get("rate").asDouble()).isEqualTo(0.5);
        // SQI: 2 x 10 + 1 x 1 = 21
        assertThat(a.get("sqi").asLong()).isEqualTo(21);

        JsonNode b = group(r, chain.outletB().name());
        assertThat(b.get("complaintRate").asDouble()).isEqualTo(1.0);
        assertThat(b.get("returnAfterSlow").get("cases").asLong()).isEqualTo(1);
        assertThat(b.get("returnAfterSlow").get("rate").asDouble()).isEqualTo(0.0);
        assertThat(b.get("sqi").asLong()).isEqualTo(5);

        // the total: 4 / 1,500 * 1000 = 2.6667; resolution on time 2 of 4
        JsonNode total = r.get("total");
        assertThat(total.get("complaintRate").asDouble()).isEqualTo(2.6667);
        assertThat(resolution(total).get("onTimeRate").asDouble()).isEqualTo(0.5);
        assertThat(total.get("sqi").asLong()).isEqualTo(26);
    }

    @Test
    void regionsAndTheMonthlySeries() throws Exception {
        JsonNode r = report("&groupBy=REGION&period=MONTH");
        assertThat(r.get("groups")).hasSize(1);
        JsonNode region = r.get("groups").get(0);
        assertThat(region.get("name").asText()).isEqualTo(chain.region().name());
        assertThat(region.get("complaints").asLong()).isEqualTo(4);
        String month = base.toLocalDate().toString().substring(0, 7);
        JsonNode point = null;
        for (JsonNode p : r.get("series")) {
            if (p.get("period").asText().equals(month) && p.get("groupId").isNull()) {
                point = p;
            }
        }
        assertThat(point).isNotNull();
        assertThat(point.get("complaints").asLong()).isEqualTo(4);
        assertThat(point.get("sqi").asLong()).isEqualTo(26);

        getJson("/api/v1/case-indicators?from=2026-05-01&to=2026-01-01", managerToken).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        getJson("/api/v1/case-indicators?groupBy=PLANET", managerToken).andExpect(status().isBadRequest());
    }

    @Test
    void failureTypesAreConfigurableAndEventsCanBeRecorded() throws Exception {
        String adminToken = token(fixtures.admin());
        JsonNode types = body(getJson("/api/v1/sqi/failure-types", managerToken));
        assertThat(types.findValuesAsString("code")).contains("LATE_OVER_1_DAY", "MISSED_PICKUP", "LOST_ITEM");
        putJson("/api/v1/sqi/failure-types", managerToken, Map.of("code", "WRONG_MEDICINE", "nameEn", "Wrong medicine",
                "nameZh", "发错药", "weight", 20)).andExpect(status().isForbidden());
        putJson("/api/v1/sqi/failure-types", adminToken, whole(Sqi.FailureTypeForm.class, Map.of("code", "WRONG_MEDICINE",
                "nameEn", "Wrong medicine", "nameZh", "发错药", "weight", 20))).andExpect(status().isOk());
        postJson("/api/v1/sqi/events", managerToken, Map.of("outletId", chain.outletA().id(), "failureCode", "WRONG_MEDICINE",
                "occurredOn", base.toLocalDate().toString(), "quantity", 1)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.weight").value(20));
        postJson("/api/v1/sqi/events", managerToken, Map.of("outletId", chain.outletA().id(), "failureCode", "NOPE",
                "occurredOn", base.toLocalDate().toString())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("failureCode"));
        JsonNode days = body(getJson("/api/v1/sqi/daily?outletId=" + chain.outletA().id() + "&from="
                + base.toLocalDate() + "&to=" + base.toLocalDate(), managerToken));
        assertThat(days.get(0).get("sqi").asLong()).isEqualTo(41); // 21 + 20
        assertThat(group(report("&groupBy=OUTLET"), chain.outletA().name()).get("sqi").asLong()).isEqualTo(41);
    }

    @Test
    void casesPerTopicAndTheFollowUpSatisfactionScore() throws Exception {
        JsonNode r = report("&groupBy=OUTLET");
        // 4 complaints: OUT_OF_STOCK 2, QUEUEING 1, and 1 without a topic, listed last
        JsonNode topics = r.get("topics");
        assertThat(topics).hasSize(3);
        assertThat(topics.get(0).get("code").asText()).isEqualTo("OUT_OF_STOCK");
        assertThat(topics.get(1).get("code").asText()).isEqualTo("QUEUEING");
        assertThat(topics.get(0).get("cases").asLong()).isEqualTo(2);
        assertThat(topics.get(0).get("nameEn").asText()).isEqualTo("Out of stock");
        assertThat(topics.get(0).get("nameZh").asText()).isEqualTo("缺货");
        assertThat(topics.get(1).get("cases").asLong()).isEqualTo(1);
        assertThat(topics.get(2).get("code").isNull()).isTrue();
        assertThat(topics.get(2).get("cases").asLong()).isEqualTo(1);
        // satisfaction: A (5 + 3) / 2 = 4.0, the call not reached has no score; B 2; all (5 + 3 + 2) / 3 = 3.3333
        JsonNode a = group(r, chain.outletA().name());
        assertThat(a.get("followUpSatisfaction").asDouble()).isEqualTo(4.0);
        assertThat(a.get("followUpRatings").asLong()).isEqualTo(2);
        assertThat(group(r, chain.outletB().name()).get("followUpSatisfaction").asDouble()).isEqualTo(2.0);
        assertThat(r.get("total").get("followUpSatisfaction").asDouble()).isEqualTo(3.3333);
        // SQI per 1,000 visits: A 21 / 500 -> 42.0; all 26 / 1,500 -> 17.3333
        assertThat(a.get("sqiPerThousand").asDouble()).isEqualTo(42.0);
        assertThat(r.get("total").get("sqiPerThousand").asDouble()).isEqualTo(17.3333);

        // one outlet: only A's cases, its topics and its figures
        JsonNode one = report("&outletId=" + chain.outletA().id());
        assertThat(one.get("outletId").asLong()).isEqualTo(chain.outletA().id());
        assertThat(one.get("groups")).hasSize(1);
        assertThat(one.get("topics").findValuesAsString("code")).containsExactly("OUT_OF_STOCK", "QUEUEING");
        assertThat(one.get("total").get("complaints").asLong()).isEqualTo(3);
        AppUser elsewhere = fixtures.person(Role.MANAGER, fixtures.chain().region().id());
        getJson("/api/v1/case-indicators?outletId=" + chain.outletA().id(), token(elsewhere))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("outletId"));
    }

    private JsonNode outletRow(JsonNode rows, String name) {
        for (JsonNode row : rows) {
            if (row.get("outlet").get("name").asText().equals(name)) {
                return row;
            }
        }
        throw new AssertionError("no row " + name);
    }

    @Test
    void eachOutletAgainstItsRegionsAverage() throws Exception {
        JsonNode rows = body(getJson("/api/v1/case-indicators/outlets?from=" + base.toLocalDate().minusDays(10) + "&to="
                + LocalDate.now(SHANGHAI), managerToken).andExpect(status().isOk()));
        JsonNode a = outletRow(rows, chain.outletA().name());
        JsonNode b = outletRow(rows, chain.outletB().name());
        // the region's figures pool its outlets: 4 complaints / 1,500 visits -> 2.6667 per 1,000
        assertThat(a.get("region").get("name").asText()).isEqualTo(chain.region().name());
        assertThat(a.get("region").get("complaintRate").asDouble()).isEqualTo(2.6667);
        // complaints are better low: A 6.0 is worse than 2.6667, B 1.0 better
        assertThat(a.get("verdicts").get("COMPLAINT_RATE").asText()).isEqualTo("WORSE");
        assertThat(b.get("verdicts").get("COMPLAINT_RATE").asText()).isEqualTo("BETTER");
        // resolved on time is better high: A 2/3 against the region's 2/4, B 0/1
        assertThat(a.get("verdicts").get("RESOLUTION_ON_TIME").asText()).isEqualTo("BETTER");
        assertThat(b.get("verdicts").get("RESOLUTION_ON_TIME").asText()).isEqualTo("WORSE");
        // satisfaction A 4.0 and B 2.0 against 3.3333; SQI per 1,000 A 42.0 and B 5.0 against 17.3333
        assertThat(a.get("verdicts").get("SATISFACTION").asText()).isEqualTo("BETTER");
        assertThat(b.get("verdicts").get("SATISFACTION").asText()).isEqualTo("WORSE");
        assertThat(a.get("region").get("sqiPerThousand").asDouble()).isEqualTo(17.3333);
        assertThat(a.get("verdicts").get("SQI_RATE").asText()).isEqualTo("WORSE");
        assertThat(b.get("verdicts").get("SQI_RATE").asText()).isEqualTo("BETTER");
        // no follow-up clock fell due: no verdict
        assertThat(a.get("verdicts").has("FOLLOW_UP_ON_TIME")).isFalse();

        // an outlet manager sees the region's average, not the other outlet
        AppUser outletManager = fixtures.person(Role.MANAGER, chain.outletB().id());
        JsonNode own = body(getJson("/api/v1/case-indicators/outlets?from=" + base.toLocalDate().minusDays(10), token(outletManager)));
        assertThat(own).hasSize(1);
        assertThat(own.get(0).get("outlet").get("name").asText()).isEqualTo(chain.outletB().name());
        assertThat(own.get(0).get("region").get("complaintRate").asDouble()).isEqualTo(2.6667);

        assertThat(OutletComparison.verdict(OutletComparison.Figure.COMPLAINT_RATE, 2.0, 2.0))
                .isEqualTo(OutletComparison.Verdict.SAME);
        assertThat(OutletComparison.verdict(OutletComparison.Figure.SATISFACTION, null, 2.0)).isNull();
    }

    @Test
    void theSqiTrendPerMonthAgainstVisits() throws Exception {
        // a third outlet with two whole months: 400 visits and 2 late-by-more-than-a-day (5 each) in the
        // first, 250 visits, 1 late by up to a day (1) and 1 reopened complaint (5) in the second
        long c = fixtures.unit(chain.region().id(), UnitKind.OUTLET, "Outlet C").id();
        LocalDate first = LocalDate.now(SHANGHAI).withDayOfMonth(1).minusMonths(4);
        LocalDate second = first.plusMonths(1);
        long customer = fixtures.customer(fixtures.admin(), c, "Regular");
        visits(c, customer, 400, first.plusDays(2).atTime(10, 0));
        visits(c, customer, 250, second.plusDays(2).atTime(10, 0));
        sqiOn(c, "LATE_OVER_1_DAY", 2, first.plusDays(5));
        sqiOn(c, "LATE_UP_TO_1_DAY", 1, second.plusDays(5));
        sqiOn(c, "COMPLAINT_REOPENED", 1, second.plusDays(6));
        JsonNode r = body(getJson("/api/v1/case-indicators?outletId=" + c + "&from=" + first + "&to="
                + second.plusMonths(1).minusDays(1), managerToken).andExpect(status().isOk()));
        JsonNode months = r.get("months");
        assertThat(months).hasSize(2);
        // 2 x 5 = 10 per 400 visits -> 25.0 per 1,000; 1 + 5 = 6 per 250 visits -> 24.0 per 1,000
        assertThat(months.get(0).get("period").asText()).isEqualTo(first.toString().substring(0, 7));
        assertThat(months.get(0).get("sqi").asLong()).isEqualTo(10);
        assertThat(months.get(0).get("visits").asLong()).isEqualTo(400);
        assertThat(months.get(0).get("sqiPerThousand").asDouble()).isEqualTo(25.0);
        assertThat(months.get(1).get("sqi").asLong()).isEqualTo(6);
        assertThat(months.get(1).get("sqiPerThousand").asDouble()).isEqualTo(24.0);
        // the months come per month whatever the chart steps
        JsonNode daily = body(getJson("/api/v1/case-indicators?period=DAY&outletId=" + c + "&from=" + first + "&to="
                + second.plusMonths(1).minusDays(1), managerToken));
        assertThat(daily.get("months")).hasSize(2);
        assertThat(daily.get("total").get("sqiPerThousand").asDouble()).isEqualTo(24.6154); // 16 / 650 visits
    }

    private void sqiOn(long outlet, String code, int quantity, LocalDate day) {
        jdbc.sql("INSERT INTO sqi_event (outlet_id, failure_code, occurred_on, quantity, created_at) VALUES (:o, :c, :d, :q, :t)")
                .param("o", outlet).param("c", code).param("d", day).param("q", quantity).param("t", base).update();
    }
}
