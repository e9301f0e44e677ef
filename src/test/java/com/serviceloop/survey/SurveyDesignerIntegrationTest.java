package com.serviceloop.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/** The survey designer through its API: own surveys and copies, their questions, the rules that keep answers safe. */
class SurveyDesignerIntegrationTest extends ApiTest {
    private static final String API = "/api/v1/surveys";
    @Autowired SurveyRepository surveys;
    @Autowired JdbcClient jdbc;
    private Fixtures.Chain chain;
    private AppUser manager;
    private String managerToken;

    @BeforeEach
    void setUp() {
        fixtures.admin();
        chain = fixtures.chain();
        // surveys hold for every outlet: the chain's manager designs them
        manager = fixtures.person(Role.MANAGER, chain.chain().id());
        managerToken = token(manager);
    }

    private JsonNode create(String titleEn) throws Exception {
        return body(postJson(API, managerToken, Map.of("titleEn", titleEn, "titleZh", "用药咨询满意度",
                "introEn", "Three questions about the advice you got.", "introZh", "关于用药建议的三个问题。"))
                .andExpect(status().isCreated()));
    }

    private static Map<String, Object> question(String type, String en, String zh, Object... more) {
        Map<String, Object> q = new HashMap<>(Map.of("qtype", type, "textEn", en, "textZh", zh));
        for (int i = 0; i < more.length; i += 2) {
            q.put((String) more[i], more[i + 1]);
        }
        return q;
    }

    private static Map<String, Object> at(Map<String, Object> form, JsonNode design) {
        Map<String, Object> m = new HashMap<>(form);
        m.put("version", design.at("/survey/version").asInt());
        return m;
    }

    private ResultActions add(JsonNode design, Map<String, Object> q) throws Exception {
        return postJson(API + "/" + id(design) + "/questions", managerToken, at(q, design));
    }

    private JsonNode added(JsonNode design, Map<String, Object> q) throws Exception {
        return body(add(design, q).andExpect(status().isCreated()));
    }

    private ResultActions change(JsonNode design, long questionId, Map<String, Object> q) throws Exception {
        return putJson(API + "/" + id(design) + "/questions/" + questionId, managerToken, whole(QuestionForm.class, at(q, design)));
    }

    private static long id(JsonNode design) {
        return design.at("/survey/id").asLong();
    }

    private static JsonNode last(JsonNode design) {
        JsonNode q = design.get("questions");
        return q.get(q.size() - 1);
    }

    private static List<String> texts(JsonNode design) {
        List<String> out = new ArrayList<>();
        design.get("questions").forEach(q -> out.add(q.get("textEn").asText()));
        return out;
    }

    private JsonNode design(long id) throws Exception {
        return body(getJson(API + "/" + id + "/design", managerToken).andExpect(status().isOk()));
    }

    private ResultActions answer(String token, Map<Long, Object> answers) throws Exception {
        Map<String, Object> a = new HashMap<>();
        answers.forEach((k, v) -> a.put(String.valueOf(k), v));
        return mvc.perform(post("/api/v1/public/surveys/" + token + "/responses").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("answers", a, "submissionKey", UUID.randomUUID().toString(),
                        "language", "zh"))));
    }

    @Test
    void aManagerMakesASurveyAddsEditsMovesAndDeletesQuestions() throws Exception {
        JsonNode d = create("Advice at the counter");
        assertThat(d.at("/survey/kind").asText()).isEqualTo("CUSTOM");
        assertThat(d.at("/survey/active").asBoolean()).isFalse();
        assertThat(d.at("/survey/builtin").asBoolean()).isFalse();
        assertThat(d.get("editable").asBoolean()).isTrue();
        assertThat(d.get("questions")).isEmpty();
        int v0 = d.at("/survey/version").asInt();

        d = added(d, question("SCALE_5", "How clear was the advice?", "用药建议是否清楚？", "sectionEn", "Advice",
                "sectionZh", "用药建议", "required", true, "purpose", "OVERALL"));
        assertThat(d.at("/survey/version").asInt()).isEqualTo(v0 + 1);
        d = added(d, question("SINGLE", "How long did you wait?", "您等候了多久？",
                "optionsEn", "Under 5 minutes\n5-15 minutes\nLonger", "optionsZh", "5 分钟以内\n5-15 分钟\n更久"));
        d = added(d, question("MULTI", "What did you buy?", "您购买了哪些商品？",
                "optionsEn", "Prescription\nOver the counter\n\nHealth food\n", "optionsZh", "处方药\n非处方药\n保健食品"));
        d = added(d, question("TEXT", "Anything else?", "还有其他意见吗？"));
        assertThat(texts(d)).containsExactly("How clear was the advice?", "How long did you wait?", "What did you buy?",
                "Anything else?");
        JsonNode multi = d.get("questions").get(2);
        assertThat(multi.get("optionsEn").asText()).isEqualTo("Prescription\nOver the counter\nHealth food");
        assertThat(multi.get("position").asInt()).isEqualTo(3);
        assertThat(d.get("questions").get(0).get("purpose").asText()).isEqualTo("OVERALL");
        assertThat(d.get("questions").get(0).get("sectionZh").asText()).isEqualTo("用药建议");
        assertThat(d.get("questions").get(1).get("required").asBoolean()).isFalse();

        long waited = d.get("questions").get(1).get("id").asLong();
        d = body(change(d, waited, question("SINGLE", "How long did you wait at the counter?", "您在柜台等候了多久？",
                "optionsEn", "Under 5 minutes\n5-15 minutes\n15-30 minutes\nLonger",
                "optionsZh", "5 分钟以内\n5-15 分钟\n15-30 分钟\n更久", "required", true)).andExpect(status().isOk()));
        JsonNode changed = d.get("questions").get(1);
        assertThat(changed.get("textZh").asText()).isEqualTo("您在柜台等候了多久？");
        assertThat(changed.get("optionsZh").asText().split("\n")).hasSize(4);
        assertThat(changed.get("required").asBoolean()).isTrue();

        long text = last(d).get("id").asLong();
        d = body(postJson(API + "/" + id(d) + "/questions/" + text + "/move", managerToken,
                Map.of("direction", "up", "version", d.at("/survey/version").asInt())).andExpect(status().isOk()));
        assertThat(texts(d)).containsExactly("How clear was the advice?", "How long did you wait at the counter?",
                "Anything else?", "What did you buy?");
        d = body(postJson(API + "/" + id(d) + "/questions/" + text + "/move", managerToken,
                Map.of("direction", "DOWN", "version", d.at("/survey/version").asInt())).andExpect(status().isOk()));
        assertThat(texts(d)).endsWith("What did you buy?", "Anything else?");

        d = body(deleteJson(API + "/" + id(d) + "/questions/" + waited + "?version=" + d.at("/survey/version").asInt(),
                managerToken).andExpect(status().isOk()));
        assertThat(texts(d)).containsExactly("How clear was the advice?", "What did you buy?", "Anything else?");
        assertThat(d.get("questions").findValues("position").stream().map(JsonNode::asInt).toList()).containsExactly(1, 2, 3);

        d = body(putJson(API + "/" + id(d), managerToken, whole(SurveyForm.class, Map.of("titleEn", "Advice at our counters",
                "titleZh", "柜台用药咨询", "kind", "SATISFACTION", "version", d.at("/survey/version").asInt())))
                .andExpect(status().isOk()));
        assertThat(d.at("/survey/titleEn").asText()).isEqualTo("Advice at our counters");
        assertThat(d.at("/survey/kind").asText()).isEqualTo("SATISFACTION");
        assertThat(d.at("/survey/introEn").isNull()).isTrue();
        // the survey list and the plain read see it too
        assertThat(body(getJson(API, managerToken)).findValuesAsString("titleEn")).contains("Advice at our counters");
        getJson(API + "/" + id(d), managerToken).andExpect(status().isOk())
                .andExpect(jsonPath("$.questions.length()").value(3));
    }

    @Test
    void anySurveyCanBeCopiedButBuiltInInstrumentsAreNotChanged() throws Exception {
        long servqual = surveys.byCode("servqual").orElseThrow().id();
        JsonNode builtin = design(servqual);
        assertThat(builtin.get("editable").asBoolean()).isFalse();
        long item = builtin.get("questions").get(0).get("id").asLong();
        change(builtin, item, question("SCALE_7", "Changed", "改了")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("copy")));
        add(builtin, question("TEXT", "More?", "还有吗？")).andExpect(status().isConflict());
        deleteJson(API + "/" + servqual + "/questions/" + item + "?version=" + builtin.at("/survey/version").asInt(),
                managerToken).andExpect(status().isConflict());
        assertThat(design(servqual).at("/survey/version").asInt()).isEqualTo(builtin.at("/survey/version").asInt());

        JsonNode copy = body(postJson(API + "/" + servqual + "/copy", managerToken, Map.of("titleZh", "药房服务质量调查"))
                .andExpect(status().isCreated()));
        assertThat(id(copy)).isNotEqualTo(servqual);
        assertThat(copy.at("/survey/titleZh").asText()).isEqualTo("药房服务质量调查");
        assertThat(copy.at("/survey/titleEn").asText()).startsWith("Copy of ");
        assertThat(copy.at("/survey/kind").asText()).isEqualTo("SERVQUAL");
        assertThat(copy.at("/survey/builtin").asBoolean()).isFalse();
        assertThat(copy.at("/survey/active").asBoolean()).isFalse();
        assertThat(copy.get("questions")).hasSize(builtin.get("questions").size());
        assertThat(copy.get("questions").findValuesAsString("textZh")).isEqualTo(builtin.get("questions").findValuesAsString("textZh"));
        assertThat(copy.get("questions").findValuesAsString("dimension")).isEqualTo(builtin.get("questions").findValuesAsString("dimension"));
        assertThat(copy.get("questions").get(0).get("id").asLong()).isNotEqualTo(item);

        // the copy is the manager's own: reworded for a pharmacy, its SERVQUAL items keep their scale
        JsonNode first = copy.get("questions").get(0);
        JsonNode d = body(change(copy, first.get("id").asLong(), question("SCALE_7", "An excellent pharmacy has modern equipment",
                "优秀的药房有现代化的设备", "sectionEn", first.get("sectionEn").asText(), "sectionZh",
                first.get("sectionZh").asText())).andExpect(status().isOk()));
        assertThat(d.get("questions").get(0).get("dimension").asText()).isEqualTo(first.get("dimension").asText());
        change(d, first.get("id").asLong(), question("SCALE_5", "x", "x")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("qtype"));
        getJson(API + "/" + id(copy) + "/servqual", managerToken).andExpect(status().isOk())
                .andExpect(jsonPath("$.dimensions.length()").value(5));

        // an own survey copies too, purposes and choices included
        JsonNode own = create("Own to copy");
        own = added(own, question("SCALE_10", "Would you recommend us?", "您会推荐我们吗？", "purpose", "RECOMMEND"));
        JsonNode ownCopy = body(postJson(API + "/" + id(own) + "/copy", managerToken, "").andExpect(status().isCreated()));
        assertThat(ownCopy.at("/survey/titleZh").asText()).isEqualTo("用药咨询满意度（副本）");
        assertThat(ownCopy.get("questions").get(0).get("purpose").asText()).isEqualTo("RECOMMEND");
    }

    @Test
    void badInputIsRefusedNamingTheField() throws Exception {
        postJson(API, managerToken, Map.of("titleEn", "No Chinese title")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("titleZh"));
        postJson(API, managerToken, Map.of("titleEn", "x", "titleZh", "x", "kind", "SERVQUAL")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        postJson(API, managerToken, Map.of("titleEn", "x", "titleZh", "x", "kind", "MOOD")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        postJson(API, managerToken, Map.of("titleEn", "x".repeat(201), "titleZh", "x")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("titleEn"));
        postJson(API, managerToken, "{\"titleEn\": ").andExpect(status().isBadRequest());

        JsonNode d = create("Validation");
        added(d, question("SCALE_10", "Recommend?", "推荐吗？", "purpose", "RECOMMEND"));
        d = design(id(d));
        // no type, or one that does not exist
        add(d, Map.of("textEn", "a", "textZh", "a")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("qtype"));
        add(d, Map.of("qtype", "STARS", "textEn", "a", "textZh", "a")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("qtype"));
        Object[][] cases = {
            {question("TEXT", "a", " "), "textZh"},
            {question("SINGLE", "Pick", "选", "optionsEn", "Only one", "optionsZh", "只有一个"), "optionsEn"},
            {question("SINGLE", "Pick", "选", "optionsEn", "A\nB\nC", "optionsZh", "甲\n乙"), "optionsZh"},
            {question("MULTI", "Pick", "选", "optionsEn", "A\nB"), "optionsZh"},
            {question("SINGLE", "Pick", "选", "optionsEn", "A\nA", "optionsZh", "甲\n乙"), "optionsEn"},
            {question("POINTS", "Points", "分"), "qtype"},
            {question("SCALE_5", "Recommend?", "推荐吗？", "purpose", "RECOMMEND"), "purpose"},
            {question("SCALE_10", "Recommend again?", "再推荐？", "purpose", "RECOMMEND"), "purpose"},
            {question("SCALE_5", "Name?", "名字？", "purpose", "ASK_BY_NAME"), "purpose"},
            {question("TEXT", "Overall?", "总体？", "purpose", "OVERALL"), "purpose"},
            {question("TEXT", "x", "x", "purpose", "MOOD"), "purpose"},
            {question("TEXT", "x", "x", "sectionEn", "Only English"), "sectionZh"},
            {question("TEXT", "x".repeat(501), "x"), "textEn"},
        };
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            Map<String, Object> q = (Map<String, Object>) c[0];
            add(d, q).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value(c[1]));
        }
        postJson(API + "/" + id(d) + "/questions", managerToken, question("TEXT", "No version", "没有版本"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("version"));
        long q = design(id(d)).get("questions").get(0).get("id").asLong();
        int v = design(id(d)).at("/survey/version").asInt();
        postJson(API + "/" + id(d) + "/questions/" + q + "/move", managerToken, Map.of("direction", "sideways", "version", v))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("direction"));
        postJson(API + "/" + id(d) + "/questions/" + q + "/move", managerToken, Map.of("direction", "up", "version", v))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("direction"));
        deleteJson(API + "/" + id(d) + "/questions/" + q, managerToken).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        putJson(API + "/" + id(d) + "/active", managerToken, Map.of()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("active"));
        // nothing refused above changed the survey
        assertThat(design(id(d)).at("/survey/version").asInt()).isEqualTo(v);
        assertThat(design(id(d)).get("questions")).hasSize(1);

        // unknown survey or question: 404, also a question of another survey
        JsonNode other = added(create("Other"), question("TEXT", "Other", "其他"));
        long foreign = other.get("questions").get(0).get("id").asLong();
        change(d, foreign, question("TEXT", "x", "x")).andExpect(status().isNotFound());
        change(d, 999_999_999L, question("TEXT", "x", "x")).andExpect(status().isNotFound());
        postJson(API + "/999999999/questions", managerToken, at(question("TEXT", "x", "x"), d)).andExpect(status().isNotFound());
        postJson(API + "/999999999/copy", managerToken, Map.of()).andExpect(status().isNotFound());
        putJson(API + "/999999999/active", managerToken, Map.of("active", false)).andExpect(status().isNotFound());
        getJson(API + "/999999999/design", managerToken).andExpect(status().isNotFound());
        getJson(API + "/abc/design", managerToken).andExpect(status().isBadRequest());

        // a survey without questions cannot be switched on
        JsonNode empty = create("Empty");
        putJson(API + "/" + id(empty) + "/active", managerToken, Map.of("active", true)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("active"));
    }

    @Test
    void aStaleVersionIsRefusedSoNoEditIsLost() throws Exception {
        JsonNode d = added(create("Two managers"), question("TEXT", "First", "第一"));
        long q = d.get("questions").get(0).get("id").asLong();
        // both read version v; the first change wins, the second is refused instead of overwriting it
        change(d, q, question("TEXT", "First, as manager one put it", "第一（经理一）")).andExpect(status().isOk());
        change(d, q, question("TEXT", "First, as manager two put it", "第一（经理二）")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("reload")));
        add(d, question("TEXT", "Second", "第二")).andExpect(status().isConflict());
        deleteJson(API + "/" + id(d) + "/questions/" + q + "?version=" + d.at("/survey/version").asInt(), managerToken)
                .andExpect(status().isConflict());
        putJson(API + "/" + id(d), managerToken, whole(SurveyForm.class, Map.of("titleEn", "x", "titleZh", "x",
                "version", d.at("/survey/version").asInt())))
                .andExpect(status().isConflict());
        putJson(API + "/" + id(d) + "/active", managerToken, Map.of("active", true, "version", d.at("/survey/version").asInt()))
                .andExpect(status().isConflict());
        JsonNode now = design(id(d));
        assertThat(now.get("questions").get(0).get("textEn").asText()).isEqualTo("First, as manager one put it");
        assertThat(now.get("questions")).hasSize(1);
        assertThat(now.at("/survey/active").asBoolean()).isFalse();
    }

    @Test
    void onlyRolesThatManageSurveysDesignThem() throws Exception {
        JsonNode d = added(create("Roles"), question("TEXT", "Q", "问"));
        long q = d.get("questions").get(0).get("id").asLong();
        for (Role role : new Role[] {Role.STAFF, Role.AUDITOR}) {
            String t = token(fixtures.person(role, chain.outletA().id()));
            postJson(API, t, Map.of("titleEn", "x", "titleZh", "x")).andExpect(status().isForbidden());
            postJson(API + "/" + id(d) + "/copy", t, Map.of()).andExpect(status().isForbidden());
            putJson(API + "/" + id(d), t, Map.of("titleEn", "x", "titleZh", "x", "version", 1)).andExpect(status().isForbidden());
            putJson(API + "/" + id(d) + "/active", t, Map.of("active", true)).andExpect(status().isForbidden());
            postJson(API + "/" + id(d) + "/questions", t, at(question("TEXT", "x", "x"), d)).andExpect(status().isForbidden());
            putJson(API + "/" + id(d) + "/questions/" + q, t, at(question("TEXT", "x", "x"), d)).andExpect(status().isForbidden());
            deleteJson(API + "/" + id(d) + "/questions/" + q + "?version=1", t).andExpect(status().isForbidden());
            postJson(API + "/" + id(d) + "/questions/" + q + "/move", t, Map.of("direction", "up", "version", 1))
                    .andExpect(status().isForbidden());
            // reading is open to them, as the survey list is
            getJson(API + "/" + id(d) + "/design", t).andExpect(status().isOk());
        }
        JsonNode after = design(id(d));
        assertThat(after.at("/survey/version").asInt()).isEqualTo(d.at("/survey/version").asInt());
        assertThat(after.at("/survey/titleEn").asText()).isEqualTo("Roles");
    }

    @Test
    void theManagerPreviewsInBothLanguagesWithoutALinkAndNothingIsStored() throws Exception {
        JsonNode d = create("Preview me");
        d = added(d, question("SCALE_5", "How friendly were we?", "我们是否友善？", "required", true,
                "sectionEn", "The visit", "sectionZh", "本次光顾"));
        d = added(d, question("SINGLE", "Which outlet?", "哪家门店？", "optionsEn", "North\nSouth", "optionsZh", "北店\n南店"));
        long scale = d.get("questions").get(0).get("id").asLong();
        long links = jdbc.sql("SELECT COUNT(*) FROM survey_link WHERE survey_id = :s").param("s", id(d)).query(Long.class).single();
        mvc.perform(get("/surveys/" + id(d) + "/preview?language=zh").with(user(manager))).andExpect(status().isOk())
                .andExpect(content().string(containsString("用药咨询满意度")))
                .andExpect(content().string(containsString("我们是否友善？")))
                .andExpect(content().string(containsString("本次光顾")))
                .andExpect(content().string(containsString("南店")))
                .andExpect(content().string(containsString("预览")))
                .andExpect(content().string(containsString("name=\"q" + scale + "\"")));
        mvc.perform(get("/surveys/" + id(d) + "/preview?language=en").with(user(manager))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Preview me")))
                .andExpect(content().string(containsString("How friendly were we?")))
                .andExpect(content().string(containsString("South")))
                .andExpect(content().string(not(containsString("南店"))));
        // answers on the preview are checked like real ones, and not stored
        mvc.perform(post("/surveys/" + id(d) + "/preview?language=en").with(user(manager)).with(csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("q" + scale, "4"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("would be accepted")))
                .andExpect(content().string(containsString("75")));
        mvc.perform(post("/surveys/" + id(d) + "/preview?language=en").with(user(manager)).with(csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("q" + scale, "9"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("class=\"alert\"")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM survey_response WHERE survey_id = :s").param("s", id(d))
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM survey_link WHERE survey_id = :s").param("s", id(d))
                .query(Long.class).single()).isEqualTo(links);
        mvc.perform(get("/surveys/999999999/preview").with(user(manager))).andExpect(status().isNotFound());
    }

    /**
     * End to end: a survey made through the API, answered on the public endpoint, in the summary; then
     * the questions with answers take wording fixes only.
     */
    @Test
    void anOwnSurveyIsAnsweredAndThenItsAnsweredQuestionsTakeWordingFixesOnly() throws Exception {
        JsonNode d = create("After your visit");
        d = added(d, question("SCALE_5", "Overall, how satisfied are you?", "总体而言，您满意吗？", "required", true,
                "purpose", "OVERALL"));
        d = added(d, question("SINGLE", "Will you come back?", "您还会再来吗？", "optionsEn", "Yes\nMaybe\nNo",
                "optionsZh", "会\n也许\n不会"));
        d = added(d, question("SCALE_10", "Would you recommend us?", "您会推荐我们吗？", "purpose", "RECOMMEND"));
        d = added(d, question("TEXT", "Whom would you ask for by name?", "您会点名找哪位员工？", "purpose", "ASK_BY_NAME"));
        List<Long> q = d.get("questions").findValues("id").stream().map(JsonNode::asLong).toList();

        String token = body(postJson(API + "/" + id(d) + "/links", managerToken, Map.of("outletId", chain.outletA().id()))
                .andExpect(status().isCreated())).get("token").asText();
        // switched off (a new survey is): the link does not open yet
        mvc.perform(get("/api/v1/public/surveys/" + token)).andExpect(status().isNotFound());
        answer(token, Map.of(q.get(0), 5)).andExpect(status().isNotFound());
        postJson(API + "/" + id(d) + "/invitations", managerToken, Map.of("outletId", chain.outletA().id()))
                .andExpect(status().isConflict());
        d = body(putJson(API + "/" + id(d) + "/active", managerToken, Map.of("active", true, "version",
                d.at("/survey/version").asInt())).andExpect(status().isOk()));
        assertThat(d.at("/survey/active").asBoolean()).isTrue();
        mvc.perform(get("/api/v1/public/surveys/" + token + "?lang=en")).andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("After your visit"))
                .andExpect(jsonPath("$.questions[1].options[2]").value("No"))
                .andExpect(jsonPath("$.questions[2].max").value(10));

        // (5-1)/4 = 100 and 10/10 = 100 -> 100; (2-1)/4 = 25 and 6/10 = 60 -> 42.5
        assertThat(body(answer(token, Map.of(q.get(0), 5, q.get(1), 0, q.get(2), 10, q.get(3), "Ms Li"))
                .andExpect(status().isCreated())).get("satisfaction").asDouble()).isEqualTo(100.0);
        answer(token, Map.of(q.get(0), 2, q.get(2), 6)).andExpect(status().isCreated());
        answer(token, Map.of(q.get(1), 1)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("answers." + q.get(0)));
        JsonNode summary = body(getJson(API + "/" + id(d) + "/summary?outletId=" + chain.outletA().id(), managerToken)
                .andExpect(status().isOk()));
        assertThat(summary.get("responses").asLong()).isEqualTo(2);
        assertThat(summary.get("satisfactionIndex").asDouble()).isEqualTo(71.25);
        assertThat(summary.get("promoters").asLong()).isEqualTo(1);
        assertThat(summary.get("detractors").asLong()).isEqualTo(1);
        assertThat(summary.get("recommendScore").asDouble()).isEqualTo(0.0);
        assertThat(summary.get("askByName").asLong()).isEqualTo(1);
        // no SERVQUAL items: no gaps, the figures are the summary's
        getJson(API + "/" + id(d) + "/servqual", managerToken).andExpect(status().isBadRequest());
        getJson(API + "/" + id(d) + "/trend?period=DAY", managerToken).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].responses").value(2));

        d = design(id(d));
        assertThat(ids(d.get("answeredQuestionIds"))).containsExactlyInAnyOrderElementsOf(q);
        // wording fixes pass, and the respondents see them at once
        d = body(change(d, q.get(1), question("SINGLE", "Will you visit us again?", "您还会再光临吗？",
                "optionsEn", "Yes, surely\nMaybe\nNo", "optionsZh", "一定会\n也许\n不会", "sectionEn", "Next time",
                "sectionZh", "下次", "required", true)).andExpect(status().isOk()));
        mvc.perform(get("/api/v1/public/surveys/" + token + "?lang=en")).andExpect(jsonPath("$.questions[1].text")
                .value("Will you visit us again?")).andExpect(jsonPath("$.questions[1].options[0]").value("Yes, surely"));
        // changes that would make the stored answers mean something else do not
        change(d, q.get(1), question("MULTI", "Will you visit us again?", "您还会再光临吗？", "optionsEn", "Yes\nMaybe\nNo",
                "optionsZh", "会\n也许\n不会")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("copy the survey")));
        change(d, q.get(1), question("SINGLE", "Will you visit us again?", "您还会再光临吗？", "optionsEn", "Yes\nNo",
                "optionsZh", "会\n不会")).andExpect(status().isConflict());
        change(d, q.get(0), question("SCALE_5", "Overall?", "总体？", "required", true)).andExpect(status().isConflict());
        change(d, q.get(2), question("SCALE_5", "Recommend?", "推荐？")).andExpect(status().isConflict());
        deleteJson(API + "/" + id(d) + "/questions/" + q.get(3) + "?version=" + d.at("/survey/version").asInt(), managerToken)
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("copy")));
        d = design(id(d));
        assertThat(d.get("questions")).hasSize(4);
        assertThat(d.get("questions").get(1).get("qtype").asText()).isEqualTo("SINGLE");
        assertThat(d.get("questions").get(1).get("optionsEn").asText()).isEqualTo("Yes, surely\nMaybe\nNo");

        // a question added now has no answers: it can still be changed and deleted; moving is always fine
        d = added(d, question("SCALE_5", "How was the waiting time?", "等候时间如何？"));
        long fresh = last(d).get("id").asLong();
        assertThat(ids(d.get("answeredQuestionIds"))).doesNotContain(fresh);
        d = body(change(d, fresh, question("SCALE_7", "How was the waiting time?", "等候时间如何？")).andExpect(status().isOk()));
        d = body(postJson(API + "/" + id(d) + "/questions/" + q.get(0) + "/move", managerToken,
                Map.of("direction", "down", "version", d.at("/survey/version").asInt())).andExpect(status().isOk()));
        assertThat(d.get("questions").get(1).get("id").asLong()).isEqualTo(q.get(0));
        d = body(deleteJson(API + "/" + id(d) + "/questions/" + fresh + "?version=" + d.at("/survey/version").asInt(),
                managerToken).andExpect(status().isOk()));
        assertThat(d.get("questions")).hasSize(4);
        // the answers already stored still read the same
        assertThat(body(getJson(API + "/" + id(d) + "/summary", managerToken)).get("satisfactionIndex").asDouble())
                .isEqualTo(71.25);

        // switched off again: the link closes
        putJson(API + "/" + id(d) + "/active", managerToken, Map.of("active", false)).andExpect(status().isOk());
        answer(token, Map.of(q.get(0), 5)).andExpect(status().isNotFound());
        mvc.perform(get("/s/" + token)).andExpect(status().isNotFound());
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asLong()));
        return out;
    }
}
