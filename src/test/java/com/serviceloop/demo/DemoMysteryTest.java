package com.serviceloop.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.organisation.Role;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@Tag("db")
class DemoMysteryTest extends ApiTest {
    @Autowired DemoMystery mystery;
    @Autowired JdbcClient jdbc;

    @Test
    void eighteenMonthsOfVisitsKeepTheRevisitRuleAndTheQuota() throws Exception {
        String admin = token(fixtures.admin());
        Map<String, Object> standard = new LinkedHashMap<>(Map.of("outletType", "pharmacy", "areaCode", "ATTITUDE",
                "behaviour", "Greet the customer with a smile", "kind", "SOFT"));
        long std = body(postJson("/api/v1/standards", admin, standard)).at("/standard/id").asLong();
        long form = body(postJson("/api/v1/audit-forms", admin, Map.of("outletType", "pharmacy", "name", "Demo walk"))
                .andExpect(status().isCreated())).get("formId").asLong();
        Map<String, Object> item = new LinkedHashMap<>(Map.of("standardId", std, "answerType", "MET", "weight", 1,
                "critical", false, "naAllowed", false, "required", true));
        item.put("text", null);
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("name", "Demo walk");
        draft.put("sections", List.of(Map.of("areaCode", "ATTITUDE", "weight", 1, "items", List.of(item))));
        putJson("/api/v1/audit-forms/" + form + "/draft", admin, draft).andExpect(status().isOk());
        postJson("/api/v1/audit-forms/" + form + "/publish", admin, "").andExpect(status().isOk());
        Fixtures.Chain c = fixtures.chain();
        fixtures.person(Role.MANAGER, c.chain().id());
        String suffix = Fixtures.unique("").substring(0, 6);

        int loaded = mystery.load(List.of(c.outletA(), c.outletB()), 18, suffix);

        assertThat(loaded).isGreaterThan(15);
        String where = " FROM mystery_visit WHERE outlet_id IN (:a, :b)";
        assertThat(count("SELECT COUNT(*)" + where + " AND status = 'ACCEPTED' AND score IS NOT NULL", c)).isGreaterThan(10);
        assertThat(count("SELECT COUNT(*)" + where + " AND status = 'ASSIGNED'", c)).isPositive();
        assertThat(count("SELECT COUNT(*) FROM mystery_debrief d JOIN mystery_visit v ON v.id = d.visit_id "
                + "WHERE v.outlet_id IN (:a, :b)", c)).isPositive();
        // no shopper returns to an outlet within two months; at most one visit per outlet and month
        List<Map<String, Object>> planned = jdbc.sql("SELECT shopper_id, outlet_id, planned_on" + where + " ORDER BY planned_on")
                .param("a", c.outletA().id()).param("b", c.outletB().id()).query().listOfRows();
        for (int i = 0; i < planned.size(); i++) {
            for (int j = i + 1; j < planned.size(); j++) {
                Map<String, Object> x = planned.get(i);
                Map<String, Object> y = planned.get(j);
                LocalDate dx = LocalDate.parse(x.get("planned_on").toString());
                LocalDate dy = LocalDate.parse(y.get("planned_on").toString());
                if (x.get("outlet_id").equals(y.get("outlet_id"))) {
                    assertThat(YearMonth.from(dx)).isNotEqualTo(YearMonth.from(dy));
                    if (x.get("shopper_id").equals(y.get("shopper_id"))) {
                        assertThat(dy).isAfterOrEqualTo(dx.plusMonths(2));
                    }
                }
            }
        }
        List<LocalDate> days = jdbc.sql("SELECT planned_on" + where).param("a", c.outletA().id())
                .param("b", c.outletB().id()).query(LocalDate.class).list();
        assertThat(days).isNotEmpty().allSatisfy(d -> assertThat(d).isAfter(LocalDate.now().minusMonths(18)));
        assertThat(jdbc.sql("SELECT score" + where + " AND status = 'ACCEPTED'").param("a", c.outletA().id())
                .param("b", c.outletB().id()).query(Double.class).list()).allSatisfy(s -> assertThat(s).isBetween(0.0, 1.0));
    }

    private long count(String sql, Fixtures.Chain c) {
        return jdbc.sql(sql).param("a", c.outletA().id()).param("b", c.outletB().id()).query(Long.class).single();
    }
}
