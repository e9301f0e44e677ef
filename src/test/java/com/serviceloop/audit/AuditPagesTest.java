package com.serviceloop.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.organisation.AppUser;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

/** The audit pages as an auditor walks through them: home, conduct on the phone, result, follow-up. */
@Tag("db")
class AuditPagesTest extends AuditApiTest {

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

    private String answer(AppUser who, long audit, long item, String... fieldsAndValues) throws Exception {
        String[] all = new String[fieldsAndValues.length + 2];
        all[0] = "key";
        all[1] = "k" + Math.abs(System.nanoTime()) + "x" + item;
        System.arraycopy(fieldsAndValues, 0, all, 2, fieldsAndValues.length);
        return send(who, "/audits/" + audit + "/items/" + item + "/answer", all).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String pdfText(AppUser who, String url) throws Exception {
        byte[] pdf = mvc.perform(get(url).with(user(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void anAuditorStartsAnswersItemByItemSubmitsAndTheResultSaysWhyItFailed() throws Exception {
        AppUser admin = fixtures.admin();
        String empty = html(admin, "/audits", "en");
        assertThat(empty).contains("Service audits", "href=\"/audits\"", "Due and overdue", "My corrective actions");
        long form = publishedForm();
        assertThat(html(admin, "/audits", "en")).contains("Audit an outlet now", ">Outlet A<");
        assertThat(html(admin, "/audits", "zh-CN")).contains("服务审核", "现在检查一家门店");

        String location = send(admin, "/audits/start", "outletId", "" + outletA.id(), "formId", "" + form)
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/audits/\\d+/conduct");
        long audit = Long.parseLong(location.split("/")[2]);
        Map<String, Long> item = items(body(getJson("/api/v1/audits/" + audit, this.admin)).get("form"));

        String conduct = html(admin, location, "en");
        assertThat(conduct).contains("Audit of Outlet A", "0 of 4 required items answered", "data-answer-key",
                "target: 30 seconds", "accept=\"image/*\"", "capture=\"environment\"", "/js/audit.js",
                "Greet every customer within 30 seconds", "Not applicable", "Submit the audit",
                "class=\"signature-pad\"", "data-signature-url=\"/audits/" + audit + "/items/");
        assertThat(html(admin, location, "zh-CN")).contains("必答项目已答 0 / 4", "不符合");
        // one progress bar (the htmx reply's copy is not part of the page)
        assertThat(conduct.split("id=\"audit-progress\"", -1)).hasSize(2);

        // greeted after 31 s: over the 30 s target, a critical miss
        assertThat(answer(admin, audit, item.get("Greet every customer within 30 seconds"), "measured", "31"))
                .contains("Saved", "1 of 4 required items answered");
        assertThat(answer(admin, audit, item.get("Smile and make eye contact when greeting"), "choice", "NA"))
                .contains("Saved", "2 of 4");
        // refusals are said in the item's line, not as an error page
        assertThat(answer(admin, audit, item.get("Counter tidy and stocked"), "scale", "9"))
                .contains("The answer &#39;scale&#39; is not valid for this item").doesNotContain("Saved");
        assertThat(answer(admin, audit, item.get("Counter tidy and stocked"), "measured", "3"))
                .contains("is not an answer to an item of the type SCALE");
        // submitting with the tidy counter and the photo open names them
        send(admin, "/audits/" + audit + "/submit").andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", containsString("2 required item(s) are not answered yet")))
                .andExpect(flash().attribute("error", containsString("Counter tidy and stocked")));
        assertThat(answer(admin, audit, item.get("Counter tidy and stocked"), "scale", "3")).contains("3 of 4");
        long photo = item.get("Photo of the shop front");
        String uploaded = mvc.perform(multipart("/audits/" + audit + "/items/" + photo + "/photo")
                        .file(new MockMultipartFile("file", "front.png", "image/png", PNG)).with(user(admin)).with(csrf())
                        .header("Accept-Language", "en")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(uploaded).contains("<img", "/api/v1/audits/" + audit + "/photos/", "Saved");
        String resumed = html(admin, location, "en");
        assertThat(resumed).contains("4 of 4 required items answered", "value=\"31\"");
        send(admin, "/audits/" + audit + "/submit").andExpect(status().is3xxRedirection())
                .andExpect(status().isFound()).andExpect(flash().attributeCount(0));

        // attitude: smile N/A, counter 3/4 = 0.75; timeliness: 0; overall (1 x 0.75 + 2 x 0) / 3 = 25 %; FAILED
        String result = html(admin, "/audits/" + audit, "en");
        assertThat(result).contains("25.0 %", "Failed", "Failed because a critical item was missed: Greet every customer",
                "Sign off as outlet manager", "/api/v1/audits/" + audit + "/report.pdf?lang=en", "Raise a corrective action");
        assertThat(result.indexOf("What was done well")).isLessThan(result.indexOf("What to improve"));
        assertThat(html(admin, "/audits/" + audit, "zh-CN")).contains("不合格", "因关键项未达标而不合格", "做得好的地方");
        // a submitted audit is no longer conducted: its walk-around address leads to the result
        mvc.perform(get(location).with(user(admin))).andExpect(status().isFound())
                .andExpect(redirectedUrl("/audits/" + audit));

        // a corrective action on the missed greeting, owned by the admin, shows on the result and the owner's home
        String due = LocalDate.now().plusDays(7).toString();
        send(admin, "/audits/" + audit + "/actions", "itemId", "" + item.get("Greet every customer within 30 seconds"),
                "ownerId", "" + admin.id(), "dueOn", due, "description", "Second person at the counter at rush hour")
                .andExpect(flash().attribute("notice", "The corrective action is raised."));
        send(admin, "/audits/" + audit + "/actions", "itemId", "" + item.get("Counter tidy and stocked"),
                "ownerId", "" + admin.id(), "dueOn", due, "description", "x")
                .andExpect(flash().attribute("error", containsString("corrective actions are for missed items")));
        assertThat(html(admin, "/audits/" + audit, "en")).contains("Corrective action: ", "Second person at the counter");
        assertThat(html(admin, "/audits", "en")).contains("Second person at the counter at rush hour", "25.0 %");

        // the PDF report says the same in both languages, the photo included
        String en = pdfText(admin, "/api/v1/audits/" + audit + "/report.pdf?lang=en");
        assertThat(en).contains("Audit of Outlet A", "25.0 %", "Failed because a critical item was missed", "What was done well",
                "Second person at the counter", "Photo of the shop front");
        assertThat(en.indexOf("What was done well")).isLessThan(en.indexOf("What to improve"));
        assertThat(pdfText(admin, "/api/v1/audits/" + audit + "/report.pdf?lang=zh")).contains("不合格", "做得好的地方");
        mvc.perform(get("/api/v1/audits/" + audit + "/report.pdf?lang=fr").with(user(admin)))
                .andExpect(status().isBadRequest());

        send(admin, "/audits/" + audit + "/sign-off").andExpect(flash().attribute("notice", "The audit is signed off."));
        assertThat(html(admin, "/audits/" + audit, "en")).contains("Signed off by the outlet manager");
    }
}
