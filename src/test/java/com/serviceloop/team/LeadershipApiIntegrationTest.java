package com.serviceloop.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.TestClock;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import com.serviceloop.organisation.UnitKind;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

class LeadershipApiIntegrationTest extends ApiTest {
    private static final String ROUNDS = "/api/v1/leadership/rounds";
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;
    private Fixtures.Chain chain;
    private AppUser manager;
    private String leader;
    /** Each test answers from addresses of its own, so that the per-address limit of other tests never refuses it. */
    private String address;

    @BeforeEach
    void setUp() {
        fixtures.admin(); // the installation is set up
        chain = fixtures.chain();
        manager = fixtures.person(Role.MANAGER, chain.outletA().id());
        leader = token(manager);
        address = "10.%d.%d.%d".formatted(ThreadLocalRandom.current().nextInt(1, 255),
                ThreadLocalRandom.current().nextInt(1, 255), ThreadLocalRandom.current().nextInt(1, 255));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long round(String token) throws Exception {
        return body(postJson(ROUNDS, token, Map.of("title", "2026 上半年")).andExpect(status().isCreated())).get("id").asLong();
    }

    /** Invites people by name and answers the links' tokens. */
    private List<String> invite(long round, String... names) throws Exception {
        List<Map<String, String>> invitees = new ArrayList<>();
        for (String n : names) {
            invitees.add(Map.of("name", n));
        }
        JsonNode created = body(postJson(ROUNDS + "/" + round + "/invitations", leader, Map.of("invitees", invitees))
                .andExpect(status().isCreated()));
        List<String> tokens = new ArrayList<>();
        created.forEach(i -> tokens.add(i.get("link").asString().replaceAll(".*/s/leadership/", "")));
        return tokens;
    }

    private ResultActions publicCall(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        }).accept(MediaType.APPLICATION_JSON));
    }

    private ResultActions answer(String token, Object scores) throws Exception {
        return publicCall(post("/api/v1/public/leadership/" + token).contentType(MediaType.APPLICATION_JSON)
                .content(scores instanceof String s ? s : json.writeValueAsString(Map.of("scores", scores))));
    }

    /** 20 scores: the principles' four items get a, b, c, d, e in turn. */
    private static List<Integer> scores(int a, int b, int c, int d, int e) {
        List<Integer> out = new ArrayList<>();
        for (int v : new int[] {a, b, c, d, e}) {
            out.addAll(Collections.nCopies(4, v));
        }
        return out;
    }

    @Test
    void twoAnswersShowNothingOfTheirsThreeShowTheMeansAndAFourthWaitsForTwoMore() throws Exception {
        long round = round(leader);
        putJson(ROUNDS + "/" + round + "/self", leader, Map.of("scores", scores(5, 4, 4, 4, 3))).andExpect(status().isOk());
        List<String> links = invite(round, "王芳", "李强", "赵敏", "陈静");
        answer(links.get(0), scores(4, 3, 2, 5, 3)).andExpect(status().isCreated());
        answer(links.get(1), scores(5, 4, 2, 5, 3)).andExpect(status().isCreated());

        // two answers: the page and the API say how many, and nothing else of theirs
        JsonNode waiting = body(getJson(ROUNDS + "/" + round + "/result", leader).andExpect(status().isOk()));
        assertThat(waiting.get("othersShown").asBoolean()).isFalse();
        assertThat(waiting.get("answered").asInt()).isEqualTo(2);
        assertThat(waiting.get("counted").asInt()).isZero();
        assertThat(waiting.get("strengths")).isEmpty();
        assertThat(waiting.get("weaknesses")).isEmpty();
        waiting.get("principles").forEach(p -> {
            assertThat(p.get("others").isNull()).isTrue();
            assertThat(p.get("gap").isNull()).isTrue();
        });
        waiting.get("items").forEach(i -> assertThat(i.get("others").isNull()).isTrue());
        assertThat(waiting.at("/principles/0/self").decimalValue()).isEqualByComparingTo("5.00");
        // in storage too: two answers wait, with no link to an invitation, and the sums are untouched
        assertThat(jdbc.sql("SELECT COUNT(*) FROM leadership_pending WHERE round_id = :r").param("r", round)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT SUM(raters) FROM leadership_tally WHERE round_id = :r").param("r", round)
                .query(Long.class).single()).isZero();

        answer(links.get(2), scores(3, 5, 2, 5, 3)).andExpect(status().isCreated());
        JsonNode shown = body(getJson(ROUNDS + "/" + round + "/result", leader).andExpect(status().isOk()));
        assertThat(shown.get("othersShown").asBoolean()).isTrue();
        assertThat(shown.get("counted").asInt()).isEqualTo(3);
        // communication (4 + 5 + 3) / 3 = 4.00, positive force 4.00, reward 2.00, authority 5.00, decisions 3.00
        assertThat(shown.at("/principles/0/others").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(shown.at("/principles/2/others").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(shown.at("/principles/3/others").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(shown.at("/principles/4/others").decimalValue()).isEqualByComparingTo("3.00");
        // self 5 against others 4.00 on communication: gap 1.00
        assertThat(shown.at("/principles/0/gap").decimalValue()).isEqualByComparingTo("1.00");
        assertThat(shown.at("/items/0/others").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(shown.get("strengths").valueStream().map(JsonNode::asString).toList())
                .containsExactly("COMMUNICATION", "POSITIVE_FORCE", "AUTHORITY");
        assertThat(shown.get("weaknesses").valueStream().map(JsonNode::asString).toList()).containsExactly("REWARD");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM leadership_pending WHERE round_id = :r").param("r", round)
                .query(Long.class).single()).isZero();

        // a fourth answer is counted as answered but joins the means only with two more: they do not move
        answer(links.get(3), scores(1, 1, 1, 1, 1)).andExpect(status().isCreated());
        JsonNode fourth = body(getJson(ROUNDS + "/" + round + "/result", leader));
        assertThat(fourth.get("answered").asInt()).isEqualTo(4);
        assertThat(fourth.get("counted").asInt()).isEqualTo(3);
        assertThat(fourth.get("principles")).isEqualTo(shown.get("principles"));
        assertThat(fourth.get("items")).isEqualTo(shown.get("items"));
    }

    @Test
    void answersArrivingTogetherAreAllCountedInThrees() throws Exception {
        long round = round(leader);
        List<String> links = invite(round, "1", "2", "3", "4", "5", "6", "7");
        List<Thread> threads = new ArrayList<>();
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        for (String link : links) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    statuses.add(answer(link, scores(4, 4, 2, 4, 4)).andReturn().getResponse().getStatus());
                } catch (Exception e) {
                    statuses.add(-1);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(statuses).hasSize(7).containsOnly(201);
        // 7 answered: two groups of three are counted in, one answer waits
        JsonNode result = body(getJson(ROUNDS + "/" + round + "/result", leader));
        assertThat(result.get("answered").asInt()).isEqualTo(7);
        assertThat(result.get("counted").asInt()).isEqualTo(6);
        assertThat(result.at("/principles/2/others").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM leadership_pending WHERE round_id = :r").param("r", round)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theAnswersAreStoredWithNoWayBackToTheInvitation() {
        List<String> columns = jdbc.sql("""
                        SELECT LOWER(table_name) || '.' || LOWER(column_name) FROM information_schema.columns
                        WHERE LOWER(table_schema) = LOWER(CURRENT_SCHEMA)
                          AND LOWER(table_name) IN ('leadership_pending', 'leadership_tally', 'leadership_invitation')""")
                .query(String.class).list();
        assertThat(columns).contains("leadership_pending.scores", "leadership_tally.score_sum", "leadership_invitation.used")
                .noneMatch(c -> c.startsWith("leadership_pending.") && (c.contains("invitation") || c.endsWith("_at")))
                .noneMatch(c -> c.startsWith("leadership_tally.") && (c.contains("invitation") || c.endsWith("_at")))
                .doesNotContain("leadership_invitation.used_at", "leadership_invitation.answered_at");
        // the waiting answers' key is random, not a running number that would follow the order of the links used
        assertThat(jdbc.sql("""
                        SELECT LOWER(data_type) FROM information_schema.columns WHERE LOWER(table_schema) = LOWER(CURRENT_SCHEMA)
                          AND LOWER(table_name) = 'leadership_pending' AND LOWER(column_name) = 'id'""")
                .query(String.class).single()).contains("char");
    }

    @Test
    void aLinkWorksOnceUntilItExpiresAndAnUnknownOneIsNotFound() throws Exception {
        long round = round(leader);
        List<String> links = invite(round, "王芳", "李强");
        publicCall(get("/api/v1/public/leadership/" + links.get(0)).header("Accept-Language", "zh"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.leaderName").value(manager.displayName()))
                .andExpect(jsonPath("$.items.length()").value(20))
                .andExpect(jsonPath("$.items[0].principleName").value("良好的沟通"));
        answer(links.get(0), scores(4, 4, 4, 4, 4)).andExpect(status().isCreated());
        answer(links.get(0), scores(4, 4, 4, 4, 4)).andExpect(status().isGone())
                .andExpect(jsonPath("$.status").value(410));
        publicCall(get("/api/v1/public/leadership/" + links.get(0))).andExpect(status().isGone());
        clock.advance(Duration.ofDays(15));
        answer(links.get(1), scores(4, 4, 4, 4, 4)).andExpect(status().isGone())
                .andExpect(jsonPath("$.detail").value(containsString("expired")));
        clock.reset();
        String unknown = LeadershipRaters.newToken();
        answer(unknown, scores(4, 4, 4, 4, 4)).andExpect(status().isNotFound());
        publicCall(get("/api/v1/public/leadership/" + unknown)).andExpect(status().isNotFound());
        publicCall(get("/api/v1/public/leadership/not-a-token")).andExpect(status().isNotFound());
        JsonNode result = body(getJson(ROUNDS + "/" + round + "/result", leader));
        assertThat(result.get("answered").asInt()).isEqualTo(1);
    }

    @Test
    void badScoresAreRefusedNamingTheFieldAndUseNothingUp() throws Exception {
        long round = round(leader);
        String link = invite(round, "王芳").getFirst();
        List<Integer> zero = new ArrayList<>(scores(3, 3, 3, 3, 3));
        zero.set(0, 0);
        answer(link, zero).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("scores[0]"));
        List<Integer> six = new ArrayList<>(scores(3, 3, 3, 3, 3));
        six.set(19, 6);
        answer(link, six).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("scores[19]"));
        answer(link, scores(3, 3, 3, 3, 3).subList(0, 19)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("scores"))
                .andExpect(jsonPath("$.errors[0].message").value("must hold exactly 20 scores, item 1 first"));
        String fraction = "{\"scores\": [3.5" + ", 3".repeat(19) + "]}";
        answer(link, fraction).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("scores[0]"));
        String withNull = "{\"scores\": [null" + ", 3".repeat(19) + "]}";
        answer(link, withNull).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("scores[0]"));
        answer(link, "{}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("scores"));
        answer(link, "{\"scores\": \"" + "3".repeat(70_000) + "\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Too large"));
        // the self rating takes the same rules
        putJson(ROUNDS + "/" + round + "/self", leader, Map.of("scores", zero)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("scores[0]"));
        putJson(ROUNDS + "/" + round + "/self", leader, "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("scores"));
        // nothing was taken: the link still works
        answer(link, scores(3, 3, 3, 3, 3)).andExpect(status().isCreated());
        // invitations: a name with a NUL character, a bad address, an empty list, a fraction of days
        postJson(ROUNDS + "/" + round + "/invitations", leader, Map.of("invitees", List.of(Map.of("name", "王\u0000芳"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("invitees[0].name"));
        postJson(ROUNDS + "/" + round + "/invitations", leader, Map.of("invitees",
                List.of(Map.of("name", "王芳", "email", "not-an-address")))).andExpect(status().isBadRequest());
        postJson(ROUNDS + "/" + round + "/invitations", leader, Map.of("invitees", List.of()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("invitees"));
        postJson(ROUNDS + "/" + round + "/invitations", leader, "{\"invitees\": [{\"name\": \"王芳\"}], \"validDays\": 1.5}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("validDays"));
        postJson(ROUNDS + "/" + round + "/invitations", leader, "{\"invitees\": [null]}")
                .andExpect(status().isBadRequest());
        postJson(ROUNDS, leader, Map.of("title", "x".repeat(101))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"));
        assertThat(body(getJson(ROUNDS + "/" + round + "/invitations", leader))).hasSize(1);
    }

    @Test
    void theLeaderSeesTheRoundManagersAboveReadItAndNobodyElseSeesIt() throws Exception {
        long round = round(leader);
        invite(round, "王芳");
        String region = token(fixtures.person(Role.MANAGER, chain.region().id()));
        String otherOutlet = token(fixtures.person(Role.MANAGER, chain.outletB().id()));
        String staff = token(fixtures.person(Role.STAFF, chain.outletA().id()));
        String auditor = token(fixtures.person(Role.AUDITOR, chain.region().id()));
        String stranger = token(fixtures.person(Role.MANAGER, fixtures.chain().outletA().id()));

        getJson(ROUNDS + "/" + round, leader).andExpect(status().isOk()).andExpect(jsonPath("$.mine").value(true));
        getJson(ROUNDS + "/" + round, region).andExpect(status().isOk()).andExpect(jsonPath("$.mine").value(false));
        getJson(ROUNDS + "/" + round + "/result", region).andExpect(status().isOk());
        // the manager above reads who was invited, but neither their addresses nor their links
        getJson(ROUNDS + "/" + round + "/invitations", region).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("王芳")).andExpect(jsonPath("$[0].link").isEmpty());
        getJson(ROUNDS + "/" + round + "/invitations", leader).andExpect(jsonPath("$[0].link").isNotEmpty())
                .andExpect(jsonPath("$[0].status").value("OPEN"));
        // an invitee with an address gets the link by mail, in Chinese and English
        String email = Fixtures.unique("rater") + "@example.com";
        String mailed = body(postJson(ROUNDS + "/" + round + "/invitations", leader, Map.of("invitees",
                List.of(Map.of("name", "李强", "email", email)))).andExpect(status().isCreated())).get(0).get("link").asString();
        assertThat(jdbc.sql("SELECT subject || ' ' || payload FROM outbox WHERE target = :t").param("t", email)
                .query(String.class).single()).contains(manager.displayName(), mailed, "李强，您好", "Hello 李强");
        // and changes nothing
        putJson(ROUNDS + "/" + round + "/self", region, Map.of("scores", scores(3, 3, 3, 3, 3))).andExpect(status().isForbidden());
        postJson(ROUNDS + "/" + round + "/invitations", region, Map.of("invitees", List.of(Map.of("name", "x"))))
                .andExpect(status().isForbidden());
        postJson(ROUNDS + "/" + round + "/plan", region, action("REWARD", "x", LocalDate.now().plusDays(3)))
                .andExpect(status().isForbidden());
        // a manager of another outlet, staff of the same outlet and another chain's manager do not see it
        for (String other : List.of(otherOutlet, staff, stranger)) {
            getJson(ROUNDS + "/" + round, other).andExpect(status().isNotFound());
            getJson(ROUNDS + "/" + round + "/result", other).andExpect(status().isNotFound());
            assertThat(body(getJson(ROUNDS, other)).valueStream().map(r -> r.get("id").asLong())).doesNotContain(round);
        }
        getJson(ROUNDS + "/" + round, auditor).andExpect(status().isForbidden());
        assertThat(body(getJson(ROUNDS, region)).valueStream().map(r -> r.get("id").asLong())).contains(round);
        // staff run rounds of their own and see only those
        long own = round(staff);
        assertThat(body(getJson(ROUNDS, staff)).valueStream().map(r -> r.get("id").asLong()).toList()).containsExactly(own);
        getJson(ROUNDS + "/" + own, leader).andExpect(status().isOk());
    }

    @Test
    void aUnitWhereARoundWasRunIsNotDeleted() throws Exception {
        String admin = token(fixtures.admin());
        // a region's manager leads a round of the region; nobody works in the spare region otherwise
        long spare = fixtures.unit(chain.chain().id(), UnitKind.REGION, "Spare").id();
        String regionLeader = token(fixtures.person(Role.MANAGER, spare));
        long round = round(regionLeader);
        getJson(ROUNDS + "/" + round, regionLeader).andExpect(status().isOk()).andExpect(jsonPath("$.outletId").isEmpty());
        jdbc.sql("UPDATE person SET scope_unit_id = :c WHERE scope_unit_id = :s").param("c", chain.chain().id())
                .param("s", spare).update();
        deleteJson("/api/v1/units/" + spare, admin).andExpect(status().isConflict());
        getJson(ROUNDS + "/" + round, regionLeader).andExpect(status().isOk());
    }

    private static Map<String, Object> action(String principle, String text, LocalDate due) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("principle", principle);
        a.put("action", text);
        a.put("dueOn", due.toString());
        a.put("done", false);
        return a;
    }

    @Test
    void thePlanKeepsActionsWithDueDatesAndADoneFlag() throws Exception {
        long round = round(leader);
        LocalDate due = LocalDate.now().plusDays(30);
        JsonNode added = body(postJson(ROUNDS + "/" + round + "/plan", leader, action("REWARD", "每周例会上具体表扬两位员工", due))
                .andExpect(status().isCreated()));
        long id = added.get("id").asLong();
        Map<String, Object> done = action("REWARD", "每周例会上具体表扬两位员工", due);
        done.put("done", true);
        done.put("version", 0);
        putJson(ROUNDS + "/" + round + "/plan/" + id, leader, done).andExpect(status().isOk())
                .andExpect(jsonPath("$.done").value(true)).andExpect(jsonPath("$.version").value(1));
        // stale version, a field left out, a due date before the round or years away, an unknown principle
        putJson(ROUNDS + "/" + round + "/plan/" + id, leader, done).andExpect(status().isConflict());
        putJson(ROUNDS + "/" + round + "/plan/" + id, leader, Map.of("principle", "REWARD", "action", "x",
                "dueOn", due.toString())).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("done"));
        postJson(ROUNDS + "/" + round + "/plan", leader, action("REWARD", "x", LocalDate.now().minusDays(3)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("dueOn"));
        postJson(ROUNDS + "/" + round + "/plan", leader, action("REWARD", "x", LocalDate.now().plusYears(6)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("dueOn"));
        postJson(ROUNDS + "/" + round + "/plan", leader, action("CHARISMA", "x", due))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("principle"));
        postJson(ROUNDS + "/" + round + "/plan", leader, action("REWARD", "   ", due))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("action"));
        putJson(ROUNDS + "/" + round + "/plan/999999999", leader, done).andExpect(status().isNotFound());
        assertThat(body(getJson(ROUNDS + "/" + round + "/plan", leader))).hasSize(1);
    }

    @Test
    void thePublicLinkIsRateLimitedPerAddress() throws Exception {
        long round = round(leader);
        String link = invite(round, "王芳").getFirst();
        // time stands still, so that no token comes back while the requests are sent
        clock.freeze();
        int ok = 0;
        ResultActions last = null;
        for (int i = 0; i < 61; i++) {
            last = publicCall(get("/api/v1/public/leadership/" + link));
            ok += last.andReturn().getResponse().getStatus() == 200 ? 1 : 0;
        }
        assertThat(ok).isEqualTo(60);
        last.andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
        // another address is not held up
        address = "10.0.0.1" + ThreadLocalRandom.current().nextInt(10, 99);
        publicCall(get("/api/v1/public/leadership/" + link)).andExpect(status().isOk());
    }
}
