package com.serviceloop.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.Fixtures;
import com.serviceloop.PageTest;
import com.serviceloop.customer.InsightSettingsService;
import com.serviceloop.platform.PageRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AdminPagesTest extends PageTest {
    @Autowired OrgService org;
    @Autowired PersonService people;
    @Autowired InsightSettingsService settings;
    private AppUser admin;
    private Fixtures.Chain chain;

    @BeforeEach
    void setUp() {
        admin = fixtures.admin();
        chain = fixtures.chain();
    }

    @Test
    void theTreeShowsUnitsAndAcceptsNewOnes() throws Exception {
        page(admin, "/organisation", "zh-CN").andExpect(status().isOk())
                .andExpect(content().string(containsString(chain.outletA().code())))
                .andExpect(content().string(containsString("门店")));
        String code = Fixtures.unique("NEW");
        submit(admin, "/organisation", "kind", "OUTLET", "parentId", String.valueOf(chain.region().id()),
                "name", "Station Road", "code", code, "outletType", "pharmacy")
                .andExpect(redirectedUrl("/organisation"));
        assertThat(org.visibleUnits(admin)).anyMatch(u -> u.code().equals(code));
        submit(admin, "/organisation", "kind", "TEAM", "parentId", String.valueOf(chain.region().id()),
                "name", "Misplaced", "code", Fixtures.unique("T"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("cannot be placed under")));
        submit(admin, "/organisation/" + chain.region().id() + "/delete")
                .andExpect(redirectedUrl("/organisation")).andExpect(flash().attributeExists("problem"));
    }

    @Test
    void aRefusalStandsNextToItsFieldInTheReadersLanguage() throws Exception {
        submit(admin, "/organisation?lang=zh", "kind", "TEAM", "parentId", String.valueOf(chain.region().id()),
                "name", "Misplaced", "code", Fixtures.unique("T"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<span class=\"field-error\">柜组不能放在区域之下</span>")));
        submit(admin, "/organisation/" + chain.region().id() + "/delete?lang=zh").andExpect(redirectedUrl("/organisation"))
                .andExpect(flash().attribute("problem", "单位 " + chain.region().id() + " 下仍有下级单位或人员"));
    }

    @Test
    void peopleAreCreatedWithErrorsNextToFields() throws Exception {
        String username = Fixtures.unique("user");
        submit(admin, "/people", "displayName", "New Starter", "role", "STAFF", "username", username,
                "password", "short").andExpect(status().isOk())
                .andExpect(content().string(containsString("Use at least 10 characters")));
        submit(admin, "/people", "displayName", "New Starter", "role", "STAFF", "username", username,
                "password", "long-enough-password", "scopeUnitId", String.valueOf(chain.outletA().id()),
                "active", "true").andExpect(redirectedUrl("/people"));
        Person p = people.search(username, PageRequest.of(0, 5)).items().getFirst();
        assertThat(p.scopeUnitId()).isEqualTo(chain.outletA().id());
        page(admin, "/people/" + p.id(), "en").andExpect(content().string(containsString(username)));
    }

    @Test
    void aTokenIsShownOnceAndCanBeRevoked() throws Exception {
        String html = submit(admin, "/tokens", "name", "Till", "personId", String.valueOf(admin.id()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("sl_")))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Copy it now");
        page(admin, "/tokens", "en").andExpect(content().string(containsString("Revoke")));
    }

    @Test
    void settingsAreValidatedNextToTheField() throws Exception {
        submit(admin, "/settings", "heavyMinVisits", "5", "mediumMinVisits", "10", "lightMinVisits", "1",
                "expectedYears", "5", "wordOfMouthMultiplier", "1.2", "promoterMinScore", "9")
                .andExpect(status().isOk()).andExpect(content().string(containsString("Tier thresholds must fall")));
        assertThat(settings.current().heavyMinVisits()).isEqualTo(40);
    }
}
