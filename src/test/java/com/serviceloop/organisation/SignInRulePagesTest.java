package com.serviceloop.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.Fixtures;
import com.serviceloop.PageTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The sign-in rules page: an administrator adds, changes and removes rules; a bad one is shown next to its field. */
class SignInRulePagesTest extends PageTest {
    @Autowired SignInRules rules;

    @Test
    void anAdministratorKeepsTheRulesOnThePage() throws Exception {
        AppUser admin = fixtures.admin();
        Fixtures.Chain chain = fixtures.chain();
        String group = Fixtures.unique("page-group");
        page(admin, "/sign-in-rules", "zh-CN").andExpect(status().isOk())
                .andExpect(content().string(containsString("单点登录映射规则")));

        submit(admin, "/sign-in-rules", "claim", "groups", "pattern", group + "-(\\d+", "role", "MANAGER", "unitCode", "$1")
                .andExpect(status().isOk()).andExpect(content().string(containsString("not a valid regular expression")));
        submit(admin, "/sign-in-rules", "claim", "groups", "pattern", group, "role", "MANAGER", "unitCode", "NOPE-" + group)
                .andExpect(status().isOk()).andExpect(content().string(containsString("No unit has the code")));
        submit(admin, "/sign-in-rules", "claim", "groups", "pattern", group, "role", "MANAGER", "unitCode", chain.outletA().code(),
                "position", "7").andExpect(redirectedUrl("/sign-in-rules"));
        SignInRule saved = rules.list().stream().filter(r -> r.pattern().equals(group)).findFirst().orElseThrow();
        assertThat(saved.role()).isEqualTo(Role.MANAGER);
        assertThat(saved.position()).isEqualTo(7);
        page(admin, "/sign-in-rules?edit=" + saved.id(), "en").andExpect(status().isOk())
                .andExpect(content().string(containsString("Change the rule")));

        submit(admin, "/sign-in-rules", "editId", String.valueOf(saved.id()), "version", String.valueOf(saved.version()),
                "claim", "roles", "pattern", group, "role", "AUDITOR", "unitCode", chain.region().code(), "position", "7")
                .andExpect(redirectedUrl("/sign-in-rules"));
        assertThat(rules.get(saved.id()).role()).isEqualTo(Role.AUDITOR);
        submit(admin, "/sign-in-rules/" + saved.id() + "/delete").andExpect(redirectedUrl("/sign-in-rules"));
        assertThat(rules.list()).noneMatch(r -> r.id() == saved.id());
    }

    @Test
    void managersCannotSeeThePage() throws Exception {
        fixtures.admin();
        AppUser manager = fixtures.person(Role.MANAGER, fixtures.chain().chain().id());
        page(manager, "/sign-in-rules", "en").andExpect(status().isForbidden());
    }
}
