package com.serviceloop.staff;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.Fixtures;
import com.serviceloop.PageTest;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The review pages in both languages, and who may open a review. */
class ReviewPagesTest extends PageTest {
    @Autowired JdbcClient jdbc;

    @Test
    void aManagerPreparesAReviewThatThePersonReadsAndAColleagueDoesNot() throws Exception {
        Fixtures.Chain chain = fixtures.chain();
        AppUser manager = fixtures.person(Role.MANAGER, chain.outletA().id());
        AppUser wang = fixtures.person(Role.STAFF, chain.outletA().id());
        AppUser colleague = fixtures.person(Role.STAFF, chain.outletA().id());
        LocalDate today = LocalDate.now();
        page(manager, "/staff/reviews", "zh-CN").andExpect(status().isOk())
                .andExpect(content().string(containsString("准备评估")));
        submit(manager, "/staff/reviews", "personId", "" + wang.id(), "periodFrom", today.toString(), "periodTo",
                today.minusDays(10).toString()).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", containsString("before it begins")));
        submit(manager, "/staff/reviews", "personId", "" + wang.id(), "periodFrom", today.minusMonths(3).toString(),
                "periodTo", today.toString()).andExpect(status().is3xxRedirection());
        long id = jdbc.sql("SELECT MAX(id) FROM staff_review WHERE person_id = :p").param("p", wang.id())
                .query(Long.class).single();
        page(wang, "/staff/reviews/" + id, "zh-CN").andExpect(status().isOk())
                .andExpect(content().string(containsString("本期数据")))
                .andExpect(content().string(containsString("尚未面谈")));
        page(manager, "/staff/reviews/" + id, "en").andExpect(status().isOk())
                .andExpect(content().string(containsString("The period&#39;s figures")))
                .andExpect(content().string(containsString("/staff/reviews/" + id + "/discussion")));
        page(wang, "/staff/reviews", "en").andExpect(content().string(containsString("/staff/reviews/" + id)));
        page(colleague, "/staff/reviews", "en").andExpect(content().string(not(containsString("/staff/reviews/" + id))));
        page(colleague, "/staff/reviews/" + id, "en").andExpect(status().isNotFound());
        submit(colleague, "/staff/reviews/" + id + "/discussion", "goal1", "x").andExpect(status().isForbidden());
    }
}
