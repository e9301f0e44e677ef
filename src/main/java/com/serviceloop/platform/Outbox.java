package com.serviceloop.platform;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Messages to send after the transaction that decided them has committed: e-mails and webhook
 * calls are written here in that same transaction and sent later by {@link OutboxSender}, so a
 * rolled-back change sends nothing and a committed one is never forgotten.
 */
@Service
public class Outbox {
    public static final String MAIL = "MAIL";
    public static final String WEBHOOK = "WEBHOOK";
    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    public Outbox(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** One message; webhookId names the subscriber a WEBHOOK message is for (null for mail). */
    public record Message(String channel, String target, String subject, String payload, Long webhookId,
                          OffsetDateTime at) {
    }

    /** A message as the sender reads it back. */
    public record Item(long id, String channel, String target, String subject, String payload, Long webhookId,
                       int attempts) {
    }

    /** The delivery log of one webhook subscriber. */
    public record Delivery(long id, String subject, OffsetDateTime createdAt, int attempts, OffsetDateTime sentAt,
                           String lastError) {
    }

    public void mail(String to, String subject, String body, OffsetDateTime at) {
        add(List.of(new Message(MAIL, to, subject, body, null, at)));
    }

    public void add(List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                INSERT INTO outbox (channel, target, subject, payload, webhook_id, created_at, next_attempt_at)
                VALUES (:channel, :target, :subject, :payload, :webhook, :at, :at)""",
                messages.stream().map(m -> new MapSqlParameterSource().addValue("channel", m.channel())
                        .addValue("target", m.target()).addValue("subject", m.subject()).addValue("payload", m.payload())
                        .addValue("webhook", m.webhookId()).addValue("at", m.at())).toArray(MapSqlParameterSource[]::new));
    }

    public List<Delivery> deliveries(long webhookId) {
        return jdbc.sql("SELECT id, subject, created_at, attempts, sent_at, last_error FROM outbox "
                        + "WHERE webhook_id = :id ORDER BY id DESC LIMIT 100").param("id", webhookId)
                .query(Rows.of(Delivery.class)).list();
    }

    List<Item> due(OffsetDateTime now, List<String> channels, int maxAttempts, int limit) {
        return jdbc.sql("""
                SELECT id, channel, target, subject, payload, webhook_id, attempts FROM outbox
                WHERE sent_at IS NULL AND next_attempt_at <= :now AND attempts < :max AND channel IN (:channels)
                ORDER BY id LIMIT :batch""")
                .param("now", now).param("max", maxAttempts).param("channels", channels).param("batch", limit)
                .query((rs, i) -> new Item(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), (Long) rs.getObject(6), rs.getInt(7))).list();
    }

    void sent(long id, OffsetDateTime now) {
        jdbc.sql("UPDATE outbox SET sent_at = :now, attempts = attempts + 1, last_error = NULL WHERE id = :id")
                .param("now", now).param("id", id).update();
    }

    void failed(long id, String error, OffsetDateTime next) {
        jdbc.sql("UPDATE outbox SET attempts = attempts + 1, last_error = :err, next_attempt_at = :next WHERE id = :id")
                .param("err", error.length() > 500 ? error.substring(0, 500) : error).param("next", next).param("id", id)
                .update();
    }

    void forgetSentBefore(OffsetDateTime before) {
        jdbc.sql("DELETE FROM outbox WHERE sent_at < :before").param("before", before).update();
    }
}
