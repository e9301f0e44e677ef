package com.serviceloop.casework;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds: e-mails through the configured SMTP server and webhook calls.
 * A failure is retried with a growing pause (1, 2, 4 ... minutes, at most an hour) up to ten times.
 * Without a mail server configured, mails wait in the outbox until one is.
 */
@Component
public class OutboxSender {
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int MAX_ATTEMPTS = 10;
    private static final int BATCH = 200;
    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mail;
    private final Webhooks webhooks;
    private final Clock clock;
    private final String from;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public OutboxSender(JdbcClient jdbc, ObjectProvider<JavaMailSender> mail, Webhooks webhooks, Clock clock,
                        @Value("${serviceloop.mail.from:serviceloop@localhost}") String from) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.webhooks = webhooks;
        this.clock = clock;
        this.from = from;
    }

    private record Item(long id, String channel, String target, String subject, String payload, Long webhookId,
                        int attempts) {
    }

    public record Result(int sent, int failed) {
    }

    @Scheduled(fixedDelayString = "${serviceloop.outbox.interval:PT10S}", initialDelayString = "PT15S")
    @SchedulerLock(name = "outbox", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1S")
    public void scheduled() {
        send();
    }

    /** Sends in batches of 200 until nothing is due (at most 5,000 per run), then drops sent items after 30 days. */
    public Result send() {
        int sent = 0;
        int failed = 0;
        Result batch;
        do {
            batch = sendBatch();
            sent += batch.sent();
            failed += batch.failed();
        } while (batch.sent() + batch.failed() == BATCH && sent + failed < 5_000);
        jdbc.sql("DELETE FROM outbox WHERE sent_at < :before").param("before", OffsetDateTime.now(clock).minusDays(30)).update();
        return new Result(sent, failed);
    }

    private Result sendBatch() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean mailReady = mail.getIfAvailable() != null;
        List<Item> items = jdbc.sql("""
                SELECT id, channel, target, subject, payload, webhook_id, attempts FROM outbox
                WHERE sent_at IS NULL AND next_attempt_at <= :now AND attempts < :max"""
                        + (mailReady ? "" : " AND channel <> 'MAIL'") + " ORDER BY id LIMIT :batch")
                .param("now", now).param("max", MAX_ATTEMPTS).param("batch", BATCH)
                .query((rs, i) -> new Item(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), (Long) rs.getObject(6), rs.getInt(7))).list();
        int sent = 0;
        int failed = 0;
        for (Item item : items) {
            try {
                if (item.channel().equals("MAIL")) {
                    mail(item);
                } else {
                    post(item);
                }
                jdbc.sql("UPDATE outbox SET sent_at = :now, attempts = attempts + 1, last_error = NULL WHERE id = :id")
                        .param("now", OffsetDateTime.now(clock)).param("id", item.id()).update();
                sent++;
            } catch (Exception e) {
                failed++;
                long backoff = Math.min(60, 1L << Math.min(item.attempts(), 6));
                String error = String.valueOf(e.getMessage());
                log.warn("Outbox item {} ({} to {}) failed: {}", item.id(), item.channel(), item.target(), error);
                jdbc.sql("UPDATE outbox SET attempts = attempts + 1, last_error = :err, next_attempt_at = :next WHERE id = :id")
                        .param("err", error.length() > 500 ? error.substring(0, 500) : error)
                        .param("next", OffsetDateTime.now(clock).plusMinutes(backoff)).param("id", item.id()).update();
            }
        }
        return new Result(sent, failed);
    }

    private void mail(Item item) throws Exception {
        JavaMailSender sender = mail.getObject();
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(item.target());
        helper.setSubject(item.subject() == null ? "ServiceLoop" : item.subject());
        helper.setText(item.payload(), false);
        sender.send(message);
    }

    private void post(Item item) throws Exception {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(item.target())).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-ServiceLoop-Event", item.subject())
                .header("X-ServiceLoop-Delivery", Long.toString(item.id()))
                .header("X-ServiceLoop-Timestamp", Long.toString(timestamp))
                .header("X-ServiceLoop-Signature", Webhooks.sign(webhooks.secret(item.webhookId()), timestamp, item.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(item.payload(), StandardCharsets.UTF_8)).build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
    }
}
