package com.serviceloop.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.Fixtures;
import com.serviceloop.PageTest;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import com.serviceloop.standard.Kind;
import com.serviceloop.standard.StandardForm;
import com.serviceloop.standard.StandardService;
import com.serviceloop.standard.TargetUnit;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class JobPagesTest extends PageTest {
    @Autowired StandardService standards;
    @Autowired JobService jobs;
    @Autowired DescriptionService descriptions;
    @Autowired SelectionService selection;
    private AppUser admin;
    private long jobId;
    private String name;

    @BeforeEach
    void setUp() {
        admin = fixtures.admin();
        String type = "p" + Fixtures.unique("x").substring(2).toLowerCase();
        long greet = standards.create(admin, new StandardForm(type, "ATTITUDE", "30 秒内招呼每一位进店顾客", Kind.HARD, null,
                BigDecimal.valueOf(30), TargetUnit.SECONDS, BigDecimal.valueOf(95), null, null, null, null)).id();
        name = Fixtures.unique("收银员");
        jobId = jobs.create(new JobForm(name, type, List.of(greet), null)).id();
    }

    @Test
    void theJobPageShowsTheGeneratedDraftInChineseAndIsReachableFromTheList() throws Exception {
        page(admin, "/jobs", "zh").andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(name), containsString("新建岗位"), containsString("岗位"))));
        page(admin, "/jobs/" + jobId, "zh").andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("尚未保存"), containsString("30 秒内招呼每一位进店顾客"),
                        containsString("30 秒，达成率不低于 95%"), containsString("3 熟练"))));
        // staff read, but see no edit link and no new-job form
        AppUser staff = fixtures.person(Role.STAFF, fixtures.chain().outletA().id());
        page(staff, "/jobs/" + jobId, "en").andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/description/edit"))));
        page(staff, "/jobs", "en").andExpect(content().string(not(containsString("Add job"))));
        submit(staff, "/jobs/" + jobId + "/review").andExpect(status().isForbidden());
    }

    @Test
    void savingTheEditFormMakesAVersionAndABadLevelIsShownNotSaved() throws Exception {
        page(admin, "/jobs/" + jobId + "/description/edit", "en").andExpect(status().isOk())
                .andExpect(content().string(containsString("3 | Attitude: ")));
        submit(admin, "/jobs/" + jobId + "/description", "purpose", "快速准确地结账", "dutyStandard", "", "dutyText", "结账",
                "dutyHow", "扫码、收款、找零", "dutyExcellent", "", "relations", "店长\n营业员", "knowledge", "2 | 医保政策",
                "skills", "5 | 收银系统", "behaviours", "", "results", "", "version", "0")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Line 1: start with a level from 1 to 4")));
        assertThat(descriptions.versions(jobId)).isEmpty();
        submit(admin, "/jobs/" + jobId + "/description", "purpose", "快速准确地结账", "dutyStandard", "", "dutyText", "结账",
                "dutyHow", "扫码、收款、找零", "dutyExcellent", "", "relations", "店长\n营业员", "knowledge", "2 | 医保政策",
                "skills", "4 | 收银系统", "behaviours", "", "results", "", "version", "0")
                .andExpect(redirectedUrl("/jobs/" + jobId));
        Description saved = descriptions.current(jobId, Locale.ENGLISH);
        assertThat(saved.versionNo()).isEqualTo(1);
        assertThat(saved.content().relations()).containsExactly("店长", "营业员");
        assertThat(saved.content().skills()).containsExactly(new JobDescription.Competence("收银系统", 4));
        assertThat(saved.content().duties().getFirst().standardId()).isNull();
    }

    @Test
    void theSelectionPageShowsTheGuideAndManagersAddScoreAndCompareCandidates() throws Exception {
        page(admin, "/jobs/" + jobId + "/selection", "zh").andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("面试指南"), containsString("请讲一位难以应对的顾客"),
                        containsString("追问"))));
        long outlet = fixtures.chain().outletA().id();
        submit(admin, "/jobs/" + jobId + "/selection/candidates", "name", "陈静", "contact", "139", "outletId",
                String.valueOf(outlet)).andExpect(redirectedUrl("/jobs/" + jobId + "/selection"));
        long candidate = selection.candidates(admin, jobId).getFirst().id();
        submit(admin, "/jobs/" + jobId + "/selection/scores", "candidateId", String.valueOf(candidate),
                "areaCode", "ATTITUDE", "score", "4", "note", "先倾听再推荐")
                .andExpect(redirectedUrl("/jobs/" + jobId + "/selection"));
        // one interviewer, one area scored 4: the attitude mean and the overall are both 4.00
        page(admin, "/jobs/" + jobId + "/selection", "en").andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("陈静"), containsString("4.00"),
                        containsString("candidate-data"))));
        // a score of 7 typed into the form is refused, not stored
        submit(admin, "/jobs/" + jobId + "/selection/scores", "candidateId", String.valueOf(candidate),
                "areaCode", "ATTITUDE", "score", "7", "note", "");
        assertThat(selection.comparison(admin, jobId).candidates().getFirst().overall()).isEqualByComparingTo("4.00");
        AppUser staff = fixtures.person(Role.STAFF, fixtures.chain().outletA().id());
        page(staff, "/jobs/" + jobId + "/selection", "en").andExpect(status().isOk())
                .andExpect(content().string(not(containsString("陈静"))));
    }

    @Test
    void thePdfPrintsTheDescriptionInTheAskedLanguage() throws Exception {
        byte[] bytes = page(admin, "/jobs/" + jobId + "/description.pdf?lang=zh", "en").andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf")).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(name, "岗位职责", "30 秒内招呼每一位进店顾客", "3 熟练");
        }
    }
}
