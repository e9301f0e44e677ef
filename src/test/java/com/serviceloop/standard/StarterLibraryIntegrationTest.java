package com.serviceloop.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

class StarterLibraryIntegrationTest extends ApiTest {
    @Autowired StarterLibrary library;

    @Test
    void fiveIndustriesAreOffered() throws Exception {
        String admin = token(fixtures.admin());
        JsonNode list = body(getJson("/api/v1/starter-library", admin).andExpect(status().isOk()));
        assertThat(list.findValuesAsString("industry"))
                .containsExactlyInAnyOrder("courier", "fashion-retail", "generic", "pharmacy", "restaurant");
    }

    /** The library is what managers copy: every standard in it must pass the quality checker, in both languages. */
    @Test
    void everyStarterStandardPassesTheQualityCheckerInBothLanguages() {
        var softly = new SoftAssertions();
        for (StarterLibrary.Summary s : library.summaries()) {
            StarterLibrary.Industry industry = library.find(s.industry()).orElseThrow();
            Set<String> areas = new HashSet<>();
            Set<Side> sides = new HashSet<>();
            for (StarterLibrary.StandardTemplate t : industry.standards()) {
                areas.add(t.area());
                for (String text : List.of(t.behaviour().en(), t.behaviour().zh())) {
                    var form = new StandardForm("x", t.area(), text, t.kind(), t.measure() == null ? null : t.measure().en(),
                            t.targetValue(), t.targetUnit(), t.targetRate(), null, null, null, null);
                    softly.assertThat(QualityChecker.check(form, List.of())).as(s.industry() + ": " + text).isEmpty();
                }
            }
            industry.standards().forEach(t -> sides.add(t.area().matches("TIMELINESS|FLOW|ADAPTABILITY|ANTICIPATION|"
                    + "COMMUNICATION|CUSTOMER_FEEDBACK|ORGANISATION") ? Side.PROCEDURAL : Side.PERSONAL));
            assertThat(areas).as(s.industry() + " covers most areas").hasSizeGreaterThanOrEqualTo(10);
            assertThat(sides).as(s.industry() + " covers both sides").hasSize(2);
            assertThat(industry.blueprint().steps()).as(s.industry()).hasSizeBetween(5, 9);
        }
        softly.assertAll();
        assertThat(library.find("fashion-retail").orElseThrow().blueprint().steps()).hasSize(8);
    }

    @Test
    void applyingAnIndustryFillsAnOutletTypeInTheManagersLanguage() throws Exception {
        String admin = token(fixtures.admin());
        String type = "p" + Fixtures.unique("x").substring(2).toLowerCase();
        JsonNode applied = body(call(MockMvcRequestBuilders.post("/api/v1/starter-library/pharmacy/apply")
                .header("Accept-Language", "zh-CN").contentType("application/json")
                .content(json.writeValueAsString(Map.of("outletType", type))), admin).andExpect(status().isCreated()));
        StarterLibrary.Industry pharmacy = library.find("pharmacy").orElseThrow();
        assertThat(applied.get("standards")).hasSize(pharmacy.standards().size());
        assertThat(applied.get("blueprint").get("steps")).hasSize(pharmacy.blueprint().steps().size());
        assertThat(applied.get("blueprint").get("name").asText()).isEqualTo(pharmacy.blueprint().name().zh());
        assertThat(applied.get("standards").get(0).get("behaviour").asText())
                .isEqualTo(pharmacy.standards().get(0).behaviour().zh());
        assertThat(body(getJson("/api/v1/standards?outletType=" + type, admin))).hasSize(pharmacy.standards().size());

        call(MockMvcRequestBuilders.post("/api/v1/starter-library/pharmacy/apply").header("Accept-Language", "zh-CN")
                .contentType("application/json").content(json.writeValueAsString(Map.of("outletType", type))), admin)
                .andExpect(status().isConflict());
        postJson("/api/v1/starter-library/nope/apply", admin, Map.of("outletType", type)).andExpect(status().isNotFound());
        postJson("/api/v1/starter-library/pharmacy/apply", admin, Map.of("outletType", "Bad Type"))
                .andExpect(status().isBadRequest());
    }
}
