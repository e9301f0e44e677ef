package com.serviceloop.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.TestClock;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import com.serviceloop.platform.OutboxSender;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Warnings, escalation by inbox and e-mail (to a local test SMTP server), once-only sweeps, webhooks. */
class EscalationIntegrationTest extends ApiTest {
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> ServerSetupTest.SMTP.getPort());
    }

    @Autowired SlaSweep sweep;
    @Autowired OutboxSender outbox;
    @Autowired TestClock clock;
    @Autowired LockProvider locks;
    @Autowired JdbcClient jdbc;
    private Fixtures.Chain chain;
    private AppUser staff;
    private String staffToken;
    private AppUser manager;
    private String adminToken;

    @BeforeEach
    void setUp() {
        adminToken = token(fixtures.admin());
        chain = fixtures.chain();
        staff = fixtures.person(Role.STAFF, chain.outletA().id());
        staffToken = token(staff);
        manager = fixtures.person(Role.MANAGER, chain.outletA().id(), null, "manager@outlet-a.example");
        fixtures.person(Role.MANAGER, chain.region().id(), null, "region@example.com"); // further up: not mailed
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long open() throws Exception {
        return body(postJson("/api/v1/cases", staffToken, Map.of("outletId", chain.outletA().id(), "channel", "COUNTER",
                "caseType", "COMPLAINT", "severity", "HIGH", "description", "Refused a refund for a faulty thermometer"))
                .andExpect(status().isCreated())).get("id").asLong();
    }

    private List<String> notes(long personId, long caseId) {
        return jdbc.sql("SELECT kind FROM notification WHERE person_id = :p AND case_id = :c ORDER BY id")
                .param("p", personId).param("c", caseId).query(String.class).list();
    }

    @Test
    void theOwnerIsWarnedAndTheOutletManagerGetsOneEscalationByInboxAndMail() throws Exception {
        long id = open();
        sweep.sweep();
        assertThat(notes(staff.id(), id)).as("nothing is due yet").isEmpty();

        clock.advance(Duration.ofDays(3)); // well past 30 business minutes, whatever the hour now
        var pool = Executors.newFixedThreadPool(4);
        List<Future<SlaSweep.Result>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(pool.submit(sweep::sweep)); // four instances sweeping at the same moment
        }
        for (var r : runs) {
            r.get();
        }
        pool.shutdown();
        assertThat(notes(staff.id(), id)).containsExactlyInAnyOrder("WARNING", "WARNING", "ESCALATION", "ESCALATION");
        assertThat(notes(manager.id(), id)).containsExactly("ESCALATION", "ESCALATION");

        JsonNode clocks = body(getJson("/api/v1/cases/" + id + "/clocks", staffToken));
        for (JsonNode c : clocks) {
            assertThat(c.get("escalatedAt").isNull()).isFalse();
        }
        JsonNode inbox = body(getJson("/api/v1/inbox?unread=true", token(manager)));
        assertThat(inbox.get("items").get(0).get("message").asText()).contains("Case #" + id);

        assertThat(outbox.send().sent()).isGreaterThanOrEqualTo(2);
        List<MimeMessage> mails = List.of(smtp.getReceivedMessages()).stream()
                .filter(m -> subject(m).contains("case #" + id + ",")).toList();
        assertThat(mails).hasSize(2); // first response and resolution, each once
        assertThat(mails.getFirst().getAllRecipients()[0].toString()).isEqualTo("manager@outlet-a.example");
        assertThat(outbox.send().sent()).as("nothing is sent twice").isZero();

        postJson("/api/v1/inbox/read", token(manager), Map.of()).andExpect(jsonPath("$.marked").value(2));
        assertThat(body(getJson("/api/v1/inbox?unread=true", token(manager))).get("total").asLong()).isZero();
    }

    @Test
    void whileAnotherInstanceHoldsTheLockTheScheduledSweepDoesNotRun() throws Exception {
        long id = open();
        clock.advance(Duration.ofDays(3));
        Optional<SimpleLock> held = locks.lock(new LockConfiguration(Instant.now(), "sla-sweep",
                Duration.ofMinutes(5), Duration.ZERO));
        assertThat(held).isPresent();
        sweep.scheduled();
        assertThat(notes(staff.id(), id)).isEmpty();
        held.get().unlock();
        sweep.scheduled();
        assertThat(notes(staff.id(), id)).contains("ESCALATION");
    }

    @Test
    void caseEventsReachAWebhookSignedWithItsSecret() throws Exception {
        List<Map<String, String>> received = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            received.add(Map.of("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    "signature", exchange.getRequestHeaders().getFirst("X-ServiceLoop-Signature"),
                    "timestamp", exchange.getRequestHeaders().getFirst("X-ServiceLoop-Timestamp")));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        JsonNode hook = body(postJson("/api/v1/webhooks", adminToken, Map.of("url", url)).andExpect(status().isCreated()));
        postJson("/api/v1/webhooks", adminToken, Map.of("url", "ftp://x")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("url"));
        postJson("/api/v1/webhooks", staffToken, Map.of("url", url)).andExpect(status().isForbidden());
        try {
            long id = open();
            outbox.send();
            Map<String, String> delivery = received.stream().filter(r -> r.get("body").contains("\"caseId\":" + id))
                    .findFirst().orElseThrow();
            JsonNode event = json.readTree(delivery.get("body"));
            assertThat(event.get("event").asText()).isEqualTo("CREATED");
            assertThat(event.get("toStatus").asText()).isEqualTo("RECEIVED");
            String expected = Webhooks.sign(hook.get("secret").asText(), Long.parseLong(delivery.get("timestamp")),
                    delivery.get("body"));
            assertThat(delivery.get("signature")).isEqualTo(expected);
            assertThat(Webhooks.sign("some other secret", Long.parseLong(delivery.get("timestamp")), delivery.get("body")))
                    .isNotEqualTo(delivery.get("signature"));
        } finally {
            server.stop(0);
        }
        // a receiver that is down: the delivery stays queued with the error, to be retried later
        long id = open();
        outbox.send();
        JsonNode deliveries = body(getJson("/api/v1/webhooks/" + hook.get("id").asLong() + "/deliveries", adminToken));
        JsonNode last = deliveries.get(0);
        assertThat(last.get("sentAt").isNull()).isTrue();
        assertThat(last.get("attempts").asInt()).isEqualTo(1);
        assertThat(last.get("lastError").asText()).isNotBlank();
        deleteJson("/api/v1/webhooks/" + hook.get("id").asLong(), adminToken).andExpect(status().isNoContent());
        assertThat(id).isPositive();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
