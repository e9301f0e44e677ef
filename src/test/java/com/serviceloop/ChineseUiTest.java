package com.serviceloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.casework.CaseForm;
import com.serviceloop.casework.CaseService;
import com.serviceloop.casework.CaseType;
import com.serviceloop.casework.Channel;
import com.serviceloop.casework.Severity;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every page the menu leads to, in Chinese, as an administrator, with some data on each: no raw
 * codes (COUNTER, SCALE_5) in what a person reads, and no English words of the interface in the
 * text or in what a screen reader says (aria-label, placeholder, title, alt).
 */
class ChineseUiTest extends PageTest {
    /** Upper-case words that are the product's own vocabulary in Chinese too. */
    static final Set<String> ALLOWED_CAPS = Set.of("SQI", "SLA", "SLAS", "QR", "CSV", "PDF", "API", "SERVQUAL", "NPS", "URL",
            "HTTP", "HTTPS", "JSON", "CRM", "SMS", "KPI", "ISO", "RATER", "PIN", "TOTP", "UTC", "GMT", "CST", "ID", "SVG",
            "WEBHOOK", "EAN", "UPC", "SKU", "GSP", "OTC", "README", "HMAC");
    /**
     * Words of the English interface that must not show through in the Chinese one ("English" only
     * in what a screen reader says: a language picker names English in English).
     */
    static final Pattern ENGLISH_UI = Pattern.compile("\\b(Menu|Search|Status|Severity|Period|Person|Minutes|Weight|Counts|"
            + "Industry|Queues|Group by|Clock|Save|Cancel|Delete|Edit|Sign out|Follow-up|satisfied|not reached|"
            + "pharmacy|restaurant|courier|fashion-retail|Complaint|Praise|Suggestion|Counter|Received|Resolved|Closed|"
            + "Reopened|Loading|Submit|Previous|Next|Show|Back|None|Unknown|MINUTES|HOURS|DAYS|Channel|Standard id|File)\\b");
    private static final Pattern CAPS = Pattern.compile("(?<![\\w-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*(?![\\w-])");
    private static final Pattern SPOKEN = Pattern.compile("\\b(?:aria-label|placeholder|title|alt)=\"([^\"]*)\"");

    @Autowired CaseService cases;
    @Autowired JdbcClient jdbc;

    @Test
    void noPageOfTheMenuShowsRawCodesOrEnglishInChinese() throws Exception {
        AppUser admin = fixtures.admin();
        Fixtures.Chain chain = fixtures.chain();
        long outlet = chain.outletA().id();
        // an outlet type of its own: other test classes apply the library in English to theirs
        String type = Fixtures.unique("yd");
        long customer = fixtures.customer(admin, outlet, "王小明");
        var recorded = cases.record(admin, new CaseForm(outlet, customer, null, null, Channel.COUNTER, CaseType.COMPLAINT,
                Severity.MEDIUM, "药品缺货，顾客等了二十分钟", null, null));
        String caseUrl = "/cases/" + recorded.id();
        submit(admin, caseUrl + "/status", "to", "RESOLVED", "version", "" + recorded.version(), "note", "已补货");
        submit(admin, caseUrl + "/follow-up", "reached", "true", "satisfaction", "4", "cameBack", "true", "comment", "顾客满意",
                "version", "" + cases.get(admin, recorded.id()).version());
        assertThat(cases.get(admin, recorded.id()).status().name()).isEqualTo("CLOSED");
        long staffId = fixtures.person(Role.STAFF, outlet).id();
        // the starter library words the standards in the language of the one who applies it
        mvc.perform(post("/standards/starter").with(user(admin)).with(csrf()).header("Accept-Language", "zh-CN")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("industry", "pharmacy").param("outletType", type));
        long postVisit = surveyId("post-visit");
        long servqual = surveyId("servqual");
        submit(admin, "/surveys/" + postVisit + "/links", "outletId", "" + outlet, "channel", "QR");
        String token = jdbc.sql("SELECT token FROM survey_link WHERE survey_id = :s AND outlet_id = :o")
                .param("s", postVisit).param("o", outlet).query(String.class).list().getFirst();
        long first = jdbc.sql("SELECT id FROM survey_question WHERE survey_id = :s AND position = 1")
                .param("s", postVisit).query(Long.class).single();
        mvc.perform(post("/s/" + token)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("submissionKey", Fixtures.unique("zh-ui")).param("q" + first, "4"));
        long blueprint = jdbc.sql("SELECT MIN(id) FROM blueprint WHERE outlet_type = :t").param("t", type).query(Long.class).single();
        long standard = jdbc.sql("SELECT MIN(id) FROM standard WHERE outlet_type = :t").param("t", type).query(Long.class).single();

        submit(admin, "/jobs", "name", "营业员", "outletType", type, "standardIds", "" + standard);
        long job = jdbc.sql("SELECT MAX(id) FROM team_job WHERE outlet_type = :t").param("t", type).query(Long.class).single();
        submit(admin, "/jobs/" + job + "/people", "personId", "" + staffId);
        // a programme for every outlet, so that outlet A (a pharmacy) may hold a session of it
        String programmeName = Fixtures.unique("投诉处理");
        submit(admin, "/training/programmes", "name", programmeName, "standardIds", "" + standard);
        long programme = jdbc.sql("SELECT id FROM team_programme WHERE name = :n").param("n", programmeName)
                .query(Long.class).single();
        submit(admin, "/training/programmes/" + programme + "/sessions", "outletId", "" + outlet, "heldOn",
                LocalDate.now().minusDays(3).toString(), "trainerId", "" + admin.id(), "attendeeIds", "" + staffId);
        long session = jdbc.sql("SELECT MAX(id) FROM team_training_session WHERE programme_id = :p").param("p", programme)
                .query(Long.class).single();
        List<String> scores = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            scores.add("score" + i);
            scores.add(i % 7 == 0 ? "2" : "4");
        }
        submit(admin, "/training/programmes/" + programme + "/evaluations", scores.toArray(String[]::new));
        submit(admin, "/leadership/rounds", "title", "2026 上半年");
        long round = jdbc.sql("SELECT MAX(id) FROM leadership_round WHERE leader_id = :a").param("a", admin.id())
                .query(Long.class).single();
        submit(admin, "/leadership/rounds/" + round + "/invitations", "people", "王芳");
        String rater = jdbc.sql("SELECT token FROM leadership_invitation WHERE round_id = :r").param("r", round)
                .query(String.class).single();
        List<String> pages = List.of("/jobs", "/jobs?outletType=" + type, "/jobs/" + job, "/jobs/" + job + "/description/edit",
                "/jobs/" + job + "/selection", "/training", "/training/programmes/" + programme,
                "/training/programmes/" + programme + "/evaluate", "/training/sessions/" + session, "/training/gaps",
                "/training/people/" + staffId, "/", "/cases?outletId=" + outlet, "/cases/" + recorded.id(), "/cases/new",
                "/cases/indicators", "/follow-ups", "/inbox", "/customers?q=王小明", "/customers/" + customer,
                "/customers/new", "/customers/import", "/surveys", "/surveys/" + postVisit + "?outletId=" + outlet,
                "/surveys/" + servqual + "?outletId=" + outlet, "/surveys/five-gaps", "/surveys/climate", "/surveys/new", "/surveys/" + postVisit + "/design",
                "/surveys/" + postVisit + "/preview", "/standards?outletType=" + type,
                "/standards/" + standard, "/standards/priorities?outletType=" + type, "/blueprints?outletType=" + type,
                "/blueprints/" + blueprint, "/handbook?outletType=" + type, "/organisation", "/people", "/people/" + admin.id(),
                "/tokens", "/sign-in-rules", "/settings", "/settings/cases", "/audits", "/audits/forms", "/audits/dashboard", "/standards/new?outletType=" + type, "/standards/" + standard + "/edit",
                "/customers/" + customer + "/edit", "/people/new", "/s/" + token, "/surveys/links/" + token + "/poster", "/leadership", "/leadership/rounds/" + round,
                "/s/leadership/" + rater, "/staff/stars", "/staff/stars/outlets/" + outlet, "/staff/reviews");
        List<String> problems = new ArrayList<>();
        for (String url : pages) {
            String html = page(admin, url, "zh-CN").andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            problems.addAll(problems(url, html));
        }
        assertThat(problems).isEmpty();
        // what the history says of the channel and the follow-up call, and the outlets' type, in Chinese
        page(admin, caseUrl, "zh-CN").andExpect(content().string(containsString("回访：满意，4/5")))
                .andExpect(content().string(containsString("柜台")));
        page(admin, "/organisation", "zh-CN").andExpect(content().string(containsString(" · 药店")));
    }

    @Test
    void theCheckFindsCodesAndEnglishButNotScriptsOrAllowedWords() {
        String html = "<p>SCALE_5 · SQI · SLA</p><span>Follow-up: satisfied 4/5</span><input aria-label=\"Search\">"
                + "<select><option value=\"COUNTER\">柜台</option></select><code>LATE_OVER_1_DAY</code>"
                + "<script>var NOT_SHOWN = 1;</script><p title=\"英文\">CHAIN-0a1b2c3d</p>";
        assertThat(problems("/x", html)).hasSize(4).anyMatch(p -> p.contains("raw code SCALE_5"))
                .anyMatch(p -> p.contains("English \"Follow-up\"")).anyMatch(p -> p.contains("English \"satisfied\""))
                .anyMatch(p -> p.contains("English attribute aria-label=\"Search\""));
    }

    private long surveyId(String code) {
        return jdbc.sql("SELECT id FROM survey WHERE code = :c").param("c", code).query(Long.class).single();
    }

    /** What on a page is not Chinese that should be, one line per finding. */
    static List<String> problems(String url, String html) {
        Set<String> found = new LinkedHashSet<>();
        String text = visibleText(html);
        Matcher caps = CAPS.matcher(text);
        while (caps.find()) {
            String word = caps.group();
            if (word.replaceAll("[^A-Z]", "").length() >= 3 && !ALLOWED_CAPS.contains(word)) {
                found.add(url + ": raw code " + word + " in «" + around(text, caps.start()) + "»");
            }
        }
        Matcher english = ENGLISH_UI.matcher(text);
        while (english.find()) {
            found.add(url + ": English \"" + english.group() + "\" in «" + around(text, english.start()) + "»");
        }
        Matcher spoken = SPOKEN.matcher(withoutScripts(html));
        while (spoken.find()) {
            Matcher inAttribute = ENGLISH_UI.matcher(spoken.group(1));
            if (inAttribute.find() || spoken.group(1).matches("[A-Z][a-z]+( [a-z]+)*|English")) {
                found.add(url + ": English attribute " + spoken.group());
            }
        }
        return new ArrayList<>(found);
    }

    private static String withoutScripts(String html) {
        return html.replaceAll("(?is)<script\\b.*?</script>", " ").replaceAll("(?is)<style\\b.*?</style>", " ")
                .replaceAll("(?s)<!--.*?-->", " ");
    }

    /**
     * The text a person reads: no scripts, styles or attribute values; identifiers a page shows as
     * such (in a code element: a failure type's code beside its names, a token's prefix) and test
     * data of other classes (codes such as OUTLET-1a2b3c4d, people called "STAFF person") left out.
     */
    static String visibleText(String html) {
        return withoutScripts(html).replaceAll("(?is)<code\\b.*?</code>", " ").replaceAll("<[^>]*>", " ")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
                .replaceAll("\\b[A-Z]+-[0-9a-f]{8}\\b", " ")
                .replaceAll("\\b(ADMIN|MANAGER|STAFF|AUDITOR) person\\b", " ")
                .replaceAll("\\s+", " ");
    }

    private static String around(String text, int at) {
        return text.substring(Math.max(0, at - 30), Math.min(text.length(), at + 40)).strip();
    }
}
