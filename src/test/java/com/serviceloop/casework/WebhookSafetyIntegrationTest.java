package com.serviceloop.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.organisation.Role;
import com.serviceloop.platform.OutboxSender;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks cannot be pointed at this server or its networks: refused at registration in the
 * person's words, refused again at delivery, and a receiver's redirect is never followed.
 * (The test configuration allow-lists 127.0.0.1, where the test receivers listen.)
 */
class WebhookSafetyIntegrationTest extends ApiTest {
    @Autowired OutboxSender outbox;
    @Autowired ConfigurableEnvironment environment;
    private String adminToken;
    private String staffToken;
    private long outletId;

    @BeforeEach
    void setUp() {
        adminToken = token(fixtures.admin());
        outletId = fixtures.chain().outletA().id();
        staffToken = token(fixtures.person(Role.STAFF, outletId));
    }

    @Test
    void addressesThisServerShouldNotCallAreRefusedNamingTheUrlField() throws Exception {
        Map<String, String> refused = Map.of(
                "http://localhost:8080/hook", "this server itself",
                "http://127.0.0.2/hook", "this server itself",
                "http://[::1]/hook", "this server itself",
                "http://169.254.169.254/latest/meta-data/", "cloud metadata service",
                "http://metadata.google.internal/computeMetadata/v1/", "cloud metadata service",
                "http://192.168.0.10/hook", "private network",
                "http://100.64.1.1/hook", "carrier-grade NAT",
                "http://user:pw@93.184.216.34/hook", "Leave the user name and password out");
        for (var r : refused.entrySet()) {
            postJson("/api/v1/webhooks", adminToken, Map.of("url", r.getKey())).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("url"))
                    .andExpect(jsonPath("$.errors[0].message").value(containsString(r.getValue())));
        }
        call(post("/api/v1/webhooks").header("Accept-Language", "zh").contentType(MediaType.APPLICATION_JSON)
                .content("{\"url\": \"http://10.0.0.5/hook\"}"), adminToken).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("url"))
                .andExpect(jsonPath("$.errors[0].message").value("不能向 10.0.0.5 发送 Webhook：10.0.0.5 属于内部网络。"
                        + "请填写互联网上的接收地址，或请管理员把该主机加入允许列表"));
        List<String> stored = new ArrayList<>();
        body(getJson("/api/v1/webhooks", adminToken)).forEach(w -> stored.add(w.get("url").asText()));
        assertThat(stored).noneMatch(u -> refused.containsKey(u) || u.contains("10.0.0.5"));
    }

    @Test
    void aRedirectIsNotFollowedAndCountsAsAFailedDelivery() throws Exception {
        List<String> hits = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            hits.add(exchange.getRequestURI().getPath());
            exchange.getResponseHeaders().add("Location", "/elsewhere");
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        server.createContext("/elsewhere", exchange -> {
            hits.add(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        long hook = body(postJson("/api/v1/webhooks", adminToken,
                Map.of("url", "http://127.0.0.1:" + server.getAddress().getPort() + "/hook"))
                .andExpect(status().isCreated())).get("id").asLong();
        try {
            open();
            outbox.send();
            assertThat(hits).contains("/hook").doesNotContain("/elsewhere");
            JsonNode last = body(getJson("/api/v1/webhooks/" + hook + "/deliveries", adminToken)).get(0);
            assertThat(last.get("sentAt").isNull()).isTrue();
            assertThat(last.get("lastError").asText()).isEqualTo("HTTP 307 redirect to /elsewhere not followed");
        } finally {
            server.stop(0);
            deleteJson("/api/v1/webhooks/" + hook, adminToken).andExpect(status().isNoContent());
        }
    }

    @Test
    void aHostNoLongerAllowedIsRefusedAtDeliveryAndNothingIsSent() throws Exception {
        List<String> hits = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            hits.add(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        var list = new MapPropertySource("webhook-test", Map.of(WebhookAddresses.ALLOWED_HOSTS, "127.0.0.1,localhost"));
        environment.getPropertySources().addFirst(list);
        long hook;
        try {
            hook = body(postJson("/api/v1/webhooks", adminToken,
                    Map.of("url", "http://localhost:" + server.getAddress().getPort() + "/hook"))
                    .andExpect(status().isCreated())).get("id").asLong();
        } finally {
            environment.getPropertySources().remove(list.getName());
        }
        try {
            open();
            outbox.send();
            assertThat(hits).isEmpty();
            JsonNode last = body(getJson("/api/v1/webhooks/" + hook + "/deliveries", adminToken)).get(0);
            assertThat(last.get("sentAt").isNull()).isTrue();
            assertThat(last.get("lastError").asText())
                    .isEqualTo("refused: localhost is a loopback address (this server itself); the host is not in "
                            + "serviceloop.webhooks.allowed-hosts");
        } finally {
            server.stop(0);
            deleteJson("/api/v1/webhooks/" + hook, adminToken).andExpect(status().isNoContent());
        }
    }

    private void open() throws Exception {
        postJson("/api/v1/cases", staffToken, Map.of("outletId", outletId, "channel", "COUNTER", "caseType", "COMPLAINT",
                "severity", "LOW", "description", "The queue at the counter was too long")).andExpect(status().isCreated());
    }
}
