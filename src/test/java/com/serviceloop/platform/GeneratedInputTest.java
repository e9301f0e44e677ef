package com.serviceloop.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.organisation.AppUser;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every documented write operation (POST, PUT, PATCH with a JSON body, read from /v3/api-docs, so
 * a new endpoint is covered without touching this test) gets a plausible body, then, field by field,
 * the classic bad values an attacker tries. Each must be refused with a 4xx (never a 5xx), a 400
 * must name the field, and no row may be written anywhere.
 */
class GeneratedInputTest extends ApiTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Where a bad value goes in the JSON text of a body (2,000 nested arrays are more than a JSON writer will write). */
    private static final String HOLE = "@@bad-value@@";
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    /**
     * Tables that change on their own or per request (sessions, job locks, the mail queue, token use, and the
     * rate limits, which count refused attempts too).
     */
    private static final Set<String> CHANGING = Set.of("spring_session", "spring_session_attributes", "shedlock",
            "outbox", "api_token", "flyway_schema_history", "notification", "survey_rollup_mark", "rate_limit");

    @Autowired JdbcClient jdbc;
    private JsonNode components;
    private final Map<String, String> ids = new LinkedHashMap<>();
    private List<String> tables;

    /** One bad value for a field, and whether a refusal of it may name the body instead of the field. */
    private record Bad(String label, Supplier<String> value, boolean bodyLevel) {
        Bad(String label, Supplier<String> value) {
            this(label, value, false);
        }
    }

    @Test
    void everyDocumentedWriteRefusesEachClassicBadValueWithA4xxNamingTheFieldAndStoresNothing() throws Exception {
        AppUser admin = fixtures.admin();
        String token = token(admin);
        Fixtures.Chain chain = fixtures.chain();
        records(admin, token, chain);
        JsonNode api = body(getJson("/v3/api-docs", token));
        components = api.path("components").path("schemas");
        tables = jdbc.sql("SELECT LOWER(table_name) FROM information_schema.tables WHERE LOWER(table_schema) = LOWER(CURRENT_SCHEMA)"
                + " AND table_type IN ('BASE TABLE', 'TABLE')").query(String.class).list().stream()
                .filter(t -> !CHANGING.contains(t)).sorted().toList();
        assertThat(tables).contains("customer", "support_case");

        List<String> failures = new ArrayList<>();
        int operations = 0;
        int requests = 0;
        for (Map.Entry<String, JsonNode> path : api.path("paths").properties()) {
            for (String method : List.of("post", "put", "patch")) {
                JsonNode op = path.getValue().path(method);
                JsonNode schema = op.path("requestBody").path("content").path("application/json").path("schema");
                if (schema.isMissingNode()) {
                    continue;
                }
                operations++;
                String url = url(path.getKey());
                boolean savesNothing = op.path("x-saves-nothing").asString("").equals("true");
                JsonNode resolved = resolve(schema);
                Map<String, Long> before = counts();
                // the body as a whole: nested too deep, or not an object at all
                requests += send(failures, token, method, url, savesNothing, null, null,
                        List.of(new Bad("deep nesting", this::nesting, true), new Bad("[null]", () -> "[null]", true)));
                List<Field> fields = new ArrayList<>();
                collect(resolved, List.of(), fields);
                for (Field field : fields) {
                    ObjectNode good = (ObjectNode) plausible(schema, "", 0);
                    for (Bad bad : badValues(field.name(), resolve(field.schema()))) {
                        requests += send(failures, token, method, url, savesNothing, field, field.holeIn(good.deepCopy()),
                                List.of(bad));
                    }
                }
                Map<String, Long> after = counts();
                if (!after.equals(before)) {
                    failures.add(method.toUpperCase(Locale.ROOT) + " " + url + " wrote rows: " + changed(before, after));
                }
            }
        }
        assertThat(operations).as("documented write operations").isGreaterThan(30);
        assertThat(requests).isGreaterThan(500);
        assertThat(failures).as("refusals that were not a 4xx naming the field").isEmpty();
    }

    /** A field of a body, top-level or one level down (in an object, or in the first entry of a list of objects). */
    private record Field(String name, List<Object> steps, JsonNode schema) {
        String path() {
            StringBuilder out = new StringBuilder();
            for (Object step : steps) {
                out.append(step instanceof Integer i ? "[" + i + "]" : (out.isEmpty() ? "" : ".") + step);
            }
            return out.toString();
        }

        /** The body with this field's value replaced by the place holder of a bad value. */
        JsonNode holeIn(ObjectNode body) {
            JsonNode at = body;
            for (Object step : steps.subList(0, steps.size() - 1)) {
                at = step instanceof Integer i ? at.path(i) : at.path((String) step);
            }
            if (at instanceof ObjectNode object) {
                object.put(name, HOLE);
            }
            return body;
        }
    }

    private void collect(JsonNode schema, List<Object> prefix, List<Field> fields) {
        for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
            List<Object> steps = new ArrayList<>(prefix);
            steps.add(p.getKey());
            fields.add(new Field(p.getKey(), steps, p.getValue()));
            if (prefix.isEmpty()) {
                JsonNode value = resolve(p.getValue());
                JsonNode items = resolve(value.path("items"));
                if (items.has("properties")) {
                    List<Object> first = new ArrayList<>(steps);
                    first.add(0);
                    collect(items, first, fields);
                } else if (value.has("properties")) {
                    collect(value, steps, fields);
                }
            }
        }
    }

    /** Sends the body once per bad value (the body already holds it for a field) and records what went wrong. */
    private int send(List<String> failures, String token, String method, String url, boolean savesNothing, Field field,
                     JsonNode body,
                     List<Bad> bads) throws Exception {
        for (Bad bad : bads) {
            String content = field == null ? bad.value().get() : body.toString().replace("\"" + HOLE + "\"", bad.value().get());
            MockHttpServletResponse res = mvc.perform(request(HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)), url)
                    .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON).content(content)).andReturn().getResponse();
            String what = method.toUpperCase(Locale.ROOT) + " " + url + " " + (field == null ? "body" : field.path()) + "=" + bad.label();
            int status = res.getStatus();
            // an operation documented to save nothing (advice on a draft) may answer; the row count still holds it to that
            if (status >= 500 || status < 400 && !(savesNothing && status < 300)) {
                failures.add(what + " -> " + status + " " + abbreviate(res.getContentAsString()));
            } else if (status == 400 && !namesField(res.getContentAsString(), field, bad.bodyLevel())) {
                failures.add(what + " -> 400 without naming the field: " + abbreviate(res.getContentAsString()));
            }
        }
        return bads.size();
    }

    private boolean namesField(String response, Field field, boolean bodyLevel) {
        JsonNode problem = json.readTree(response);
        List<String> named = new ArrayList<>();
        problem.path("errors").forEach(e -> named.add(e.path("field").asString("")));
        if (bodyLevel && (named.contains("body") || problem.path("title").asString("").equals("Too large"))) {
            return true;
        }
        if (field == null) {
            return !named.isEmpty() && named.stream().noneMatch(String::isBlank);
        }
        String path = field.path();
        // naming the list or object that holds the field names it too (answers for answers.3, hours for hours[0].opens)
        return named.stream().anyMatch(n -> n.equals(path) || n.equals(field.name()) || n.startsWith(path + "[")
                || n.startsWith(path + ".") || !n.isEmpty() && (path.startsWith(n + ".") || path.startsWith(n + "[")))
                || problem.path("detail").asString("").contains(path);
    }

    private List<Bad> badValues(String name, JsonNode schema) {
        List<Bad> bads = new ArrayList<>();
        bads.add(new Bad("deep nesting", this::nesting, true));
        String type = schema.path("type").asString(schema.has("properties") ? "object" : "");
        switch (type) {
            case "string" -> {
                bads.add(new Bad("NUL", () -> "\"a\\u0000b\""));
                bads.add(new Bad("100 kB", () -> "\"" + "x".repeat(100_000) + "\"", true));
                bads.add(new Bad("an object", () -> "{\"a\": 1}"));
                String format = schema.path("format").asString("");
                if (format.equals("date") || format.equals("date-time")) {
                    String time = format.equals("date") ? "" : "T00:00:00Z";
                    bads.add(new Bad("0001-01-01", () -> "\"0001-01-01" + time + "\""));
                    bads.add(new Bad("9999-12-31", () -> "\"9999-12-31" + time + "\""));
                    bads.add(new Bad("not-a-date", () -> "\"not-a-date\""));
                }
            }
            case "integer", "number" -> {
                if (type.equals("integer")) {
                    bads.add(new Bad("1.5", () -> "1.5"));
                }
                bads.add(new Bad("1e308", () -> "1e308"));
                bads.add(new Bad("99999999999999999999",
                        () -> "99999999999999999999"));
                bads.add(new Bad("a string", () -> "\"abc\""));
                if (name.equals("id") || name.endsWith("Id")) {
                    bads.add(new Bad("-1", () -> "-1"));
                }
            }
            case "boolean" -> bads.add(new Bad("a string", () -> "\"abc\""));
            case "array" -> {
                bads.add(new Bad("[null]", () -> "[null]"));
                bads.add(new Bad("a string", () -> "\"abc\""));
                JsonNode items = resolve(schema.path("items"));
                if (items.path("type").asString("").equals("integer") && (name.equals("ids") || name.endsWith("Ids"))) {
                    bads.add(new Bad("[-1]", () -> "[-1]"));
                    bads.add(new Bad("[99999999999999999999]",
                            () -> "[99999999999999999999]"));
                }
            }
            case "object" -> bads.add(new Bad("a string", () -> "\"abc\""));
            default -> {
            }
        }
        return bads;
    }

    /** 2,000 arrays inside each other. */
    private String nesting() {
        return "[".repeat(2000) + "]".repeat(2000);
    }

    /** A body that would pass as far as the schema can tell: enums, formats, bounds and ids that exist. */
    private JsonNode plausible(JsonNode ref, String name, int depth) {
        JsonNode schema = resolve(ref);
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        String type = schema.path("type").asString(schema.has("properties") ? "object" : "string");
        return switch (type) {
            case "integer" -> NODES.numberNode(name.toLowerCase(Locale.ROOT).endsWith("id")
                    ? Long.parseLong(idFor(name.substring(0, name.length() - 2))) : bounded(schema, 1));
            case "number" -> NODES.numberNode(bounded(schema, 1));
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> {
                ArrayNode list = NODES.arrayNode();
                if (depth < 4) {
                    String item = name.endsWith("Ids") ? name.substring(0, name.length() - 1) : name;
                    list.add(plausible(schema.path("items"), item, depth + 1));
                }
                yield list;
            }
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
                        object.set(p.getKey(), plausible(p.getValue(), p.getKey(), depth + 1));
                    }
                }
                yield object;
            }
            default -> switch (schema.path("format").asString("")) {
                case "date" -> NODES.stringNode(LocalDate.now().toString());
                case "date-time" -> NODES.stringNode(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1).withNano(0).toString());
                case "time", "partial-time", "time-local" -> NODES.stringNode("09:00:00");
                case "email" -> NODES.stringNode("someone@example.com");
                default -> NODES.stringNode(schema.has("example") ? schema.path("example").asString() : text(schema));
            };
        };
    }

    /** A text that fits the field's pattern and length, where one of a few everyday texts does. */
    private static String text(JsonNode schema) {
        int min = schema.path("minLength").asInt(0);
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        Pattern pattern = schema.has("pattern") ? Pattern.compile(schema.path("pattern").asString()) : null;
        for (String candidate : List.of("plain-1", "PLAIN_ONE", "pharmacy", "en", "plain-text-long-enough-1",
                "+86 138 0000 0000", "09:00", "Asia/Shanghai", "")) {
            if (candidate.length() >= min && candidate.length() <= max
                    && (pattern == null || pattern.matcher(candidate).matches())) {
                return candidate;
            }
        }
        return "p".repeat(Math.max(1, Math.min(min, 200)));
    }

    private static long bounded(JsonNode schema, long wanted) {
        long value = Math.max(wanted, schema.path("minimum").asLong(wanted));
        return schema.has("maximum") ? Math.min(value, schema.path("maximum").asLong()) : value;
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode at = schema;
        for (int i = 0; i < 10 && at.has("$ref"); i++) {
            String ref = at.path("$ref").asString();
            at = components.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (at.has("allOf") && at.path("allOf").size() == 1) {
            return resolve(at.path("allOf").get(0));
        }
        return at;
    }

    /** The path with each variable set to a record the administrator can see, so that the body is really validated. */
    private String url(String template) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String before = template.substring(0, m.start());
            String segment = before.substring(before.lastIndexOf('/', before.length() - 2) + 1, before.length() - 1);
            String variable = m.group(1);
            String key = variable.equals("id") ? singular(segment) : variable.replaceAll("Id$", "");
            m.appendReplacement(out, Matcher.quoteReplacement(idFor(key)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String singular(String segment) {
        String s = segment.replace('-', '_');
        return s.equals("people") ? "person" : s.endsWith("s") ? s.substring(0, s.length() - 1) : s;
    }

    /** An existing record for a name such as "customer", "homeOutlet", "step" or "token"; "1" when nothing fits. */
    private String idFor(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> known : ids.entrySet()) {
            if (lower.endsWith(known.getKey().toLowerCase(Locale.ROOT))) {
                return known.getValue();
            }
        }
        return "1";
    }

    /** The records the path variables and id fields point at, newest last so the longest name wins. */
    private void records(AppUser admin, String token, Fixtures.Chain chain) throws Exception {
        String type = "gen" + Fixtures.unique("t").substring(2, 8).toLowerCase(Locale.ROOT).replace("-", "");
        long customer = fixtures.customer(admin, chain.outletA().id(), "Generated Input");
        long supportCase = body(postJson("/api/v1/cases", token, Map.of("outletId", chain.outletA().id(), "channel",
                "COUNTER", "caseType", "COMPLAINT", "severity", "LOW", "description", "Generated input"))).get("id").asLong();
        long blueprint = body(postJson("/api/v1/blueprints", token, Map.of("outletType", type, "name", "Generated")))
                .get("id").asLong();
        long step = body(postJson("/api/v1/blueprints/" + blueprint + "/steps", token, Map.of("name", "Greet",
                "satisfaction", 0.9))).get("id").asLong();
        var standard = new LinkedHashMap<String, Object>(Map.of("outletType", type, "areaCode", "TIMELINESS",
                "behaviour", "Return a customer's call within 4 hours", "kind", "HARD", "measure", "call log",
                "targetValue", 4, "targetUnit", "HOURS", "targetRate", 97, "owner", "Outlet manager"));
        long standardId = body(postJson("/api/v1/standards", token, standard)).path("standard").path("id").asLong(0);
        long survey = jdbc.sql("SELECT id FROM survey WHERE code = 'recommend'").query(Long.class).single();
        String link = body(postJson("/api/v1/surveys/" + survey + "/links", token, Map.of("outletId", chain.outletA().id())))
                .get("token").asString();
        long question = jdbc.sql("SELECT MIN(id) FROM survey_question WHERE survey_id = :s").param("s", survey)
                .query(Long.class).single();
        ids.put("unit", String.valueOf(chain.outletA().id()));
        ids.put("outlet", String.valueOf(chain.outletA().id()));
        ids.put("team", String.valueOf(chain.teamA().id()));
        ids.put("person", String.valueOf(admin.id()));
        ids.put("owner", String.valueOf(admin.id()));
        ids.put("assignee", String.valueOf(admin.id()));
        ids.put("customer", String.valueOf(customer));
        ids.put("case", String.valueOf(supportCase));
        ids.put("blueprint", String.valueOf(blueprint));
        ids.put("step", String.valueOf(step));
        ids.put("standard", String.valueOf(standardId == 0 ? 1 : standardId));
        ids.put("survey", String.valueOf(survey));
        ids.put("job", body(postJson("/api/v1/jobs", token, Map.of("name", "Generated", "outletType", type,
                "standardIds", List.of(standardId)))).get("id").asString());
        ids.put("question", String.valueOf(question));
        String programme = body(postJson("/api/v1/training/programmes", token, Map.of("name", Fixtures.unique("Generated"),
                "standardIds", List.of(standardId)))).get("id").asString();
        ids.put("programme", programme);
        ids.put("session", body(postJson("/api/v1/training/sessions", token, Map.of("programmeId", Long.parseLong(programme),
                "outletId", chain.outletA().id(), "heldOn", LocalDate.now().minusDays(2).toString(), "trainerId", admin.id(),
                "attendeeIds", List.of(admin.id())))).get("id").asString());
        ids.put("token", link);
        ids.put("link", link);
        ids.put("outletType", type);
        ids.put("industry", "pharmacy");
        ids.put("sign_in_rule", body(postJson("/api/v1/sign-in-rules", token, Map.of("pattern", "generated-input-group",
                "role", "STAFF", "unitCode", chain.outletA().code()))).get("id").asString());
    }

    /** Rows per application table, in one statement. */
    private Map<String, Long> counts() {
        String sql = "SELECT " + String.join(", ", tables.stream().map(t -> "(SELECT COUNT(*) FROM " + t + ")").toList());
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql(sql).query(rs -> {
            for (int i = 0; i < tables.size(); i++) {
                counts.put(tables.get(i), rs.getLong(i + 1));
            }
        });
        return counts;
    }

    private static String changed(Map<String, Long> before, Map<String, Long> after) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = after.keySet().iterator(); it.hasNext(); ) {
            String t = it.next();
            if (!Objects.equals(before.get(t), after.get(t))) {
                out.add(t + " " + before.get(t) + " -> " + after.get(t));
            }
        }
        return String.join(", ", out);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
