package com.serviceloop.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.PageTest;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.ObjectMapper;

/** The designer's screens: new survey, questions, refusals next to the field, built-ins, roles. */
class SurveyDesignerPagesTest extends PageTest {
    @Autowired SurveyRepository surveys;
    @Autowired SurveyDesigner designer;
    @Autowired SurveyLinks links;
    @Autowired SurveyResponses responses;
    @Autowired ObjectMapper json;
    private AppUser manager;
    private AppUser staff;
    private long outlet;

    @BeforeEach
    void setUp() {
        fixtures.admin();
        var chain = fixtures.chain();
        outlet = chain.outletA().id();
        // surveys hold for every outlet: the chain's manager designs them
        manager = fixtures.person(Role.MANAGER, chain.chain().id());
        staff = fixtures.person(Role.STAFF, outlet);
    }

    /** The survey a create or copy redirected to. */
    private static long designed(ResultActions result) throws Exception {
        String url = result.andExpect(redirectedUrlPattern("/surveys/*/design")).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(url.split("/")[2]);
    }

    private int version(long id) {
        return surveys.get(id).version();
    }

    @Test
    void aManagerBuildsASurveyOnThePages() throws Exception {
        page(manager, "/surveys", "en").andExpect(status().isOk()).andExpect(content().string(containsString("/surveys/new")));
        page(manager, "/surveys/new", "zh-CN").andExpect(status().isOk()).andExpect(content().string(containsString("新建问卷")));
        submit(manager, "/surveys", "titleEn", "", "titleZh", "门店环境").andExpect(status().isOk())
                .andExpect(content().string(containsString("field-error")));
        long id = designed(submit(manager, "/surveys", "titleEn", "Our outlet", "titleZh", "门店环境", "kind", "CUSTOM"));
        assertThat(surveys.get(id).titleZh()).isEqualTo("门店环境");
        page(manager, "/surveys/" + id + "/design", "en").andExpect(status().isOk())
                .andExpect(content().string(containsString("No questions yet")))
                .andExpect(content().string(containsString("Add a question")));
        page(manager, "/surveys/" + id + "/design", "zh-CN").andExpect(status().isOk())
                .andExpect(content().string(containsString("添加题目")));

        submit(manager, "/surveys/" + id + "/questions", "qtype", "SCALE_5", "textEn", "How clean was the outlet?",
                "textZh", "门店是否整洁？", "sectionEn", "Outlet", "sectionZh", "门店", "required", "true",
                "version", "" + version(id)).andExpect(redirectedUrlPattern("/surveys/" + id + "/design#q-*"));
        // a refusal comes back next to its field, with what was typed
        submit(manager, "/surveys/" + id + "/questions", "qtype", "SINGLE", "textEn", "Which counter?", "textZh", "哪个柜台？",
                "optionsEn", "Only one", "optionsZh", "只有一个", "version", "" + version(id))
                .andExpect(status().isOk()).andExpect(content().string(containsString("at least 2 choices")))
                .andExpect(content().string(containsString("Which counter?")));
        submit(manager, "/surveys/" + id + "/questions", "qtype", "SINGLE", "textEn", "Which counter?", "textZh", "哪个柜台？",
                "optionsEn", "Prescriptions\nOver the counter", "optionsZh", "处方\n非处方", "version", "" + version(id))
                .andExpect(status().is3xxRedirection());
        List<Question> q = surveys.questions(id);
        assertThat(q).extracting(Question::textEn).containsExactly("How clean was the outlet?", "Which counter?");
        assertThat(q.getFirst().required()).isTrue();

        submit(manager, "/surveys/" + id + "/questions/" + q.get(1).id(), "qtype", "MULTI", "textEn", "Which counters?",
                "textZh", "哪些柜台？", "optionsEn", "Prescriptions\nOver the counter", "optionsZh", "处方\n非处方",
                "version", "" + version(id)).andExpect(status().is3xxRedirection());
        assertThat(surveys.questions(id).get(1).qtype()).isEqualTo(QuestionType.MULTI);
        assertThat(surveys.questions(id).get(1).required()).isFalse();
        submit(manager, "/surveys/" + id + "/questions/" + q.get(1).id() + "/move", "direction", "up",
                "version", "" + version(id)).andExpect(status().is3xxRedirection());
        assertThat(surveys.questions(id).getFirst().id()).isEqualTo(q.get(1).id());
        // a stale form: the page says so instead of overwriting
        submit(manager, "/surveys/" + id + "/questions/" + q.get(0).id(), "qtype", "SCALE_5", "textEn", "Stale", "textZh", "旧",
                "version", "0").andExpect(status().isOk()).andExpect(content().string(containsString("changed by someone else")));
        assertThat(surveys.questions(id).get(1).textEn()).isEqualTo("How clean was the outlet?");
        submit(manager, "/surveys/" + id + "/design", "titleEn", "Our outlet today", "titleZh", "今天的门店", "kind", "CUSTOM",
                "version", "" + version(id)).andExpect(redirectedUrl("/surveys/" + id + "/design"));
        assertThat(surveys.get(id).titleEn()).isEqualTo("Our outlet today");
        submit(manager, "/surveys/" + id + "/active", "active", "true", "version", "" + version(id))
                .andExpect(redirectedUrl("/surveys/" + id + "/design"));
        assertThat(surveys.get(id).active()).isTrue();
        submit(manager, "/surveys/" + id + "/questions/" + q.get(1).id() + "/delete", "version", "" + version(id))
                .andExpect(redirectedUrl("/surveys/" + id + "/design"));
        assertThat(surveys.questions(id)).hasSize(1);

        page(manager, "/surveys/" + id, "en").andExpect(status().isOk())
                .andExpect(content().string(containsString("/surveys/" + id + "/design")))
                .andExpect(content().string(containsString("/surveys/" + id + "/preview")));
        page(manager, "/surveys/" + id + "/preview", "zh-CN").andExpect(status().isOk())
                .andExpect(content().string(containsString("门店是否整洁？")));
    }

    @Test
    void aRefusalStandsNextToItsFieldInTheReadersLanguage() throws Exception {
        Survey s = designer.create(new SurveyForm("Counters", "柜台", null, null, null, null));
        submit(manager, "/surveys/" + s.id() + "/questions?lang=zh", "qtype", "SINGLE", "textEn", "Which counter?",
                "textZh", "哪个柜台？", "optionsEn", "Prescriptions\nPrescriptions", "optionsZh", "处方\n非处方",
                "version", "" + version(s.id()))
                .andExpect(status().isOk())
                .andExpect(content().string(matchesPattern("(?s).*<textarea name=\"optionsEn\"[^>]*>[^<]*</textarea>\\s*"
                        + "<span class=\"field-error\">选项“Prescriptions”出现了两次</span>.*")))
                .andExpect(content().string(not(containsString("is there twice"))));
        assertThat(surveys.questions(s.id())).isEmpty();
    }

    @Test
    void answeredQuestionsShowTheirLockAndBuiltInsOfferACopy() throws Exception {
        Survey s = designer.create(new SurveyForm("Locked", "锁定", null, null, null, null));
        designer.addQuestion(s.id(), new QuestionForm(QuestionType.SCALE_5, null, null, "Rate us", "请评分", null, null, true,
                null, version(s.id())));
        designer.setActive(s.id(), true, null);
        String token = links.create(manager, s.id(), new SurveyLinks.LinkForm(outlet, "QR", false, null)).token();
        long q = surveys.questions(s.id()).getFirst().id();
        responses.submit(token, new SurveyResponses.Submission(json.readTree("{\"" + q + "\": 4}"), "designer-page-1", "en",
                true, null));
        page(manager, "/surveys/" + s.id() + "/design", "en").andExpect(status().isOk())
                .andExpect(content().string(containsString("has answers")))
                .andExpect(content().string(not(containsString("/questions/" + q + "/delete"))));
        submit(manager, "/surveys/" + s.id() + "/questions/" + q, "qtype", "SCALE_7", "textEn", "Rate us", "textZh", "请评分",
                "version", "" + version(s.id())).andExpect(status().isOk())
                .andExpect(content().string(containsString("may already have answers")));
        assertThat(surveys.questions(s.id()).getFirst().qtype()).isEqualTo(QuestionType.SCALE_5);

        long servqual = surveys.byCode("servqual").orElseThrow().id();
        page(manager, "/surveys/" + servqual + "/design", "en").andExpect(status().isOk())
                .andExpect(content().string(containsString("built-in instrument")))
                .andExpect(content().string(containsString("/surveys/" + servqual + "/copy")))
                .andExpect(content().string(not(containsString("/surveys/" + servqual + "/questions"))));
        long copy = designed(submit(manager, "/surveys/" + servqual + "/copy"));
        assertThat(copy).isNotEqualTo(servqual);
        assertThat(surveys.questions(copy)).hasSize(surveys.questions(servqual).size());
        page(manager, "/surveys/" + copy + "/design", "zh-CN").andExpect(status().isOk())
                .andExpect(content().string(containsString("信赖度")));
        // the copy's figures page keeps the SERVQUAL section; an own survey's shows the summary only
        page(manager, "/surveys/" + copy, "en").andExpect(content().string(containsString("servqual-data")));
        page(manager, "/surveys/" + s.id(), "en").andExpect(status().isOk())
                .andExpect(content().string(not(containsString("servqual-data"))));
    }

    @Test
    void staffCannotDesign() throws Exception {
        long id = designer.create(new SurveyForm("Staff", "员工", null, null, null, null)).id();
        page(staff, "/surveys", "en").andExpect(status().isOk()).andExpect(content().string(not(containsString("/surveys/new"))))
                .andExpect(content().string(not(containsString("/surveys/" + id + "/design"))));
        page(staff, "/surveys/new", "en").andExpect(status().isForbidden());
        page(staff, "/surveys/" + id + "/design", "en").andExpect(status().isForbidden());
        submit(staff, "/surveys", "titleEn", "x", "titleZh", "x").andExpect(status().isForbidden());
        submit(staff, "/surveys/" + id + "/copy").andExpect(status().isForbidden());
        submit(staff, "/surveys/" + id + "/questions", "qtype", "TEXT", "textEn", "x", "textZh", "x", "version", "0")
                .andExpect(status().isForbidden());
        submit(staff, "/surveys/" + id + "/active", "active", "true").andExpect(status().isForbidden());
        assertThat(surveys.questions(id)).isEmpty();
        // the preview is read-only and open to everyone signed in
        page(staff, "/surveys/" + id + "/preview", "en").andExpect(status().isOk());
    }
}
