package com.serviceloop.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/** The form editor (draft from the standards, edit, publish) and the dashboard with its chart data. */
@Tag("db")
class AuditFormPagesTest extends AuditApiTest {

    private String html(AppUser who, String url, String language) throws Exception {
        return mvc.perform(get(url).with(user(who)).header("Accept-Language", language).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private ResultActions send(AppUser who, String url, String... fieldsAndValues) throws Exception {
        var request = post(url).with(user(who)).with(csrf()).header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            request.param(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return mvc.perform(request);
    }

    @Test
    void anAuthorMakesADraftFromTheStandardsEditsAndPublishesItAndTheDashboardShowsTheAuditsBehindEachPoint() throws Exception {
        AppUser author = fixtures.admin();
        assertThat(html(author, "/audits/forms", "en")).contains("Audit forms", "New form from the standards",
                "<option value=\"" + type + "\"");
        String location = send(author, "/audits/forms", "outletType", type, "name", "Shop walk")
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long form = Long.parseLong(location.substring("/audits/forms/".length()));
        assertThat(html(author, location, "en")).contains("Shop walk", "not published yet", "Publish the draft",
                "Greet every customer within 30 seconds", "measured value", "met / not met");
        assertThat(html(author, location, "zh-CN")).contains("发布草稿", "实测值");

        // drop the call-back, make the greeting critical and put it after the smile (order 5 vs 0), then publish
        Map<String, Long> item = items(body(getJson("/api/v1/audit-forms/" + form + "/draft", admin)));
        long greetItem = item.get("Greet every customer within 30 seconds");
        long smileItem = item.get("Smile and make eye contact when greeting");
        long callItem = item.get("Return a customer's call within 4 hours");
        send(author, location + "/draft", "name", "Shop walk", "i" + callItem + ".remove", "on",
                "i" + greetItem + ".critical", "on", "i" + greetItem + ".required", "on", "i" + greetItem + ".order", "5",
                "i" + greetItem + ".weight", "2", "i" + smileItem + ".required", "on", "i" + smileItem + ".order", "0")
                .andExpect(flash().attribute("notice", "The draft is saved."));
        // a save rebuilds the draft's items (new ids); the page reloads them, and a bad number names its field
        long greetNow = items(body(getJson("/api/v1/audit-forms/" + form + "/draft", admin)))
                .get("Greet every customer within 30 seconds");
        send(author, location + "/draft", "name", "Shop walk", "i" + greetNow + ".weight", "lots")
                .andExpect(flash().attribute("error", containsString("i" + greetNow + ".weight")));
        // a page loaded before someone else saved (an older form version) is refused, not merged
        send(author, location + "/draft", "name", "Shop walk", "version", "0")
                .andExpect(flash().attribute("error", containsString("was changed by someone else")));
        send(author, location + "/publish").andExpect(flash().attribute("notice", "Version 1 is published; new audits use it."));
        JsonNode published = body(getJson("/api/v1/audit-forms/" + form + "/versions/1", admin));
        JsonNode timeliness = null;
        for (JsonNode s : published.get("sections")) {
            timeliness = s.get("areaCode").asText().equals("TIMELINESS") ? s : timeliness;
        }
        assertThat(timeliness.get("items")).hasSize(1);
        assertThat(timeliness.at("/items/0/critical").asBoolean()).isTrue();
        assertThat(timeliness.at("/items/0/weight").asDouble()).isEqualTo(2.0);
        assertThat(html(author, location, "en")).contains("Audits use version 1");

        // a passed audit (greeted after 20 s, smiled): 100 %; the dashboard shows this month at 100 %
        String auditor = token(fixtures.person(Role.AUDITOR, region.id()));
        long audit = body(postJson("/api/v1/audits", auditor, Map.of("outletId", outletB.id(), "formId", form))
                .andExpect(status().isCreated())).get("id").asLong();
        Map<String, Long> asked = items(body(getJson("/api/v1/audits/" + audit, auditor)).get("form"));
        postJson("/api/v1/audits/" + audit + "/answers", auditor, answer(asked.get("Greet every customer within 30 seconds"),
                "d-greet-0001", Map.of("measured", 20))).andExpect(status().isOk());
        postJson("/api/v1/audits/" + audit + "/answers", auditor, answer(asked.get("Smile and make eye contact when greeting"),
                "d-smile-0001", Map.of("choice", "MET"))).andExpect(status().isOk());
        postJson("/api/v1/audits/" + audit + "/submit", auditor, "").andExpect(status().isOk());
        String dashboard = html(author, "/audits/dashboard?unitId=" + outletB.id(), "en");
        assertThat(dashboard).contains("Audit dashboard", "id=\"audit-trend-data\"", "\"drill\":\"/api/v1/audit-dashboard/audits\"",
                "100.0 %", "/js/audit.js", "echarts.min.js", "Weakest items");
        assertThat(html(author, "/audits/dashboard?unitId=" + outletB.id(), "zh-CN")).contains("审核看板", "每月平均得分");
    }
}
