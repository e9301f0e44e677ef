package com.serviceloop.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.PageTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Scripts run only from this site's files: the header allows nothing inline, and no template relies
 * on inline script, so the policy breaks nothing a person uses.
 */
class ContentSecurityPolicyTest extends PageTest {
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern TAG = Pattern.compile("<([a-zA-Z][\\w:-]*)");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\G\\s*([^\\s=/>\"']+)(?:\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+))?");

    @Test
    void pagesAllowScriptsFromThisSiteOnly() throws Exception {
        for (String url : List.of("/", "/settings/cases", "/handbook", "/login")) {
            String header = page(fixtures.admin(), url, "en").andExpect(status().isOk())
                    .andReturn().getResponse().getHeader("Content-Security-Policy");
            Map<String, String> policy = directives(header);
            assertThat(policy.get("script-src")).as(url).isEqualTo("'self'");
            assertThat(policy.get("default-src")).isEqualTo("'self'");
            assertThat(policy.get("object-src")).isEqualTo("'none'");
            assertThat(policy.get("base-uri")).isEqualTo("'self'");
            assertThat(policy.get("form-action")).isEqualTo("'self'");
            assertThat(policy.get("frame-ancestors")).isEqualTo("'none'");
            assertThat(header).doesNotContain("unsafe-eval");
        }
        // static files carry the same policy
        assertThat(directives(mvc.perform(get("/js/app.js")).andReturn().getResponse().getHeader("Content-Security-Policy"))
                .get("script-src")).isEqualTo("'self'");
    }

    @Test
    void noTemplateHoldsAnInlineScriptOrEventHandler() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                inlineScripts(Files.readString(file)).forEach(s -> found.add(TEMPLATES.relativize(file) + ": " + s));
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theScanFindsEveryKindOfInlineScript() {
        String html = """
                <p th:with="zh=${a}, one=${b}" title="onclick=x">fine</p>
                <script type="application/json" id="d" th:utext="${json}">{}</script>
                <script th:src="@{/js/app.js}" defer></script>
                <script>alert(1)</script>
                <script th:inline="javascript">var a = [[${a}]];</script>
                <select onchange="this.form.submit()"><option>a</option></select>
                <input type="range" th:oninput="|go(${x})|" data-x="a > b">
                <button hx-on:click="alert(1)">x</button>
                <button hx-on="click: alert(1)">x</button>
                <a href="javascript:window.print()">print</a>
                <a th:href="'javascript:' + ${x}">print</a>
                """;
        assertThat(inlineScripts(html)).containsExactly("<script> with inline code", "<script> with inline code",
                "<select onchange>", "<input th:oninput>", "<button hx-on:click>", "<button hx-on>",
                "<a href=javascript:>", "<a th:href=javascript:>");
    }

    @Test
    void behaviourIsDeclaredWithDataAttributesWiredInAppJs() throws Exception {
        String settings = page(fixtures.admin(), "/settings/cases", "en").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(settings).contains("data-autosubmit").doesNotContain("onchange")
                .contains("<meta name=\"htmx-config\" content='{\"allowEval\": false, \"includeIndicatorStyles\": false}'>");
        String appJs = mvc.perform(get("/js/app.js")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(appJs).contains("[data-autosubmit]", "[data-print]", "[data-split-out]");
        String css = mvc.perform(get("/css/app.css")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(css).contains(".htmx-request .htmx-indicator");
    }

    private static Map<String, String> directives(String header) {
        assertThat(header).isNotNull();
        Map<String, String> directives = new LinkedHashMap<>();
        for (String directive : header.split(";")) {
            String[] parts = directive.strip().split("\\s+", 2);
            directives.put(parts[0], parts.length > 1 ? parts[1] : "");
        }
        return directives;
    }

    /** What in the markup would need script-src 'unsafe-inline': inline script elements, on* and hx-on attributes, javascript: links. */
    static List<String> inlineScripts(String html) {
        List<String> found = new ArrayList<>();
        Matcher tag = TAG.matcher(html);
        int from = 0;
        while (from < html.length() && tag.find(from)) {
            String name = tag.group(1).toLowerCase(Locale.ROOT);
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher attribute = ATTRIBUTE.matcher(html).region(tag.end(), html.length());
            int end = tag.end();
            while (attribute.find()) {
                String value = attribute.group(2) == null ? "" : attribute.group(2).replaceAll("^[\"']|[\"']$", "");
                attributes.put(attribute.group(1).toLowerCase(Locale.ROOT), value);
                end = attribute.end();
                attribute.region(end, html.length());
            }
            from = end;
            attributes.forEach((key, value) -> {
                String bare = key.replaceFirst("^(th:|data-th-)", "");
                if (bare.matches("on[a-z]+") || bare.startsWith("hx-on")) {
                    found.add("<" + name + " " + key + ">");
                } else if (value.replaceAll("[\\s'\"]", "").toLowerCase(Locale.ROOT).startsWith("javascript:")) {
                    found.add("<" + name + " " + key + "=javascript:>");
                }
            });
            if (name.equals("script")) {
                boolean data = Arrays.asList("application/json", "application/ld+json").contains(attributes.get("type"));
                if (!data && !attributes.containsKey("src") && !attributes.containsKey("th:src")) {
                    found.add("<script> with inline code");
                }
            }
        }
        return found;
    }
}
