package com.serviceloop.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.Fixtures;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

/** The mystery-shopping pages: a chain manager sets up and assigns, a shopper conducts on the phone, an auditor reviews. */
@Tag("db")
class MysteryPagesTest extends AuditApiTest {

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
    void aProgrammeIsSetUpAssignedConductedOnThePhoneReviewedAndDebriefed() throws Exception {
        long form = publishedForm();
        AppUser manager = fixtures.admin();
        AppUser shopper = fixtures.person(Role.SHOPPER, region.id());
        String nickname = "小蓝" + Fixtures.unique("").substring(0, 6);
        assertThat(html(manager, "/mystery", "zh")).contains("神秘购物").contains(shopper.displayName());
        send(manager, "/mystery/shoppers/" + shopper.id() + "/nickname", "nickname", nickname)
                .andExpect(redirectedUrl("/mystery#shoppers"));
        String today = LocalDate.now().toString();
        send(manager, "/mystery/programmes", "name", "Cough advice", "objectives", "Advice for a dry cough",
                "formId", String.valueOf(form), "windowFrom", today, "windowTo", LocalDate.now().minusDays(1).toString(),
                "quotaPerMonth", "2", "outletIds", String.valueOf(outletA.id()))
                .andExpect(redirectedUrl("/mystery/programmes/new"))
                .andExpect(flash().attribute("error", "The visit window ends (" + LocalDate.now().minusDays(1) + ") before it starts ("
                        + today + ")"));
        String location = send(manager, "/mystery/programmes", "name", "Cough advice", "objectives", "Advice for a dry cough",
                "formId", String.valueOf(form), "windowFrom", LocalDate.now().minusDays(10).toString(),
                "windowTo", LocalDate.now().plusDays(40).toString(), "quotaPerMonth", "2", "revisitMonths", "2",
                "outletIds", String.valueOf(outletA.id()), "asksFor", "Cough syrup", "says", "For my mother",
                "objection", "Too dear").andExpect(redirectedUrlPattern("/mystery/programmes/*"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(html(manager, location + "/edit", "en")).contains("Cough syrup");
        String page = html(manager, location, "zh");
        assertThat(page).contains("配额进度").contains("Cough syrup");
        send(manager, location + "/visits", "outletId", String.valueOf(outletA.id()), "shopperId",
                String.valueOf(shopper.id()), "plannedOn", today, "scenarioId", "")
                .andExpect(redirectedUrl(location)).andExpect(flash().attributeExists("notice"));
        send(manager, location + "/visits", "outletId", String.valueOf(outletA.id()), "shopperId",
                String.valueOf(shopper.id()), "plannedOn", LocalDate.now().plusDays(20).toString())
                .andExpect(flash().attributeExists("error"));

        // the shopper's phone: my visits, the visit with its items and no score, proof, answers, submit
        String mine = html(shopper, "/mystery/mine", "zh");
        assertThat(mine).contains("我的暗访").contains(outletA.name()).doesNotContain("/audits").doesNotContain("/customers");
        String visit = mine.replaceAll("(?s).*href=\"/mystery/mine/(\\d+)\".*", "$1");
        String conduct = html(shopper, "/mystery/mine/" + visit, "en");
        assertThat(conduct).contains("Counter tidy and stocked").doesNotContain("Photo of the shop front")
                .doesNotContain("%");
        Map<String, Long> items = items(body(getJson("/api/v1/mystery/my-visits/" + visit, token(shopper))));
        send(shopper, "/mystery/mine/" + visit + "/items/" + items.get("Greet every customer within 30 seconds") + "/answer",
                "key", "page-greet-1", "measured", "20").andExpect(status().isOk());
        send(shopper, "/mystery/mine/" + visit + "/items/" + items.get("Smile and make eye contact when greeting") + "/answer",
                "key", "page-smile-1", "choice", "NOT_MET").andExpect(status().isOk());
        String refused = send(shopper, "/mystery/mine/" + visit + "/items/" + items.get("Counter tidy and stocked")
                + "/answer", "key", "page-tidy-1", "scale", "7").andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("field-error");
        send(shopper, "/mystery/mine/" + visit + "/items/" + items.get("Counter tidy and stocked") + "/answer",
                "key", "page-tidy-2", "scale", "3").andExpect(status().isOk());
        send(shopper, "/mystery/mine/" + visit + "/submit").andExpect(redirectedUrl("/mystery/mine/" + visit))
                .andExpect(flash().attribute("error", "Add the photo of the receipt before submitting"));
        mvc.perform(multipart("/mystery/mine/" + visit + "/receipt").file(new MockMultipartFile("file", "r.png",
                "image/png", PNG)).with(user(shopper)).with(csrf())).andExpect(redirectedUrl("/mystery/mine/" + visit + "#proof"));
        send(shopper, "/mystery/mine/" + visit + "/visit-time", "visitedAt",
                LocalDateTime.now().minusHours(2).withSecond(0).withNano(0).toString(), "latitude", "22.5431",
                "longitude", "114.0579").andExpect(flash().attributeCount(0));
        send(shopper, "/mystery/mine/" + visit + "/submit").andExpect(redirectedUrl("/mystery/mine"));

        // everything else is closed to the shopper, pages included
        for (String url : new String[] {"/", "/audits", "/customers", "/mystery", "/mystery/visits/" + visit, "/cases",
                "/audits/dashboard", "/swagger-ui/index.html"}) {
            mvc.perform(get(url).with(user(shopper)).accept(MediaType.TEXT_HTML)).andExpect(status().isForbidden());
        }
        AppUser staff = fixtures.person(Role.STAFF, outletA.id());
        mvc.perform(get("/mystery").with(user(staff)).accept(MediaType.TEXT_HTML)).andExpect(status().isForbidden());
        mvc.perform(get("/mystery/mine").with(user(staff)).accept(MediaType.TEXT_HTML)).andExpect(status().isForbidden());

        // the auditor reviews: smile missed, attitude (0 + 0.75) / 2 = 0.375, timeliness 1,
        // overall (1 x 0.375 + 2 x 1) / 3 = 0.7917 -> FAILED below the 80 % pass mark
        AppUser auditor = fixtures.person(Role.AUDITOR, region.id());
        String report = html(auditor, "/mystery/visits/" + visit, "zh");
        assertThat(report).contains(nickname).contains("79.2 %").doesNotContain(shopper.displayName());
        send(auditor, "/mystery/visits/" + visit + "/review", "decision", "ACCEPT", "rating", "5")
                .andExpect(flash().attribute("notice", "The report is accepted and counts in the figures."));
        send(auditor, "/mystery/visits/" + visit + "/debrief", "heldOn", today, "wentWell", "Quick greeting",
                "toImprove", "Smile", "actions", "Greeting drill on Monday", "attendees", "The whole team")
                .andExpect(flash().attributeExists("notice"));
        assertThat(html(auditor, "/mystery/visits/" + visit, "en")).contains("Greeting drill on Monday");
        assertThat(html(auditor, "/audits/dashboard/mystery?unitId=" + outletA.id(), "en")).contains("79.2 %");
        assertThat(html(manager, "/audits/dashboard", "zh")).contains("/audits/dashboard/mystery");
    }
}
