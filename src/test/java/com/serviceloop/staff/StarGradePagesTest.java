package com.serviceloop.staff;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.Fixtures;
import com.serviceloop.PageTest;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The star grade pages in both languages: the grades with their reasons, the rules form and its refusals. */
class StarGradePagesTest extends PageTest {
    @Autowired JdbcClient jdbc;
    @Autowired StarGradeService grades;

    @Test
    void theMonthsGradesAndAnOutletsTrendShowInChineseAndEnglish() throws Exception {
        AppUser admin = fixtures.admin();
        Fixtures.Chain chain = fixtures.chain();
        long a = chain.outletA().id();
        AppUser staff = fixtures.person(Role.STAFF, a);
        long customer = fixtures.customer(staff, a, "Star page");
        YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1);
        // one visit and nothing else: 0 complaints per million, every other figure missing, so even one star is missed
        jdbc.sql("INSERT INTO visit (customer_id, outlet_id, visited_at, amount, items, dedup_key) "
                        + "VALUES (:c, :o, :t, 10, 1, :k)")
                .param("c", customer).param("o", a).param("t", month.atDay(3).atTime(10, 0))
                .param("k", UUID.randomUUID()).update();
        AppUser manager = fixtures.person(Role.MANAGER, chain.region().id());
        grades.compute(manager, month);
        page(manager, "/staff/stars?month=" + month, "zh-CN").andExpect(status().isOk())
                .andExpect(content().string(containsString("门店星级评定")))
                .andExpect(content().string(containsString(chain.outletA().name())))
                .andExpect(content().string(containsString("本月没有可计算的数据")))
                .andExpect(content().string(containsString("立即评定本月")));
        page(manager, "/staff/stars?month=" + month, "en").andExpect(status().isOk())
                .andExpect(content().string(containsString("Outlet star grade")))
                .andExpect(content().string(containsString("1 ★ asks for satisfaction index of 50")));
        page(manager, "/staff/stars/outlets/" + a, "zh-CN").andExpect(status().isOk())
                .andExpect(content().string(containsString("逐月星级")))
                .andExpect(content().string(containsString("star-trend")));
        page(manager, "/staff/stars/outlets/" + a, "en").andExpect(status().isOk())
                .andExpect(content().string(containsString("Grade by month")));
        // the section alone, which an outlet's service profile page loads
        page(manager, "/staff/stars/outlets/" + a + "/section", "en").andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"star-grade\"")))
                .andExpect(content().string(containsString("/staff/stars/outlets/" + a + "\"")));
        page(manager, "/customers/profile?outletId=" + a, "en").andExpect(status().isOk())
                .andExpect(content().string(containsString("/staff/stars/outlets/" + a + "/section")));
        // a regional manager reads the rules but may not change them
        page(manager, "/staff/stars", "en").andExpect(content().string(not(containsString("/staff/stars/rules/1"))));
        page(admin, "/staff/stars", "en").andExpect(content().string(containsString("/staff/stars/rules/1")));
        submit(manager, "/staff/stars/rules/4", "minSatisfaction", "1").andExpect(status().isForbidden());
        // a higher star may not ask less than a lower one: refused, naming the level it contradicts
        submit(admin, "/staff/stars/rules/4", "minSatisfaction", "60", "minOnTime", "90", "maxComplaintsPpm", "100",
                "minAudit", "80").andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/staff/stars")));
        page(admin, "/staff/stars", "en").andExpect(status().isOk());
        // the outlet of another region is unknown to a manager of this one
        AppUser other = fixtures.person(Role.MANAGER, fixtures.chain().region().id());
        page(other, "/staff/stars/outlets/" + a, "en").andExpect(status().isNotFound());
    }
}
