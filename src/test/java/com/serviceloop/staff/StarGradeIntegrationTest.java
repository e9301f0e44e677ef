package com.serviceloop.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The worked example of README's star grade section, two months back (every clock of it has fallen
 * due), outlet A, with the default levels of the migration:
 * <pre>
 * satisfaction index   three rated responses 80, 70, 75      -> 75.00
 * on time              20 clocks due, 18 stopped in time      -> 90.00 %
 * complaints           1 complaint in 2,000 visits            -> 500.00 per million visits
 * audit score          0.85 this month, 0.75 the month before -> 80.00 %
 *
 * 1 star (50, 70, 5000, 50) met; 2 stars (60, 80, 2000, 60) met; 3 stars (65, 85, 500, 70) met
 * (500 is at most 500); 4 stars (70, 90, 100, 80) missed on complaints only: 500 > 100  -> 3 stars.
 * Reasons: 4 stars complaints 500 > 100; 5 stars (73, 95, 10, 90) on time 90 < 95, complaints
 * 500 > 10, audit 80 < 90 (satisfaction 75 >= 73 is met).
 * </pre>
 */
class StarGradeIntegrationTest extends ApiTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Object[][] DEFAULTS = {{1, 50, 70, 5000, 50}, {2, 60, 80, 2000, 60}, {3, 65, 85, 500, 70},
            {4, 70, 90, 100, 80}, {5, 73, 95, 10, 90}};
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate batch;
    private Fixtures.Chain chain;
    private String adminToken;
    private YearMonth month;

    @BeforeEach
    void setUp() {
        for (Object[] r : DEFAULTS) {
            jdbc.sql("UPDATE star_rule SET min_satisfaction = :s, min_on_time = :t, max_complaints_ppm = :c, min_audit = :a "
                    + "WHERE stars = :n").param("n", r[0]).param("s", r[1]).param("t", r[2]).param("c", r[3])
                    .param("a", r[4]).update();
        }
        AppUser admin = fixtures.admin();
        adminToken = token(admin);
        chain = fixtures.chain();
        month = YearMonth.now(SHANGHAI).minusMonths(2);
        long a = chain.outletA().id();
        AppUser staff = fixtures.person(Role.STAFF, a);
        long customer = fixtures.customer(staff, a, "Star example");
        List<Object[]> visits = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            visits.add(new Object[] {customer, a, month.atDay(10).atTime(9, 0).plusMinutes(i), UUID.randomUUID()});
        }
        batch.batchUpdate("INSERT INTO visit (customer_id, outlet_id, visited_at, amount, items, dedup_key) "
                + "VALUES (?, ?, ?, 10, 1, ?)", visits);
        OffsetDateTime base = month.atDay(12).atTime(10, 0).atZone(SHANGHAI).toOffsetDateTime();
        for (int i = 0; i < 20; i++) {
            // the first is the month's one complaint; two of the twenty stop after their deadline
            long id = supportCase(a, i == 0 ? "COMPLAINT" : "REQUEST", base, staff.id());
            jdbc.sql("INSERT INTO case_clock (case_id, clock_kind, started_at, due_at, stopped_at) "
                            + "VALUES (:id, 'RESOLUTION', :s, :d, :e)")
                    .param("id", id).param("s", base).param("d", base.plusHours(4))
                    .param("e", base.plusHours(i < 2 ? 5 : 1)).update();
        }
        String code = Fixtures.unique("STARS");
        jdbc.sql("INSERT INTO survey (code, kind, title_en, title_zh) VALUES (:c, 'SATISFACTION', 'Stars', '星级')")
                .param("c", code).update();
        long survey = jdbc.sql("SELECT id FROM survey WHERE code = :c").param("c", code).query(Long.class).single();
        for (String s : List.of("80", "70", "75")) {
            jdbc.sql("INSERT INTO survey_response (survey_id, outlet_id, link_token, channel, complete, satisfaction, "
                            + "submitted_at, submission_key) VALUES (:s, :o, 'example', 'LINK', TRUE, :v, :at, :k)")
                    .param("s", survey).param("o", a).param("v", new BigDecimal(s)).param("at", base)
                    .param("k", UUID.randomUUID().toString()).update();
        }
        long version = formVersion(admin.id());
        audit(a, version, admin.id(), base, "0.85");
        audit(a, version, admin.id(), base.minusMonths(1), "0.75");
        // an audit three months back is outside the window of the month and the two before
        audit(a, version, admin.id(), base.minusMonths(3), "0.10");
    }

    private long supportCase(long outlet, String type, OffsetDateTime at, long person) {
        jdbc.sql("""
                INSERT INTO support_case (outlet_id, channel, case_type, severity, status, description, owner_id,
                    received_by, created_at, updated_at)
                VALUES (:o, 'COUNTER', :t, 'LOW', 'RESOLVED', 'worked example', :p, :p, :at, :at)""")
                .param("o", outlet).param("t", type).param("p", person).param("at", at).update();
        return jdbc.sql("SELECT MAX(id) FROM support_case").query(Long.class).single();
    }

    private long formVersion(long person) {
        jdbc.sql("INSERT INTO audit_form (outlet_type, name, created_by, created_at) VALUES ('pharmacy', :n, :p, :t)")
                .param("n", Fixtures.unique("Stars form")).param("p", person).param("t", OffsetDateTime.now()).update();
        long form = jdbc.sql("SELECT MAX(id) FROM audit_form").query(Long.class).single();
        jdbc.sql("INSERT INTO audit_form_version (form_id, version_no, status) VALUES (:f, 1, 'PUBLISHED')")
                .param("f", form).update();
        return jdbc.sql("SELECT MAX(id) FROM audit_form_version").query(Long.class).single();
    }

    private void audit(long outlet, long version, long auditor, OffsetDateTime at, String score) {
        jdbc.sql("INSERT INTO audit (outlet_id, form_version_id, auditor_id, status, started_at, submitted_at, score, result) "
                        + "VALUES (:o, :v, :p, 'SUBMITTED', :t, :t, :s, 'PASSED')")
                .param("o", outlet).param("v", version).param("p", auditor).param("t", at).param("s", new BigDecimal(score))
                .update();
    }

    private JsonNode compute(String token) throws Exception {
        return body(call(post("/api/v1/stars/grades/compute?month=" + month), token).andExpect(status().isOk()));
    }

    private JsonNode gradeOf(String token, long outletId) throws Exception {
        for (JsonNode g : body(getJson("/api/v1/stars/grades?month=" + month + "&unitId=" + chain.region().id(), token)
                .andExpect(status().isOk()))) {
            if (g.get("outletId").asLong() == outletId) {
                return g;
            }
        }
        return null;
    }

    @Test
    void theWorkedExampleGetsThreeStarsWithTheReasonForEachMissedStar() throws Exception {
        String manager = token(fixtures.person(Role.MANAGER, chain.region().id()));
        compute(manager);
        JsonNode g = gradeOf(manager, chain.outletA().id());
        assertThat(g).isNotNull();
        assertThat(g.get("stars").asInt()).isEqualTo(3);
        assertThat(g.get("satisfaction").decimalValue()).isEqualByComparingTo("75.00");
        assertThat(g.get("onTime").decimalValue()).isEqualByComparingTo("90.00");
        assertThat(g.get("complaintsPpm").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(g.get("auditScore").decimalValue()).isEqualByComparingTo("80.00");
        assertThat(g.get("visits").asLong()).isEqualTo(2000);
        assertThat(g.get("clocksDue").asLong()).isEqualTo(20);
        assertThat(g.get("audits").asLong()).isEqualTo(2);
        Map<String, String> reasons = new HashMap<>();
        g.get("missed").forEach(r -> reasons.put(r.get("stars").asInt() + " " + r.get("indicator").asString(),
                r.get("figure").decimalValue().stripTrailingZeros().toPlainString() + " vs "
                        + r.get("threshold").decimalValue().stripTrailingZeros().toPlainString()));
        assertThat(reasons).containsExactlyInAnyOrderEntriesOf(Map.of("4 COMPLAINTS_PPM", "500 vs 100",
                "5 ON_TIME", "90 vs 95", "5 COMPLAINTS_PPM", "500 vs 10", "5 AUDIT", "80 vs 90"));
        // outlet B had nothing to count: no grade
        assertThat(gradeOf(manager, chain.outletB().id())).isNull();
        // the trend and the region's distribution
        JsonNode trend = body(getJson("/api/v1/stars/outlets/" + chain.outletA().id(), manager).andExpect(status().isOk()));
        assertThat(trend.get(trend.size() - 1).get("month").asString()).isEqualTo(month.toString());
        JsonNode regions = body(getJson("/api/v1/stars/distribution?month=" + month, manager).andExpect(status().isOk()));
        JsonNode region = null;
        for (JsonNode r : regions) {
            if (r.get("regionId").asLong() == chain.region().id()) {
                region = r;
            }
        }
        assertThat(region).isNotNull();
        assertThat(region.get("outletsPerStars").get(3).asLong()).isEqualTo(1);
    }

    @Test
    void loosenedComplaintThresholdsLiftTheGradeAndContradictoryOnesAreRefusedByField() throws Exception {
        // 4 stars looser than 3 on satisfaction; 3 stars stricter than 4 on complaints: both contradict
        JsonNode refused = body(putJson("/api/v1/stars/rules/4", adminToken, Map.of("minSatisfaction", 60,
                "minOnTime", 90, "maxComplaintsPpm", 100, "minAudit", 80)).andExpect(status().isBadRequest()));
        assertThat(refused.toString()).contains("minSatisfaction");
        refused = body(putJson("/api/v1/stars/rules/3", adminToken, Map.of("minSatisfaction", 65,
                "minOnTime", 85, "maxComplaintsPpm", 50, "minAudit", 70)).andExpect(status().isBadRequest()));
        assertThat(refused.toString()).contains("maxComplaintsPpm");
        // leaving out a threshold a lower level has is also looser
        Map<String, Object> noAudit = new HashMap<>(Map.of("minSatisfaction", 70, "minOnTime", 90, "maxComplaintsPpm", 100));
        noAudit.put("minAudit", null);
        assertThat(body(putJson("/api/v1/stars/rules/4", adminToken, noAudit).andExpect(status().isBadRequest()))
                .toString()).contains("minAudit");
        // all five at once are checked as a whole, the field named with its level's place
        List<Map<String, Object>> all = new ArrayList<>();
        for (Object[] r : DEFAULTS) {
            all.add(Map.of("minSatisfaction", r[1], "minOnTime", r[2], "maxComplaintsPpm", r[3], "minAudit", r[4]));
        }
        all.set(3, Map.of("minSatisfaction", 60, "minOnTime", 90, "maxComplaintsPpm", 100, "minAudit", 80));
        assertThat(body(putJson("/api/v1/stars/rules", adminToken, Map.of("levels", all))
                .andExpect(status().isBadRequest())).toString()).contains("levels[3].minSatisfaction");
        putJson("/api/v1/stars/rules/99", adminToken, Map.of("minSatisfaction", 1, "minOnTime", 1,
                "maxComplaintsPpm", 1, "minAudit", 1)).andExpect(status().isBadRequest());
        // nothing changed, so the example is still three stars
        compute(adminToken);
        assertThat(gradeOf(adminToken, chain.outletA().id()).get("stars").asInt()).isEqualTo(3);

        // 4 stars now allow 500 complaints per million visits: the example earns four
        JsonNode levels = body(putJson("/api/v1/stars/rules/4", adminToken, Map.of("minSatisfaction", 70,
                "minOnTime", 90, "maxComplaintsPpm", 500, "minAudit", 80)).andExpect(status().isOk()));
        assertThat(levels.get(3).get("maxComplaintsPpm").decimalValue()).isEqualByComparingTo("500");
        compute(adminToken);
        assertThat(gradeOf(adminToken, chain.outletA().id()).get("stars").asInt()).isEqualTo(4);

        // only the chain changes levels
        String staff = token(fixtures.person(Role.STAFF, chain.outletA().id()));
        putJson("/api/v1/stars/rules/4", staff, Map.of("minSatisfaction", 70, "minOnTime", 90, "maxComplaintsPpm", 500,
                "minAudit", 80)).andExpect(status().isForbidden());
    }

    @Test
    void gradesKeepToTheCallersOutletsAndBadMonthsAreRefusedByName() throws Exception {
        compute(adminToken);
        String otherManager = token(fixtures.person(Role.MANAGER, chain.outletB().id()));
        assertThat(body(getJson("/api/v1/stars/grades?month=" + month, otherManager).andExpect(status().isOk()))
                .toString()).doesNotContain("\"outletId\":" + chain.outletA().id() + ",");
        getJson("/api/v1/stars/outlets/" + chain.outletA().id(), otherManager).andExpect(status().isNotFound());
        for (String bad : List.of("2026-13", "tomorrow", "1850-01", "2026-1%00")) {
            assertThat(body(getJson("/api/v1/stars/grades?month=" + bad, adminToken).andExpect(status().isBadRequest()))
                    .toString()).contains("month");
        }
        assertThat(body(call(post("/api/v1/stars/grades/compute?month=" + YearMonth.now(SHANGHAI).plusMonths(2)),
                adminToken).andExpect(status().isBadRequest())).toString()).contains("month");
        getJson("/api/v1/stars/outlets/" + chain.outletA().id() + "?months=0", adminToken).andExpect(status().isBadRequest());
    }
}
