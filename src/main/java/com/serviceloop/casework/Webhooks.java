package com.serviceloop.casework;

import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.Outbox;
import com.serviceloop.platform.Rows;
import java.io.Serializable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * Subscribers to case events (a call centre, a shop system). Each delivery is signed: the header
 * {@code X-ServiceLoop-Signature: sha256=HEX} is the HMAC-SHA256, keyed with the subscriber's
 * secret, of {@code TIMESTAMP + "." + BODY}, where TIMESTAMP is the {@code X-ServiceLoop-Timestamp}
 * header (epoch seconds), so a receiver can reject both forged and replayed deliveries.
 */
@Service
class Webhooks {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final WebhookAddresses addresses;

    public Webhooks(JdbcClient jdbc, Outbox outbox, WebhookAddresses addresses) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.addresses = addresses;
    }

    public record Webhook(long id, String url, boolean active, OffsetDateTime createdAt) {
    }

    /** The secret is shown once, at creation. */
    public record Created(long id, String url, String secret) implements Serializable {
    }

    /** The subscribers that get deliveries now. */
    List<Webhook> active() {
        return jdbc.sql("SELECT id, url, active, created_at FROM webhook WHERE active = TRUE ORDER BY id")
                .query(Rows.of(Webhook.class)).list();
    }

    public List<Webhook> list() {
        return jdbc.sql("SELECT id, url, active, created_at FROM webhook ORDER BY id").query(Rows.of(Webhook.class)).list();
    }

    /** Refused (400 on url) for addresses this server should not call: see {@link WebhookAddresses}. */
    public Created create(String url) {
        URI uri = addresses.checkRegistration(url);
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String secret = "whsec_" + HexFormat.of().formatHex(bytes);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO webhook (url, secret, active) VALUES (:url, :secret, TRUE)")
                .param("url", uri.toString()).param("secret", secret).update(keys, "id");
        return new Created(keys.getKey().longValue(), uri.toString(), secret);
    }

    public void deactivate(long id) {
        if (jdbc.sql("UPDATE webhook SET active = FALSE WHERE id = :id").param("id", id).update() == 0) {
            throw new NotFoundException("Webhook", id);
        }
    }

    public List<Outbox.Delivery> deliveries(long webhookId) {
        return outbox.deliveries(webhookId);
    }

    String secret(long webhookId) {
        return jdbc.sql("SELECT secret FROM webhook WHERE id = :id").param("id", webhookId).query(String.class).single();
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(
                    mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
