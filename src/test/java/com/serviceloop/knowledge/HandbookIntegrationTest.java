package com.serviceloop.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.organisation.AppUser;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

class HandbookIntegrationTest extends ApiTest {
    @Autowired PdfRenderer renderer;
    private AppUser adminUser;
    private String admin;
    private String type;

    @BeforeEach
    void setUp() throws Exception {
        adminUser = fixtures.admin();
        admin = token(adminUser);
        type = "h" + Fixtures.unique("x").substring(2).toLowerCase();
        postJson("/api/v1/standards", admin, Map.of("outletType", type, "areaCode", "TIMELINESS",
                "behaviour", "4小时内回复顾客电话", "kind", "HARD", "measure", "来电记录", "targetValue", 4,
                "targetUnit", "HOURS", "targetRate", 97)).andExpect(status().isCreated());
        postJson("/api/v1/standards", admin, Map.of("outletType", type, "areaCode", "ATTITUDE",
                "behaviour", "Greet every customer within 30 seconds", "kind", "HARD", "targetValue", 30,
                "targetUnit", "SECONDS", "targetRate", 95)).andExpect(status().isCreated());
        long b = body(postJson("/api/v1/blueprints", admin, Map.of("outletType", type, "name", "Counter service")))
                .get("id").asLong();
        postJson("/api/v1/blueprints/" + b + "/steps", admin, Map.of("name", "Greeting", "timeStandardSecs", 30,
                "doList", "Smile\nMake eye contact", "dontList", "Keep them waiting")).andExpect(status().isCreated());
    }

    @Test
    void theHandbookPageListsStandardsByAreaAndTheProcess() throws Exception {
        mvc.perform(get("/handbook").param("outletType", type).with(user(adminUser)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(
                        Matchers.containsString("Timeliness"),
                        Matchers.containsString("4小时内回复顾客电话"),
                        Matchers.containsString("Target: 97 % of the time"),
                        Matchers.containsString("Service process: Counter service"),
                        Matchers.containsString("+ Make eye contact"))));
    }

    @Test
    void thePdfCarriesTheSameContent() throws Exception {
        byte[] bytes = pdf("/api/v1/handbook/" + type + "/pdf", "zh-CN");
        assertThat(new String(bytes, 0, 5)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Greet every customer within 30 seconds", "30");
            // printed with the font inside the application: the tests point serviceloop.pdf.fonts at no file
            assertThat(renderer.systemFont()).isEmpty();
            assertThat(text).contains("4小时内回复顾客电话", "服务手册", "时限");
        }
    }

    private byte[] pdf(String url, String language) throws Exception {
        return mvc.perform(get(url).header("Authorization", "Bearer " + admin).header("Accept-Language", language)
                        .accept(MediaType.APPLICATION_PDF))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void anOutletTypeWithoutStandardsStillPrints() throws Exception {
        byte[] bytes = pdf("/api/v1/handbook/empty-type/pdf", "en");
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("No standards have been written");
        }
    }
}
