package com.serviceloop.casework;

import com.serviceloop.platform.Outbox;
import com.serviceloop.platform.OutboxTransport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Webhook calls from the outbox, signed with the subscriber's secret (see {@link Webhooks#sign}).
 * Each address is checked again just before sending ({@link WebhookAddresses}), and redirects are
 * never followed: a receiver could otherwise point this server at any address after the check.
 */
@Component
class WebhookTransport implements OutboxTransport {
    private final Webhooks webhooks;
    private final WebhookAddresses addresses;
    private final Clock clock;
    // no proxy: a proxy would reach the address itself, after the check
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).proxy(HttpClient.Builder.NO_PROXY).build();

    WebhookTransport(Webhooks webhooks, WebhookAddresses addresses, Clock clock) {
        this.webhooks = webhooks;
        this.addresses = addresses;
        this.clock = clock;
    }

    @Override
    public String channel() {
        return Outbox.WEBHOOK;
    }

    @Override
    public void deliver(Outbox.Item item) throws Exception {
        URI target = URI.create(item.target());
        // resolving here also fills the JVM's address cache, from which the client takes the same answer
        addresses.checkDelivery(target);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-ServiceLoop-Event", item.subject())
                .header("X-ServiceLoop-Delivery", Long.toString(item.id()))
                .header("X-ServiceLoop-Timestamp", Long.toString(timestamp))
                .header("X-ServiceLoop-Signature", Webhooks.sign(webhooks.secret(item.webhookId()), timestamp, item.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(item.payload(), StandardCharsets.UTF_8)).build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 == 3) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " redirect to "
                    + response.headers().firstValue("Location").orElse("nowhere") + " not followed");
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
    }
}
