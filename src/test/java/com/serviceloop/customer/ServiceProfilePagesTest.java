package com.serviceloop.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.Fixtures;
import com.serviceloop.PageTest;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The service profile pages: shown in both languages, edited through the form by those the rules let through. */
class ServiceProfilePagesTest extends PageTest {
    @Autowired ServiceProfileService profiles;
    private Fixtures.Chain chain;
    private AppUser managerA;

    @BeforeEach
    void setUp() {
        fixtures.admin();
        chain = fixtures.chain();
        managerA = fixtures.person(Role.MANAGER, chain.outletA().id());
    }

    /** The whole form as the edit page sends it, with the team's rating of the first need given. */
    private String[] form(String statement, String welcome, int version) {
        List<String> f = new ArrayList<>(List.of("statement", statement, "tradeArea", "社区", "version",
                String.valueOf(version), "targetAgeBands", "AGE_35_44"));
        for (ServiceCharacteristic c : ServiceCharacteristic.values()) {
            f.addAll(List.of("characteristics[" + c.ordinal() + "].code", c.name(),
                    "characteristics[" + c.ordinal() + "].score", "4", "characteristics[" + c.ordinal() + "].note", ""));
        }
        for (FrequencyTier t : FrequencyTier.values()) {
            String p = "silhouette[" + t.ordinal() + "].";
            f.addAll(List.of(p + "tier", t.name(), p + "purpose", "5", p + "cost", "2", p + "necessity", "4",
                    p + "risk", "3", p + "result", "4"));
        }
        for (CustomerNeed n : CustomerNeed.values()) {
            String p = "needs[" + n.ordinal() + "].";
            f.addAll(List.of(p + "need", n.name(), p + "teamScore", n.ordinal() == 0 ? welcome : "3",
                    p + "dimension", n.ordinal() == 0 ? "EMPATHY" : "", p + "questionId", "", p + "note", ""));
        }
        return f.toArray(String[]::new);
    }

    @Test
    void anOutletManagerSavesTheFormAsANewVersion() throws Exception {
        String url = "/customers/profile/outlet/" + chain.outletA().id();
        submit(managerA, url, form("街坊的用药顾问", "5", 0)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/customers/profile?outletId=" + chain.outletA().id()));
        ServiceProfile saved = profiles.outlet(managerA, chain.outletA().id(), null);
        assertThat(saved.version()).isEqualTo(1);
        assertThat(saved.content().statement()).isEqualTo("街坊的用药顾问");
        assertThat(saved.content().characteristics()).hasSize(9);
        assertThat(saved.content().needs().getFirst().dimension()).isEqualTo(ServqualDimension.EMPATHY);
        assertThat(saved.content().needs().get(1).dimension()).isNull();
        assertThat(saved.content().targetAgeBands()).containsExactly(Customer.AgeBand.AGE_35_44);

        // a rating of 9 is shown back on the form, nothing saved; a stale version likewise
        submit(managerA, url, form("x", "9", 1)).andExpect(status().isOk())
                .andExpect(content().string(containsString("needs[0].teamScore")));
        submit(managerA, url, form("x", "4", 0)).andExpect(status().isOk());
        assertThat(profiles.outlet(managerA, chain.outletA().id(), null).version()).isEqualTo(1);

        page(managerA, "/customers/profile?outletId=" + chain.outletA().id(), "zh").andExpect(status().isOk())
                .andExpect(content().string(containsString("街坊的用药顾问")))
                .andExpect(content().string(containsString("服务剪影")));
        page(managerA, "/customers/profile?outletId=" + chain.outletA().id(), "en").andExpect(status().isOk())
                .andExpect(content().string(containsString("Service silhouette")));
        page(managerA, "/customers/profile/edit?outletId=" + chain.outletA().id(), "en").andExpect(status().isOk());
        // the template's view (no measured figures) and its edit form
        AppUser admin = fixtures.admin();
        int t = profiles.template("pharmacy", null).version();
        submit(admin, "/customers/profile/template/pharmacy", form("连锁模板", "4", t)).andExpect(status().is3xxRedirection());
        page(managerA, "/customers/profile?type=pharmacy", "zh").andExpect(status().isOk())
                .andExpect(content().string(containsString("连锁模板")));
        page(admin, "/customers/profile/edit?type=pharmacy", "en").andExpect(status().isOk());
    }

    @Test
    void staffAndOutletManagersCannotPostWhatTheRulesKeepFromThem() throws Exception {
        AppUser staff = fixtures.person(Role.STAFF, chain.outletA().id());
        submit(staff, "/customers/profile/outlet/" + chain.outletA().id(), form("x", "4", 0))
                .andExpect(status().isForbidden());
        submit(managerA, "/customers/profile/template/pharmacy", form("x", "4", 0)).andExpect(status().isForbidden());
        AppUser managerB = fixtures.person(Role.MANAGER, chain.outletB().id());
        submit(managerB, "/customers/profile/outlet/" + chain.outletA().id(), form("x", "4", 0))
                .andExpect(status().isNotFound());
        page(managerB, "/customers/profile?outletId=" + chain.outletA().id(), "en").andExpect(status().isNotFound());
    }
}
