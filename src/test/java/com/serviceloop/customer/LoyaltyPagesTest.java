package com.serviceloop.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.Fixtures;
import com.serviceloop.PageTest;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The roster and segment pages over the worked example ({@link LoyaltyExample}). */
class LoyaltyPagesTest extends PageTest {
    @Autowired CustomerService customers;
    @Autowired CustomerBulkLoad load;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired CustomerStatsRefresh refresh;
    @Autowired InsightSettingsService settings;
    private Fixtures.Chain chain;
    private AppUser admin;

    @BeforeEach
    void setUp() {
        admin = fixtures.admin();
        settings.save(InsightSettings.DEFAULTS);
        chain = fixtures.chain();
        new LoyaltyExample(customers, load, jdbc, clock, admin, chain.outletA().id());
        refresh.refreshAll();
    }

    @Test
    void theRosterShowsReasonsAndHidesContactsFromAnAuditor() throws Exception {
        String manager = page(fixtures.person(Role.MANAGER, chain.outletA().id()),
                "/roster?outletId=" + chain.outletA().id(), "zh-CN").andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(manager).contains("真正忠诚 (1)", "张伟 A", "139 0000 1111", "近 12 个月到店 12 次，之前 12 个月 0 次");
        String auditor = page(fixtures.person(Role.AUDITOR, chain.chain().id()),
                "/roster?outletId=" + chain.outletA().id() + "&group=LAPSED_HEAVY&sort=lastVisit", "en")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(auditor).contains("王芳 C", "0 visits in the last 12 months, 45 in the 12 before")
                .doesNotContain("139 0000 1111");
        page(fixtures.person(Role.MANAGER, chain.outletB().id()), "/roster?outletId=" + chain.outletA().id(), "en")
                .andExpect(status().isNotFound());
    }

    @Test
    void theSegmentPageCarriesItsChartDataAndDrillsDown() throws Exception {
        String html = page(admin, "/segments?unitId=" + chain.region().id(), "zh-CN").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"segment-heatmap\"", "data-chart=", "88.6 %", "顾客细分", "Outlet A");
        String drill = page(admin, "/segments/customers?unitId=" + chain.region().id() + "&tier=LIGHT&loyalty=LATENT",
                "en").andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(drill).contains("陈静 E").doesNotContain("李娜 B");
    }
}
