package com.serviceloop.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * What applies to every outlet is changed by an administrator or the chain's manager only; a
 * region's or an outlet's manager reads it. An auditor writes audit results and nothing else.
 */
class ChainWideAccessTest extends ApiTest {
    private Fixtures.Chain chain;
    private AppUser chainManager;
    private AppUser regionManager;
    private AppUser outletManager;
    private AppUser auditor;

    @BeforeEach
    void setUp() {
        fixtures.admin();
        chain = fixtures.chain();
        chainManager = fixtures.person(Role.MANAGER, chain.chain().id());
        regionManager = fixtures.person(Role.MANAGER, chain.region().id());
        outletManager = fixtures.person(Role.MANAGER, chain.outletA().id());
        auditor = fixtures.person(Role.AUDITOR, chain.region().id());
    }

    @Test
    void onlyTheChainsManagerChangesABuiltInSurveysThreshold() throws Exception {
        JsonNode postVisit = null;
        for (JsonNode s : body(getJson("/api/v1/surveys", token(outletManager)).andExpect(status().isOk()))) {
            postVisit = s.get("code").asText().equals("post-visit") ? s : postVisit;
        }
        assertThat(postVisit).isNotNull();
        String url = "/api/v1/surveys/" + postVisit.get("id").asLong() + "/case-threshold";
        // the same threshold again: other tests count on the built-in one
        Map<String, Object> same = new HashMap<>();
        same.put("threshold", postVisit.get("caseThreshold").isNull() ? null : postVisit.get("caseThreshold").decimalValue());
        putJson(url, token(outletManager), same).andExpect(status().isForbidden());
        putJson(url, token(regionManager), same).andExpect(status().isForbidden());
        putJson(url, token(auditor), same).andExpect(status().isForbidden());
        putJson(url, token(chainManager), same).andExpect(status().isOk());
    }

    @Test
    void regionAndOutletManagersReadChainSettingsButDoNotChangeThem() throws Exception {
        JsonNode insight = body(getJson("/api/v1/settings/insight", token(regionManager)).andExpect(status().isOk()));
        putJson("/api/v1/settings/insight", token(regionManager), insight).andExpect(status().isForbidden());
        putJson("/api/v1/settings/insight", token(chainManager), insight).andExpect(status().isOk());

        getJson("/api/v1/sla-targets", token(outletManager)).andExpect(status().isOk());
        putJson("/api/v1/sla-targets", token(outletManager), Map.of()).andExpect(status().isForbidden());
        putJson("/api/v1/sqi/target", token(outletManager), Map.of()).andExpect(status().isForbidden());
        putJson("/api/v1/case-topics/pharmacy", token(regionManager), Map.of()).andExpect(status().isForbidden());
        putJson("/api/v1/priorities/pharmacy", token(outletManager), Map.of()).andExpect(status().isForbidden());
        postJson("/api/v1/standards", token(outletManager), Map.of()).andExpect(status().isForbidden());
        postJson("/api/v1/blueprints", token(regionManager), Map.of()).andExpect(status().isForbidden());
        postJson("/api/v1/surveys", token(outletManager), Map.of()).andExpect(status().isForbidden());
        // the chain's manager gets as far as the input
        postJson("/api/v1/standards", token(chainManager), Map.of()).andExpect(status().isBadRequest());
        postJson("/api/v1/blueprints", token(chainManager), Map.of("outletType", Fixtures.unique("t"), "name", "Welcome"))
                .andExpect(status().isCreated());

        // what belongs to the outlet stays with its manager
        String calendar = "/api/v1/outlets/" + chain.outletA().id() + "/calendar";
        JsonNode hours = body(getJson(calendar, token(outletManager)).andExpect(status().isOk()));
        putJson(calendar, token(outletManager), hours).andExpect(status().isOk());
    }

    @Test
    void pagesOfferEditingToThoseWhoMayEdit() throws Exception {
        String regionSurveys = html(regionManager, "/surveys");
        assertThat(regionSurveys).doesNotContain("href=\"/surveys/new\"");
        assertThat(html(chainManager, "/surveys")).contains("href=\"/surveys/new\"");
        assertThat(html(regionManager, "/settings")).contains("id=\"read-only\"").doesNotContain("type=\"submit\">Save")
                .contains("<fieldset class=\"plain\" disabled=\"disabled\">");
        assertThat(html(chainManager, "/settings")).doesNotContain("id=\"read-only\"").doesNotContain("disabled=\"disabled\"");
        // case topics and SQI types: read-only fields for the outlet manager, editable for the chain's manager
        String outletCaseSettings = html(outletManager, "/settings/cases?topicType=pharmacy");
        assertThat(outletCaseSettings.split("<fieldset class=\"plain\" disabled=\"disabled\">", -1)).hasSize(3);
        assertThat(html(chainManager, "/settings/cases?topicType=pharmacy")).contains("<fieldset class=\"plain\">")
                .doesNotContain("<fieldset class=\"plain\" disabled");
        assertThat(html(outletManager, "/blueprints")).doesNotContain("action=\"/blueprints\"");
        assertThat(html(chainManager, "/blueprints")).contains("action=\"/blueprints\"");

        mvc.perform(post("/settings/cases/sqi-target").with(user(outletManager)).with(csrf()).param("target", "5"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/surveys").with(user(regionManager)).with(csrf()).param("titleEn", "x"))
                .andExpect(status().isForbidden());
    }

    @Test
    void anAuditorRecordsMeasurementsAndFailuresAndNothingElse() throws Exception {
        String auditorToken = token(auditor);
        long outlet = chain.outletA().id();
        String standard = body(postJson("/api/v1/standards", token(chainManager), Map.of("outletType", "pharmacy",
                "areaCode", "TIMELINESS", "behaviour", "Greet every customer within 10 seconds", "kind", "HARD",
                "measure", "observation", "targetValue", 10, "targetUnit", "SECONDS", "targetRate", 95,
                "owner", "Outlet manager")).andExpect(status().isCreated())).get("standard").get("id").asText();
        postJson("/api/v1/standards/" + standard + "/measurements", auditorToken, Map.of("outletId", outlet, "met", true))
                .andExpect(status().isCreated());
        String failure = body(getJson("/api/v1/sqi/failure-types", auditorToken)).get(0).get("code").asText();
        postJson("/api/v1/sqi/events", auditorToken, Map.of("outletId", outlet, "failureCode", failure,
                "occurredOn", LocalDate.now().minusDays(1).toString(), "quantity", 1)).andExpect(status().isCreated());

        postJson("/api/v1/cases", auditorToken, Map.of()).andExpect(status().isForbidden());
        postJson("/api/v1/customers", auditorToken, Map.of()).andExpect(status().isForbidden());
        postJson("/api/v1/surveys/1/links", auditorToken, Map.of()).andExpect(status().isForbidden());
        putJson("/api/v1/outlets/" + outlet + "/calendar", auditorToken, Map.of()).andExpect(status().isForbidden());
        putJson("/api/v1/standards/" + standard, auditorToken, Map.of()).andExpect(status().isForbidden());
        mvc.perform(post("/settings/cases/calendar").with(user(auditor)).with(csrf()).param("outletId", String.valueOf(outlet)))
                .andExpect(status().isForbidden());
    }

    private String html(AppUser who, String url) throws Exception {
        return mvc.perform(get(url).with(user(who)).header("Accept-Language", "en").accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
