package com.serviceloop.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.organisation.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** An outlet's service profile prints in both languages, with its own texts and the labels of the language. */
class ServiceProfilePdfIntegrationTest extends ApiTest {
    private Fixtures.Chain chain;
    private String manager;

    @BeforeEach
    void setUp() throws Exception {
        fixtures.admin();
        chain = fixtures.chain();
        manager = token(fixtures.person(Role.MANAGER, chain.outletA().id()));
        Map<String, Object> p = new HashMap<>();
        p.put("statement", "让每位顾客放心用药");
        p.put("tradeArea", "Riverside housing estate");
        p.put("targetAgeBands", List.of("AGE_55_64", "AGE_65_PLUS"));
        p.put("targetIncomeBands", List.of());
        p.put("targetEducations", List.of());
        p.put("targetSocialClasses", List.of());
        p.put("characteristics", List.of(Map.of("code", "TRAINING", "score", 5, "note", "Licensed pharmacist on duty")));
        p.put("silhouette", List.of(Map.of("tier", "LIGHT", "purpose", 4, "cost", 3, "necessity", 5, "risk", 5, "result", 4)));
        p.put("needs", List.of(Map.of("need", "INFORMATION", "teamScore", 3)));
        p.put("version", 0);
        putJson("/api/v1/outlets/" + chain.outletA().id() + "/service-profile", manager, p).andExpect(status().isOk());
    }

    private String text(String lang) throws Exception {
        byte[] bytes = mvc.perform(get("/api/v1/outlets/" + chain.outletA().id() + "/service-profile.pdf?lang=" + lang)
                        .header("Authorization", "Bearer " + manager).accept(MediaType.APPLICATION_PDF))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(bytes, 0, 5)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void printsInEnglishAndInChinese() throws Exception {
        assertThat(text("en")).contains("Outlet A", "Service profile", "Riverside housing estate",
                "Licensed pharmacist on duty", "Training needed", "Clear information");
        assertThat(text("zh")).contains("Outlet A", "服务轮廓", "让每位顾客放心用药", "培训要求", "信息清楚");
    }
}
