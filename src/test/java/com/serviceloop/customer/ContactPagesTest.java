package com.serviceloop.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.Fixtures;
import com.serviceloop.PageTest;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The phone-first due list: a call button, the outcome in two taps, and who may see it. */
class ContactPagesTest extends PageTest {
    @Autowired CustomerBulkLoad bulk;
    @Autowired ContactRules rules;
    @Autowired ContactDueJob job;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    private AppUser staff;
    private AppUser auditor;
    private long outlet;
    private long customer;

    @BeforeEach
    void setUp() {
        AppUser admin = fixtures.admin();
        Fixtures.Chain chain = fixtures.chain();
        outlet = chain.outletA().id();
        staff = fixtures.person(Role.STAFF, outlet);
        auditor = fixtures.person(Role.AUDITOR, chain.chain().id());
        customer = bulk.insertCustomers(List.of(new CustomerBulkLoad.NewCustomer(Fixtures.unique("P"), "郑秀英",
                "136 1234 5678", outlet, null, null, null, null, null, null, null, null, 10, true, false, false)))
                .getFirst().id();
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < 12; i++) {
            bulk.insertVisits(List.of(new CustomerBulkLoad.NewVisit(customer, outlet, today.minusDays(3 + 30L * i)
                    .atTime(10, 0), new BigDecimal("50.00"), 1, UUID.randomUUID())));
        }
        rules.create(admin, new ContactRuleForm(outlet, "感谢老顾客", ContactKind.THANK, RosterGroup.TRULY_LOYAL, 90, 0,
                null, null, null, true, null), false);
        job.outlet(outlet, today);
    }

    @Test
    void staffCallAndRecordTheOutcomeFromTheList() throws Exception {
        page(staff, "/contacts?outletId=" + outlet, "zh").andExpect(status().isOk())
                .andExpect(content().string(containsString("郑秀英")))
                .andExpect(content().string(containsString("tel:13612345678")))
                .andExpect(content().string(containsString("表示会再来")));
        long due = jdbc.sql("SELECT id FROM contact_due WHERE customer_id = :c AND closed_seq = 0").param("c", customer)
                .query(Long.class).single();
        mvc.perform(post("/contacts/" + due + "/record").with(user(staff)).with(csrf()).header("HX-Request", "true")
                        .param("customerId", String.valueOf(customer)).param("outcome", "WILL_COME_BACK")
                        .param("note", "周末来取药"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Will come back")));
        page(staff, "/contacts?outletId=" + outlet, "en").andExpect(content().string(not(containsString("郑秀英"))));
        page(staff, "/customers/" + customer + "/contact-history", "zh").andExpect(status().isOk())
                .andExpect(content().string(containsString("周末来取药")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact WHERE customer_id = :c").param("c", customer)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void auditorsSeeTheEffectButNoPhoneNumbers() throws Exception {
        page(auditor, "/contacts", "en").andExpect(status().isForbidden());
        page(auditor, "/customers/" + customer + "/contact-history", "en").andExpect(status().isForbidden());
        page(auditor, "/contacts/effect", "zh").andExpect(status().isOk())
                .andExpect(content().string(containsString("不能证明因果")))
                .andExpect(content().string(not(containsString("136 1234"))));
        page(auditor, "/contacts/rules", "en").andExpect(status().isOk())
                .andExpect(content().string(containsString("感谢老顾客")));
        submit(staff, "/contacts/rules", "name", "x", "kind", "THANK", "leadDays", "0", "active", "true")
                .andExpect(status().isForbidden());
    }
}
