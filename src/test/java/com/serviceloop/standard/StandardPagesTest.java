package com.serviceloop.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.Fixtures;
import com.serviceloop.PageTest;
import com.serviceloop.blueprint.BlueprintService;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

class StandardPagesTest extends PageTest {
    @Autowired StandardService standards;
    @Autowired PriorityService priorities;
    @Autowired BlueprintService blueprints;
    private AppUser admin;
    private String type;

    @BeforeEach
    void setUp() {
        admin = fixtures.admin();
        type = "s" + Fixtures.unique("x").substring(2).toLowerCase();
    }

    @Test
    void theCatalogueListsTheFourteenAreasAndTheStarterPrefillsThem() throws Exception {
        submit(admin, "/standards/starter", "industry", "fashion-retail", "outletType", type)
                .andExpect(redirectedUrlPattern("/standards?outletType=*"));
        assertThat(standards.list(type, false)).hasSize(15);
        assertThat(blueprints.list(type)).hasSize(1);
        page(admin, "/standards?outletType=" + type, "zh-CN").andExpect(status().isOk())
                .andExpect(content().string(containsString("妥善解决问题")))
                .andExpect(content().string(containsString("Greet each customer within 30 seconds of entering")));
        page(admin, "/standards?outletType=" + type, "en")
                .andExpect(content().string(containsString("Gracious problem solving")));
    }

    @Test
    void theStarterPickerOffersTheOutletTypesIndustryFirst() throws Exception {
        // the demo's outlets are of type "pharmacy": the pharmacy library is preselected, in both languages
        page(admin, "/standards?outletType=pharmacy", "zh-CN").andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"pharmacy\" selected=\"selected\">药房 (")))
                .andExpect(content().string(not(containsString("<option value=\"generic\" selected"))));
        page(admin, "/standards?outletType=pharmacy", "en")
                .andExpect(content().string(containsString("<option value=\"pharmacy\" selected=\"selected\">Pharmacy (")));
        // a code of the organisation's own is matched by its words
        page(admin, "/standards?outletType=drugstore-" + type, "en")
                .andExpect(content().string(containsString("<option value=\"pharmacy\" selected=\"selected\">")));
        page(admin, "/standards?outletType=cafe-" + type, "zh-CN")
                .andExpect(content().string(containsString("<option value=\"restaurant\" selected=\"selected\">餐厅 (")));
        page(admin, "/standards?outletType=parcel-shop", "en")
                .andExpect(content().string(containsString("<option value=\"courier\" selected=\"selected\">Courier (")));
        // nothing to go by: the generic library
        page(admin, "/standards?outletType=bowling-alley", "en")
                .andExpect(content().string(containsString("<option value=\"generic\" selected=\"selected\">Generic service (")))
                .andExpect(content().string(not(containsString("<option value=\"pharmacy\" selected"))));
    }

    @Test
    void writingShowsAdviceAndSavingIsStillAllowed() throws Exception {
        mvc.perform(MockMvcRequestBuilders.post("/standards/advice")
                        .with(SecurityMockMvcRequestPostProcessors.user(admin))
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .header("Accept-Language", "en").param("outletType", type).param("areaCode", "TIMELINESS")
                        .param("behaviour", "Greet customers quickly").param("kind", "HARD"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("says how it should feel")))
                .andExpect(content().string(containsString("id=\"advice-behaviour\" class=\"inline-advice\" hx-swap-oob=\"true\"")))
                .andExpect(content().string(not(containsString("<html"))));
        page(admin, "/standards/new?outletType=" + type, "en").andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"advice-targetRate\"")));
        String location = submit(admin, "/standards", "outletType", type, "areaCode", "TIMELINESS",
                "behaviour", "Greet customers quickly", "kind", "HARD")
                .andExpect(redirectedUrlPattern("/standards/*")).andReturn().getResponse().getRedirectedUrl();
        page(admin, location, "en").andExpect(content().string(containsString("says how it should feel")))
                .andExpect(content().string(containsString("version 1")));

        submit(admin, location, "outletType", type, "areaCode", "TIMELINESS", "behaviour",
                "Greet each customer within 30 seconds", "kind", "HARD", "targetValue", "30", "targetUnit", "SECONDS",
                "targetRate", "95", "changeNote", "Made it measurable", "version", "0")
                .andExpect(redirectedUrlPattern("/standards/*"));
        page(admin, location, "en").andExpect(content().string(containsString("version 2")))
                .andExpect(content().string(containsString("Made it measurable")))
                .andExpect(content().string(containsString("Greet customers quickly")))
                .andExpect(content().string(containsString("Nothing to improve")));
        submit(admin, location, "outletType", type, "areaCode", "TIMELINESS", "behaviour", "x", "kind", "HARD",
                "targetRate", "150").andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"field-error\"")));
    }

    @Test
    void aRefusalStandsNextToItsFieldInTheReadersLanguage() throws Exception {
        String chinese = submit(admin, "/standards?lang=zh", "outletType", type, "areaCode", "TIMELINESS",
                "behaviour", "Greet customers quickly", "kind", "HARD", "blueprintStepId", "999999999")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String stepField = chinese.substring(chinese.indexOf("for=\"blueprintStepId\""));
        assertThat(stepField.substring(0, stepField.indexOf("</div>")))
                .contains("class=\"field-error\">此门店类型的蓝图中没有步骤 999999999</span>");
        submit(admin, "/standards", "outletType", type, "areaCode", "TIMELINESS", "behaviour", "Greet customers quickly",
                "kind", "HARD", "blueprintStepId", "999999999").andExpect(status().isOk())
                .andExpect(content().string(containsString("No step 999999999 in a blueprint of this outlet type")));
        assertThat(standards.list(type, true)).isEmpty();

        // a refusal shown after a redirect is worded before it, in the same language
        submit(admin, "/standards/priorities?lang=zh", "outletType", type, "proceduralWeight", "150")
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "请填写 0 到 100 之间的程序面权重（其余归个人面）"));
    }

    @Test
    void prioritiesFollowTheSubmittedOrder() throws Exception {
        submit(admin, "/standards/starter", "industry", "generic", "outletType", type);
        Priorities before = priorities.get(type);
        List<Long> personal = new ArrayList<>(before.personal().stream().map(Priorities.Weighted::standardId).toList());
        Collections.reverse(personal);
        var params = new ArrayList<String>(List.of("outletType", type, "proceduralWeight", "20"));
        personal.forEach(id -> { params.add("personalOrder"); params.add(String.valueOf(id)); });
        before.procedural().forEach(w -> { params.add("proceduralOrder"); params.add(String.valueOf(w.standardId())); });
        submit(admin, "/standards/priorities", params.toArray(String[]::new)).andExpect(status().is3xxRedirection());
        Priorities after = priorities.get(type);
        assertThat(after.proceduralWeight()).isEqualTo(20);
        assertThat(after.personal().getFirst().standardId()).isEqualTo(personal.getFirst());
        page(admin, "/standards/priorities?outletType=" + type, "en").andExpect(status().isOk())
                .andExpect(content().string(containsString("20 / 80")));
    }

    @Test
    void staffReadButDoNotWrite() throws Exception {
        AppUser staff = fixtures.person(Role.STAFF, fixtures.chain().outletA().id());
        page(staff, "/standards?outletType=" + type, "en").andExpect(status().isOk())
                .andExpect(content().string(not(containsString("New standard"))));
        page(staff, "/standards/new?outletType=" + type, "en").andExpect(status().isForbidden());
    }

    @Test
    void theBlueprintShowsSwimLanesAndTheWeakestStep() throws Exception {
        submit(admin, "/standards/starter", "industry", "pharmacy", "outletType", type);
        long id = blueprints.list(type).getFirst().id();
        page(admin, "/blueprints/" + id, "en").andExpect(status().isOk())
                .andExpect(content().string(containsString("line of visibility")))
                .andExpect(content().string(containsString("Back stage (out of view)")))
                .andExpect(content().string(containsString("End-to-end satisfaction")))
                .andExpect(content().string(containsString("class=\"weakest\"")));
        long first = blueprints.steps(id).getFirst().id();
        submit(admin, "/blueprints/" + id + "/steps/" + first + "/move", "direction", "down")
                .andExpect(status().is3xxRedirection());
        assertThat(blueprints.steps(id).get(1).id()).isEqualTo(first);
        submit(admin, "/blueprints/" + id + "/steps", "name", "", "satisfaction", "2").andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"field-error\"")));
        assertThat(standards.check(new StandardForm(type, "TIMELINESS", "x", Kind.SOFT, "m", null, null, null, null,
                null, null, null), null, Locale.ENGLISH)).isNotEmpty();
    }
}
