package com.serviceloop.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.customer.CustomerForm;
import com.serviceloop.organisation.Roles.Holder;
import com.serviceloop.organisation.Roles.Rule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Every operation of the API description, called as every kind of caller on a record inside and one
 * outside the caller's scope, answers what the role rule on its handler says: a role the rule does
 * not let through gets 403 (no one signed in: 401), a caller it lets through gets 404 for a record
 * outside their scope and neither 401, 403, 404 nor a 5xx inside it. An /api/v1 operation without a
 * rule fails the test unless it is one of the few that are public on purpose.
 */
class GeneratedAccessTest extends ApiTest {
    /** Answer without sign-in on purpose: the public survey (its link token is the key) and the first run. */
    private static final Set<String> PUBLIC = Set.of("GET /api/v1/public/surveys/{token}",
            "POST /api/v1/public/surveys/{token}/responses", "GET /api/v1/public/leadership/{token}",
            "POST /api/v1/public/leadership/{token}", "POST /api/v1/setup");
    /** Paths naming a record of one outlet; the rest (standards, surveys ...) belong to the whole chain. */
    private static final Pattern SCOPED = Pattern.compile("/(customers|cases|outlets|units|links)/\\{");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};


    // the hot path (the public survey) has a handler mapping of its own
    @Autowired List<RequestMappingHandlerMapping> mappings;

    private record Caller(String name, Holder holder, String token) {
    }

    /** One side of the test data: a chain with its records; the callers belong to the first. */
    private record Side(Fixtures.Chain chain, long customer, long caseId, long attachment, String link) {
    }

    private final Map<String, Object> bodies = new HashMap<>();
    private String admin;
    private Side inside;
    private Side outside;
    private final Map<String, String> shared = new HashMap<>();
    private String shopper;

    @Test
    void everyOperationAnswersAsItsRuleSays() throws Exception {
        AppUser adminUser = fixtures.admin();
        admin = token(adminUser);
        inside = side();
        outside = side();
        sharedRecords(adminUser);
        Fixtures.Chain c = inside.chain();
        // a leadership round is seen by its leader and the managers above: led by the staff caller, all see it
        AppUser staff = fixtures.person(Role.STAFF, c.teamA().id());
        leadership(token(staff));
        review(staff);
        bodies(c);
        List<Caller> callers = List.of(new Caller("administrator", Holder.ADMINISTRATOR, admin),
                new Caller("chain manager", Holder.CHAIN_MANAGER, token(fixtures.person(Role.MANAGER, c.chain().id()))),
                new Caller("region manager", Holder.LOCAL_MANAGER, token(fixtures.person(Role.MANAGER, c.region().id()))),
                new Caller("outlet manager", Holder.LOCAL_MANAGER, token(fixtures.person(Role.MANAGER, c.outletA().id()))),
                new Caller("staff", Holder.STAFF, token(staff)),
                new Caller("auditor", Holder.AUDITOR, token(fixtures.person(Role.AUDITOR, c.region().id()))),
                new Caller("shopper", Holder.SHOPPER, shopper),
                new Caller("anonymous", null, null));

        List<String> wrong = new ArrayList<>();
        int outOfScopeCalls = 0;
        List<String[]> operations = operations();
        assertThat(operations).hasSizeGreaterThan(80);
        for (String[] op : operations) {
            String method = op[0];
            String path = op[1];
            String key = method + " " + path;
            Optional<Rule> rule = rule(method, path);
            if (rule.isEmpty() && !PUBLIC.contains(key)) {
                wrong.add(key + ": no role rule on its handler (add one of Roles' annotations)");
                continue;
            }
            boolean scoped = rule.isPresent() && SCOPED.matcher(path).find();
            for (Caller caller : callers) {
                // an administrator's scope is everything: no record lies outside it
                boolean outsideExists = scoped && caller.holder() != Holder.ADMINISTRATOR;
                for (boolean in : outsideExists ? List.of(true, false) : List.of(true)) {
                    String url = fill(method, path, in);
                    int got = call(key, op[2] != null, url, caller.token());
                    outOfScopeCalls += in ? 0 : 1;
                    String expected = expected(rule, caller, in, got);
                    if (expected != null) {
                        wrong.add("%s as %s (%s): %d, expected %s".formatted(key, caller.name(),
                                in ? "in scope" : "out of scope", got, expected));
                    }
                }
            }
        }
        assertThat(wrong).as("operations whose answer differs from their rule").isEmpty();
        assertThat(outOfScopeCalls).as("calls on records of another chain").isGreaterThan(100);
    }

    /** Pages are not in the API description; their form posts, which change things, must name a rule too. */
    @Test
    void everyPageFormPostNamesItsRule() {
        Set<String> open = Set.of("POST /setup", "POST /s/{token}", "POST /s/leadership/{token}");
        List<String> without = new ArrayList<>();
        int posts = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.stream()
                .flatMap(m -> m.getHandlerMethods().entrySet().stream()).toList()) {
            for (String pattern : e.getKey().getPatternValues()) {
                boolean writes = e.getKey().getMethodsCondition().getMethods().stream().anyMatch(m -> !m.name().equals("GET"));
                String key = "POST " + pattern;
                posts += writes && !pattern.startsWith("/api/") ? 1 : 0;
                if (writes && !pattern.startsWith("/api/") && Rule.of(e.getValue().getMethod()).isEmpty()
                        && !open.contains(key)) {
                    without.add(key);
                }
            }
        }
        assertThat(posts).as("page form posts found").isGreaterThan(40);
        assertThat(without).as("page form posts without a role rule").isEmpty();
    }

    /**
     * Bodies that pass validation, for the writes on one outlet's records: an empty body would be
     * refused with 400 before the record is looked up, and the scope would go untested. A stale
     * version makes the call a 409 in scope, so that nothing changes.
     */
    private void bodies(Fixtures.Chain c) {
        long outlet = c.outletA().id();
        bodies.put("POST /api/v1/cases/{id}/status", Map.of("to", "ACKNOWLEDGED", "version", 999));
        bodies.put("POST /api/v1/cases/{id}/handover", Map.of("reason", "Needs the pharmacist",
                "teamId", c.teamA().id(), "version", 999));
        bodies.put("POST /api/v1/cases/{id}/follow-up", Map.of("reached", false, "version", 999));
        bodies.put("POST /api/v1/cases/{id}/waive-follow-up", Map.of("reason", "Customer asked", "version", 999));
        // a PUT names every field (WholeRecordUpdates), so the ones not set travel as null
        bodies.put("PUT /api/v1/cases/{id}/recovery", withNulls(Map.of("remedy", "Apology", "version", 999),
                "remedyCost", "standardIds", "problem"));
        bodies.put("PUT /api/v1/customers/{id}", whole(CustomerForm.class, Map.of("memberNo", "M-1", "name", "Changed",
                "homeOutletId", outlet, "version", 999)));
        bodies.put("POST /api/v1/customers/{id}/visits", Map.of("outletId", outlet, "visitedAt", "2026-01-05T10:00:00",
                "amount", 12, "items", 1));
        bodies.put("PUT /api/v1/outlets/{id}/calendar", withNulls(Map.of("hours", List.of(), "holidays", List.of()), "timeZone"));
        bodies.put("PUT /api/v1/surveys/links/{token}/active", Map.of("active", true));
        bodies.put("PUT /api/v1/sqi/standard-links/{standardId}", Map.of("failureCode", "UNANSWERED_QUERY"));
        bodies.put("PUT /api/v1/outlets/{outletId}/service-profile", withNulls(Map.of("targetAgeBands", List.of(),
                "targetIncomeBands", List.of(), "targetEducations", List.of(), "targetSocialClasses", List.of(),
                "characteristics", List.of(), "silhouette", List.of(), "needs", List.of(), "version", 999),
                "statement", "tradeArea"));
    }

    /** Null when the answer fits the rule, else what was expected. */
    private static String expected(Optional<Rule> rule, Caller caller, boolean inScope, int got) {
        if (rule.isEmpty()) {
            return got == 401 || got == 403 || got >= 500 ? "a public answer" : null;
        }
        if (caller.holder() == null) {
            return got == 401 ? null : "401";
        }
        if (!rule.get().lets(caller.holder())) {
            return got == 403 ? null : "403 (" + rule.get() + ")";
        }
        if (!inScope) {
            return got == 404 ? null : "404 (record of another chain)";
        }
        return got == 401 || got == 403 || got == 404 || got >= 500 ? "an answer to the request itself" : null;
    }

    /** The operations of the API description, deletes last so that what they remove is not needed after. */
    private List<String[]> operations() throws Exception {
        JsonNode paths = body(getJson("/v3/api-docs", admin).andExpect(status().isOk())).get("paths");
        List<String[]> ops = new ArrayList<>();
        for (Map.Entry<String, JsonNode> p : paths.properties()) {
            for (Map.Entry<String, JsonNode> m : p.getValue().properties()) {
                if (Set.of("get", "post", "put", "patch", "delete").contains(m.getKey())) {
                    boolean multipartBody = m.getValue().at("/requestBody/content").has("multipart/form-data");
                    ops.add(new String[] {m.getKey().toUpperCase(), p.getKey(), multipartBody ? "multipart" : null});
                }
            }
        }
        ops.sort(Comparator.comparing((String[] o) -> o[0].equals("DELETE")).thenComparing(o -> o[1]));
        return ops;
    }

    /** The rule on the handler(s) the operation maps to; every handler of one operation must agree. */
    private Optional<Rule> rule(String method, String path) {
        Set<Optional<Rule>> found = new HashSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.stream()
                .flatMap(m -> m.getHandlerMethods().entrySet().stream()).toList()) {
            RequestMappingInfo info = e.getKey();
            if (info.getPatternValues().contains(path) && info.getMethodsCondition().getMethods().stream()
                    .anyMatch(m -> m.name().equals(method))) {
                found.add(Rule.of(e.getValue().getMethod()));
            }
        }
        assertThat(found).as("handlers of " + method + " " + path).hasSize(1);
        return found.iterator().next();
    }

    private int call(String key, boolean multipartBody, String url, String token) throws Exception {
        String method = key.substring(0, key.indexOf(' '));
        AbstractMockHttpServletRequestBuilder<?> r;
        if (multipartBody) {
            r = multipart(HttpMethod.valueOf(method), url).file(new MockMultipartFile("file", "box.png", "image/png", PNG));
        } else if (method.equals("GET") || method.equals("DELETE")) {
            r = request(HttpMethod.valueOf(method), url);
        } else {
            r = request(HttpMethod.valueOf(method), url).contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(bodies.getOrDefault(key, Map.of())));
        }
        r.accept(MediaType.ALL);
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return mvc.perform(r).andReturn().getResponse().getStatus();
    }

    /** The path with its variables filled in, from the caller's chain or from the other one. */
    private String fill(String method, String path, boolean in) throws Exception {
        Side side = in ? inside : outside;
        boolean fresh = method.equals("DELETE");
        Matcher m = VARIABLE.matcher(path);
        StringBuilder url = new StringBuilder();
        int done = 0;
        while (m.find()) {
            url.append(path, done, m.start());
            // a delete removes what its last variable names; what comes before it is only the way there
            url.append(value(url.toString(), m.group(1), side, fresh && path.indexOf('{', m.end()) < 0));
            done = m.end();
        }
        return url.append(path.substring(done)).toString();
    }

    private String value(String before, String name, Side side, boolean fresh) throws Exception {
        Fixtures.Chain c = side.chain();
        if (name.equals("attachmentId")) {
            return String.valueOf(side.attachment());
        }
        if (before.endsWith("/customers/")) {
            return String.valueOf(side.customer());
        }
        if (before.endsWith("/cases/")) {
            return String.valueOf(side.caseId());
        }
        if (before.endsWith("/outlets/")) {
            return String.valueOf(c.outletA().id());
        }
        if (before.endsWith("/units/")) {
            return String.valueOf(fresh ? fixtures.unit(c.chain().id(), UnitKind.REGION, "Spare").id() : c.outletA().id());
        }
        if (before.endsWith("/links/") || before.endsWith("/public/surveys/")) {
            return side.link();
        }
        if (before.endsWith("/public/leadership/")) {
            return shared.get("leadershipLink");
        }
        if (fresh) {
            return freshShared(before, name);
        }
        return switch (name) {
            case "outletType", "industry" -> "pharmacy";
            case "standardId" -> shared.get("standards");
            case "questionId", "stepId", "itemId", "photoId", "versionNo", "personId", "actionId", "goalId" -> shared.get(name);
            default -> Optional.ofNullable(shared.get(before.replaceAll(".*/api/v1/", "").replace("/", "")))
                    .orElseThrow(() -> new AssertionError("no value for {" + name + "} in " + before));
        };
    }

    /** A mapping rule no sign-in of another test can meet. */
    private Map<String, Object> signInRule() {
        return Map.of("pattern", Fixtures.unique("access-group"), "role", "STAFF", "unitCode", inside.chain().outletA().code());
    }

    /** What a delete removes is made for that one call. */
    private String freshShared(String before, String name) throws Exception {
        return switch (before.replaceAll(".*/api/v1/", "").replace("/", "") + ":" + name) {
            case "tokens:id" -> String.valueOf(tokens.issue("spare", fixtures.admin().id()).token().id());
            case "sign-in-rules:id" -> id(postJson("/api/v1/sign-in-rules", admin, signInRule()));
            case "webhooks:id" -> id(postJson("/api/v1/webhooks", admin, Map.of("url", "http://127.0.0.1:9/x")));
            case "standards:id" -> id(postJson("/api/v1/standards", admin, standard()));
            case "sqistandard-links:standardId" -> {
                String standard = id(postJson("/api/v1/standards", admin, standard()));
                putJson("/api/v1/sqi/standard-links/" + standard, admin, Map.of("failureCode", "UNANSWERED_QUERY"));
                yield standard;
            }
            case "blueprints:id" -> id(postJson("/api/v1/blueprints", admin, Map.of("outletType", "pharmacy", "name", "B")));
            case "contact-rules:id" -> id(postJson("/api/v1/contact-rules", admin, contactRule(inside.chain().outletA().id())));
            case "contact-ruleschain-wide:id" -> id(postJson("/api/v1/contact-rules/chain-wide", admin, contactRule(null)));
            case "trainingprogrammes:id" -> id(postJson("/api/v1/training/programmes", admin,
                    Map.of("name", Fixtures.unique("Spare"), "standardIds", List.of())));
            default -> {
                if (name.equals("stepId")) {
                    yield id(postJson(before.replace("/steps/", "/steps"), admin, Map.of("name", "S")));
                }
                if (name.equals("questionId")) {
                    yield question();
                }
                throw new AssertionError("nothing to delete for {" + name + "} in " + before);
            }
        };
    }

    private Side side() throws Exception {
        Fixtures.Chain c = fixtures.chain();
        long customer = fixtures.customer(fixtures.admin(), c.outletA().id(), "Customer");
        long caseId = Long.parseLong(id(postJson("/api/v1/cases", admin, Map.of("outletId", c.outletA().id(), "channel", "COUNTER",
                "caseType", "COMPLAINT", "severity", "LOW", "description", "Waited at the counter"))));
        long attachment = body(mvc.perform(multipart("/api/v1/cases/" + caseId + "/attachments")
                .file(new MockMultipartFile("file", "box.png", "image/png", PNG))
                .header("Authorization", "Bearer " + admin)).andExpect(status().isCreated())).get("id").asLong();
        long builtIn = body(getJson("/api/v1/surveys", admin)).get(0).get("id").asLong();
        String link = body(postJson("/api/v1/surveys/" + builtIn + "/links", admin,
                Map.of("outletId", c.outletA().id(), "channel", "QR")).andExpect(status().isCreated())).get("token").asText();
        return new Side(c, customer, caseId, attachment, link);
    }

    /** Standards, blueprints, surveys and the like belong to the whole chain: one of each serves both sides. */
    private void sharedRecords(AppUser adminUser) throws Exception {
        shared.put("standards", id(postJson("/api/v1/standards", admin, standard())));
        String blueprint = id(postJson("/api/v1/blueprints", admin, Map.of("outletType", "pharmacy", "name", "B")));
        shared.put("blueprints", blueprint);
        shared.put("stepId", id(postJson("/api/v1/blueprints/" + blueprint + "/steps", admin, Map.of("name", "S"))));
        String survey = id(postJson("/api/v1/surveys", admin, Map.of("titleEn", "Advice", "titleZh", "建议",
                "introEn", "Two questions.", "introZh", "两个问题。")));
        shared.put("surveys", survey);
        shared.put("questionId", question());
        shared.put("webhooks", id(postJson("/api/v1/webhooks", admin, Map.of("url", "http://127.0.0.1:9/y"))));
        shared.put("people", String.valueOf(adminUser.id()));
        shared.put("jobs", id(postJson("/api/v1/jobs", admin, Map.of("name", Fixtures.unique("Cashier"),
                "standardIds", List.of(Long.parseLong(shared.get("standards")))))));
        shared.put("tokens", String.valueOf(tokens.issue("spare", adminUser.id()).token().id()));
        shared.put("sign-in-rules", id(postJson("/api/v1/sign-in-rules", admin, signInRule())));
        training(adminUser);
        // a recognition note to the staff member of the inside outlet A; a team of that outlet for its scoreboard
        shared.put("recognitionnotes", id(postJson("/api/v1/recognition/notes", admin, Map.of("personId",
                Long.parseLong(shared.get("personId")), "text", "Found a customer the medicine she needed"))));
        shared.put("scoreboardsteams", String.valueOf(inside.chain().teamA().id()));
        shared.put("contact-rules", id(postJson("/api/v1/contact-rules", admin, contactRule(inside.chain().outletA().id()))));
        shared.put("contact-ruleschain-wide", id(postJson("/api/v1/contact-rules/chain-wide", admin, contactRule(null))));
        audit(adminUser);
        mystery();
    }

    /** A mystery-shopping programme at the inside outlet A, and a visit there of the shopper caller, with its receipt. */
    private void mystery() throws Exception {
        AppUser person = fixtures.person(Role.SHOPPER, inside.chain().chain().id());
        shopper = token(person);
        putJson("/api/v1/mystery/shoppers/" + person.id(), admin, Map.of("nickname", Fixtures.unique("Blue")))
                .andExpect(status().isOk());
        long outlet = inside.chain().outletA().id();
        String programme = id(postJson("/api/v1/mystery/programmes", admin, Map.of("name", "Counter advice",
                "objectives", "Advice at the counter", "formId", Long.valueOf(shared.get("audit-forms")),
                "windowFrom", LocalDate.now().minusDays(10).toString(), "windowTo", LocalDate.now().plusDays(30).toString(),
                "quotaPerMonth", 2, "outletIds", List.of(outlet))));
        String visit = id(postJson("/api/v1/mystery/visits", admin, Map.of("programmeId", Long.valueOf(programme),
                "outletId", outlet, "shopperId", person.id(), "plannedOn", LocalDate.now().toString())));
        mvc.perform(multipart("/api/v1/mystery/my-visits/" + visit + "/receipt")
                .file(new MockMultipartFile("file", "receipt.png", "image/png", PNG))
                .header("Authorization", "Bearer " + shopper)).andExpect(status().isOk());
        shared.put("mysteryprogrammes", programme);
        shared.put("mysteryshoppers", String.valueOf(person.id()));
        shared.put("mysteryvisits", visit);
        shared.put("mysterymy-visits", visit);
    }

    /** A programme, a session of it at the inside outlet A with one of A's staff attending. */
    private void training(AppUser adminUser) throws Exception {
        String programme = id(postJson("/api/v1/training/programmes", admin, Map.of("name", Fixtures.unique("Listening"),
                "standardIds", List.of(Long.parseLong(shared.get("standards"))))));
        long attendee = fixtures.person(Role.STAFF, inside.chain().outletA().id()).id();
        shared.put("trainingprogrammes", programme);
        shared.put("personId", String.valueOf(attendee));
        shared.put("trainingsessions", id(postJson("/api/v1/training/sessions", admin, Map.of("programmeId",
                Long.parseLong(programme), "outletId", inside.chain().outletA().id(), "heldOn", LocalDate.now().minusDays(2)
                .toString(), "trainerId", adminUser.id(), "attendeeIds", List.of(attendee)))));
    }

    /** A performance review of the staff caller (read by them, the managers above and administrators) and a star level. */
    private void review(AppUser person) throws Exception {
        shared.put("reviews", id(postJson("/api/v1/reviews", admin, Map.of("personId", person.id(),
                "periodFrom", LocalDate.now().minusDays(30).toString(), "periodTo", LocalDate.now().toString()))));
        shared.put("goalId", "999999999");
        shared.put("starsrules", "1");
    }

    /** A leadership round led by the caller whose token is given, with an action in its plan and an open invitation. */
    private void leadership(String leader) throws Exception {
        String round = id(postJson("/api/v1/leadership/rounds", leader, Map.of("title", "Spring")));
        shared.put("leadershiprounds", round);
        shared.put("actionId", id(postJson("/api/v1/leadership/rounds/" + round + "/plan", leader, Map.of(
                "principle", "REWARD", "action", "Praise two people a week", "dueOn", LocalDate.now().plusDays(30).toString()))));
        String link = body(postJson("/api/v1/leadership/rounds/" + round + "/invitations", leader,
                Map.of("invitees", List.of(Map.of("name", "Colleague")))).andExpect(status().isCreated())).get(0)
                .get("link").asText();
        shared.put("leadershipLink", link.substring(link.lastIndexOf('/') + 1));
    }

    /** A published audit form with a photo item, and an audit of the inside outlet A with one photo. */
    private void audit(AppUser adminUser) throws Exception {
        String form = body(postJson("/api/v1/audit-forms", admin, Map.of("outletType", "pharmacy", "name", "Walk"))
                .andExpect(status().isCreated())).get("formId").asText();
        Map<String, Object> met = new LinkedHashMap<>(Map.of("answerType", "MET", "weight", 1, "critical", false,
                "naAllowed", false, "required", true));
        met.put("standardId", Long.valueOf(shared.get("standards")));
        met.put("text", null);
        Map<String, Object> photo = new LinkedHashMap<>(met);
        photo.putAll(Map.of("answerType", "PHOTO", "text", "Shop front"));
        photo.put("standardId", null);
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("name", "Walk");
        draft.put("sections", List.of(Map.of("areaCode", "TIMELINESS", "weight", 1, "items", List.of(met)),
                Map.of("areaCode", "APPEARANCE", "weight", 1, "items", List.of(photo))));
        putJson("/api/v1/audit-forms/" + form + "/draft", admin, draft).andExpect(status().isOk());
        JsonNode published = body(postJson("/api/v1/audit-forms/" + form + "/publish", admin, "").andExpect(status().isOk()));
        String audit = id(postJson("/api/v1/audits", admin, Map.of("outletId", inside.chain().outletA().id(),
                "formId", Long.valueOf(form))));
        String item = published.at("/sections/1/items/0/id").asText();
        long photoId = body(mvc.perform(multipart("/api/v1/audits/" + audit + "/items/" + item + "/photos")
                .file(new MockMultipartFile("file", "box.png", "image/png", PNG))
                .header("Authorization", "Bearer " + admin)).andExpect(status().isCreated())).get("id").asLong();
        String first = published.at("/sections/0/items/0/id").asText();
        postJson("/api/v1/audits/" + audit + "/answers", admin, Map.of("itemId", Long.valueOf(first), "key", "access-0001",
                "choice", "NOT_MET")).andExpect(status().isOk());
        shared.put("audit-actions", id(postJson("/api/v1/audits/" + audit + "/actions", admin, Map.of("itemId",
                Long.valueOf(first), "ownerId", adminUser.id(), "dueOn", LocalDate.now().plusDays(7).toString(),
                "description", "Brief the team"))));
        shared.put("audit-schedules", id(postJson("/api/v1/audit-schedules", admin, Map.of("outletId",
                inside.chain().outletA().id(), "formId", Long.valueOf(form), "everyMonths", 1, "firstDue",
                LocalDate.now().plusDays(3).toString()))));
        shared.put("audit-forms", form);
        shared.put("versionNo", published.get("versionNo").asText());
        shared.put("audits", audit);
        shared.put("itemId", item);
        shared.put("photoId", String.valueOf(photoId));
    }

    private static Map<String, Object> contactRule(Long outletId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outletId", outletId);
        m.put("name", "Thank the truly loyal");
        m.put("kind", "THANK");
        m.put("rosterGroup", "TRULY_LOYAL");
        m.put("periodDays", 90);
        m.put("leadDays", 0);
        m.put("active", true);
        return m;
    }

    private static Map<String, Object> withNulls(Map<String, Object> given, String... cleared) {
        Map<String, Object> body = new LinkedHashMap<>(given);
        for (String field : cleared) {
            body.put(field, null);
        }
        return body;
    }

    private String question() throws Exception {
        String survey = shared.get("surveys");
        int version = body(getJson("/api/v1/surveys/" + survey + "/design", admin)).at("/survey/version").asInt();
        JsonNode design = body(postJson("/api/v1/surveys/" + survey + "/questions", admin, Map.of("qtype", "SCALE_5",
                "textEn", "How clear was the advice?", "textZh", "建议清楚吗？", "version", version))
                .andExpect(status().isCreated()));
        JsonNode questions = design.get("questions");
        return questions.get(questions.size() - 1).get("id").asText();
    }

    private static Map<String, Object> standard() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outletType", "pharmacy");
        m.put("areaCode", "TIMELINESS");
        m.put("behaviour", "Call the customer back within 4 hours");
        m.put("kind", "HARD");
        m.put("measure", "call log");
        m.put("targetValue", 4);
        m.put("targetUnit", "HOURS");
        m.put("targetRate", 97);
        m.put("owner", "Outlet manager");
        return m;
    }

    private String id(ResultActions created) throws Exception {
        JsonNode b = body(created.andExpect(status().is2xxSuccessful()));
        JsonNode id = b.has("id") ? b.get("id") : b.has("standard") ? b.get("standard").get("id") : b.at("/survey/id");
        assertThat(id.isMissingNode()).as("an id in " + b).isFalse();
        return id.asText();
    }
}
