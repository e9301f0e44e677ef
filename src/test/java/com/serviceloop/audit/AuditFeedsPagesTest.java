package com.serviceloop.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/** The result page's compliance per standard, the editor's own items, the outlet table, drill-down and CSV per unit. */
@Tag("db")
class AuditFeedsPagesTest extends AuditApiTest {
    @Autowired Clock clock;

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

    /** An audit of outlet A: greeted after 31 s (the critical item missed), smiled, counter at 2 of 4. */
    private long failedAudit() throws Exception {
        long form = publishedForm();
        long audit = body(postJson("/api/v1/audits", admin, Map.of("outletId", outletA.id(), "formId", form))).get("id").asLong();
        String url = "/api/v1/audits/" + audit;
        Map<String, Long> item = items(body(getJson(url, admin)).get("form"));
        postJson(url + "/answers", admin, answer(item.get("Greet every customer within 30 seconds"), "p-greet-0001",
                Map.of("measured", 31))).andExpect(status().isOk());
        postJson(url + "/answers", admin, answer(item.get("Smile and make eye contact when greeting"), "p-smile-0001",
                Map.of("choice", "MET"))).andExpect(status().isOk());
        postJson(url + "/answers", admin, answer(item.get("Counter tidy and stocked"), "p-tidy-00001", Map.of("scale", 2)))
                .andExpect(status().isOk());
        mvc.perform(multipart(url + "/items/" + item.get("Photo of the shop front") + "/photos")
                .file(new MockMultipartFile("file", "x.png", "image/png", PNG)).header("Authorization", "Bearer " + admin))
                .andExpect(status().isCreated());
        postJson(url + "/submit", admin, "").andExpect(status().isOk());
        return audit;
    }

    @Test
    void theResultLeadsWithWhatWasDoneWellAndListsComplianceStandardByStandard() throws Exception {
        long audit = failedAudit();
        AppUser reader = fixtures.admin();
        String en = html(reader, "/audits/" + audit, "en");
        assertThat(en.indexOf("What was done well")).isLessThan(en.indexOf("What to improve"));
        assertThat(en.indexOf("What to improve")).isLessThan(en.indexOf("Compliance per standard"));
        // the greeting: 0 of 1 observations met at outlet A (0 %); the smile 1 of 1; the counter has no standard
        assertThat(en).contains("Score by section (area)", "Compliance per standard", "version 1", "0 of 1", "1 of 1",
                "0.00 %", "100.00 %");
        String zh = html(reader, "/audits/" + audit, "zh-CN");
        assertThat(zh).contains("各项标准的达成情况", "1次中0次", "第1版");
        mvc.perform(get("/api/v1/audits/" + audit + "/report.pdf?lang=zh").header("Authorization", "Bearer " + admin))
                .andExpect(status().isOk());
    }

    @Test
    void theDashboardComparesOutletsDrillsDownAndExportsAUnit() throws Exception {
        long audit = failedAudit();
        AppUser reader = fixtures.admin();
        String en = html(reader, "/audits/dashboard?unitId=" + region.id(), "en");
        // outlet A: one audit at (1 x 0.75 + 2 x 0) / 3 = 25.0 %, weakest standard the greeting (0 %)
        assertThat(en).contains("Outlets side by side", "Outlet A", "25.0 %", "Greet every customer within 30 seconds",
                "/audits/dashboard/audits?unitId=" + outletA.id(), "/api/v1/audits/export?unitId=" + region.id());
        assertThat(html(reader, "/audits/dashboard?unitId=" + region.id(), "zh-CN")).contains("各门店对比", "最弱的标准");
        String month = YearMonth.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).toString();
        assertThat(html(reader, "/audits/dashboard/audits?unitId=" + region.id() + "&month=" + month, "en"))
                .contains("Audits behind the figures", "href=\"/audits/" + audit + "\"", "Outlet A", "Failed");
        assertThat(html(reader, "/audits/dashboard/audits?unitId=" + outletA.id(), "zh-CN"))
                .contains("数字背后的审核", "href=\"/audits/" + audit + "\"", "不合格");
        assertThat(html(reader, "/audits/dashboard/audits?unitId=" + region.id() + "&month=2026-13", "en"))
                .contains("Give the month as year and month");
        assertThat(html(reader, "/audits/dashboard/audits?unitId=" + outletB.id() + "&month=" + month, "en"))
                .contains("No submitted audits here").doesNotContain("href=\"/audits/" + audit + "\"");

        String csv = mvc.perform(get("/api/v1/audits/export?unitId=" + region.id()).header("Authorization", "Bearer " + admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains(audit + ",Outlet A,").contains("Greet every customer within 30 seconds");
        String managerB = token(fixtures.person(Role.MANAGER, outletB.id()));
        mvc.perform(get("/api/v1/audits/export?unitId=" + outletA.id()).header("Authorization", "Bearer " + managerB))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitId"));
        String onlyB = mvc.perform(get("/api/v1/audits/export?unitId=" + outletB.id()).header("Authorization", "Bearer " + managerB))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(onlyB).doesNotContain("Outlet A");
        JsonNode api = body(getJson("/api/v1/audit-dashboard?unitId=" + region.id(), admin));
        assertThat(api.at("/outlets/0/outletName").asText()).isEqualTo("Outlet A");
        assertThat(api.at("/outlets/0/meanScore").asDouble()).isEqualTo(0.25);
        assertThat(api.at("/outlets/0/weakestScore").asDouble()).isEqualTo(0.0);
    }

    @Test
    void theAuthorAddsItemsOfTheirOwnInTheEditor() throws Exception {
        AppUser author = fixtures.admin();
        String location = send(author, "/audits/forms", "outletType", type, "name", "Shop walk")
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long form = Long.parseLong(location.substring("/audits/forms/".length()));
        String page = html(author, location, "en");
        assertThat(page).contains("A check of your own", "Add the item", "hx-post=\"/audits/forms/" + form + "/draft\"");
        assertThat(html(author, location, "zh-CN")).contains("自定义检查项", "添加此项");
        JsonNode draft = body(getJson("/api/v1/audit-forms/" + form + "/draft", admin));
        long timeliness = 0;
        for (JsonNode s : draft.get("sections")) {
            timeliness = s.get("areaCode").asText().equals("TIMELINESS") ? s.get("id").asLong() : timeliness;
        }
        String n = "n" + timeliness + ".";
        send(author, location + "/draft", "name", "Shop walk", "add", String.valueOf(timeliness), n + "text",
                "Queue at the till no longer than 5 minutes", n + "type", "MEASURED", n + "target", "5", n + "unit", "MINUTES",
                n + "weight", "2", n + "critical", "on", n + "required", "on")
                .andExpect(flash().attribute("notice", "The item is added to the draft."));
        JsonNode saved = body(getJson("/api/v1/audit-forms/" + form + "/draft", admin));
        JsonNode added = null;
        for (JsonNode s : saved.get("sections")) {
            for (JsonNode i : s.get("items")) {
                added = i.get("text").asText().equals("Queue at the till no longer than 5 minutes") ? i : added;
            }
        }
        assertThat(added).isNotNull();
        assertThat(added.get("answerType").asText()).isEqualTo("MEASURED");
        assertThat(added.get("targetValue").decimalValue()).isEqualByComparingTo("5");
        assertThat(added.get("targetUnit").asText()).isEqualTo("MINUTES");
        assertThat(added.get("critical").asBoolean()).isTrue();
        assertThat(added.get("weight").asDouble()).isEqualTo(2.0);
        // the item keeps its target when the draft is saved again from the page
        long addedId = added.get("id").asLong();
        send(author, location + "/draft", "name", "Shop walk", "i" + addedId + ".required", "on")
                .andExpect(flash().attribute("notice", "The draft is saved."));
        assertThat(body(getJson("/api/v1/audit-forms/" + form + "/draft", admin)).toString())
                .contains("\"targetUnit\":\"MINUTES\"");

        long sid = body(getJson("/api/v1/audit-forms/" + form + "/draft", admin)).at("/sections/0/id").asLong();
        // a page from before the last save names sections that are gone: refused, not silently dropped
        send(author, location + "/draft", "name", "Shop walk", "add", String.valueOf(timeliness), n + "text", "Late")
                .andExpect(flash().attribute("error", containsString("was changed by someone else")));
        String m = "n" + sid + ".";
        send(author, location + "/draft", "name", "Shop walk", "add", String.valueOf(sid), m + "text", " ")
                .andExpect(flash().attribute("error", "Write the item, or choose a standard for it"));
        send(author, location + "/draft", "name", "Shop walk", "add", String.valueOf(sid), m + "text", "Door clean",
                m + "type", "MEASURED").andExpect(flash().attribute("error", containsString("needs a target value")));
        send(author, location + "/draft", "name", "Shop walk", "add", String.valueOf(sid), m + "text", "Door clean",
                m + "weight", "lots").andExpect(flash().attribute("error", containsString("'weight'")));
        send(author, location + "/draft", "name", "Shop walk", "add", String.valueOf(sid), m + "text", "Door clean",
                m + "type", "GUESS").andExpect(flash().attribute("error", containsString("'answerType'")));
        send(author, location + "/draft", "name", "Shop walk", "add", String.valueOf(sid), m + "text", "Door clean",
                m + "type", "MEASURED", m + "target", "5", m + "unit", "FURLONGS")
                .andExpect(flash().attribute("error", containsString("'targetUnit'")));
        // the API takes an item of one's own with its target too
        putJson("/api/v1/audit-forms/" + form + "/draft", admin, draft("Shop walk", List.of(section("TIMELINESS", 1,
                List.of(withTarget(item(null, "Till queue", "MEASURED", 1, false, false, true), null, null))))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field")
                        .value("sections[0].items[0].targetValue"));
        putJson("/api/v1/audit-forms/" + form + "/draft", admin, draft("Shop walk", List.of(section("TIMELINESS", 1,
                List.of(withTarget(item(null, "Till queue", "MEASURED", 1, false, false, true), 5, "MINUTES"))))))
                .andExpect(status().isOk());
    }

    private static Map<String, Object> withTarget(Map<String, Object> item, Integer value, String unit) {
        item.put("targetValue", value);
        item.put("targetUnit", unit);
        return item;
    }
}
