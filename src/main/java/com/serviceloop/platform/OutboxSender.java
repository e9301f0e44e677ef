package com.serviceloop.platform;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds, each channel through its {@link OutboxTransport}. A failure is
 * retried with a growing pause (1, 2, 4 ... minutes, at most an hour) up to ten times. A channel
 * that is not ready (no mail server configured) keeps its messages until it is.
 */
@Component
public class OutboxSender {
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int MAX_ATTEMPTS = 10;
    private static final int BATCH = 200;
    private final Outbox outbox;
    private final Map<String, OutboxTransport> transports;
    private final Clock clock;

    public OutboxSender(Outbox outbox, List<OutboxTransport> transports, Clock clock) {
        this.outbox = outbox;
        this.transports = transports.stream().collect(Collectors.toMap(OutboxTransport::channel, Function.identity()));
        this.clock = clock;
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
        outbox.forgetSentBefore(OffsetDateTime.now(clock).minusDays(30));
        return new Result(sent, failed);
    }

    private Result sendBatch() {
        List<String> ready = transports.values().stream().filter(OutboxTransport::ready).map(OutboxTransport::channel).toList();
        if (ready.isEmpty()) {
            return new Result(0, 0);
        }
        int sent = 0;
        int failed = 0;
        for (Outbox.Item item : outbox.due(OffsetDateTime.now(clock), ready, MAX_ATTEMPTS, BATCH)) {
            try {
                transports.get(item.channel()).deliver(item);
                outbox.sent(item.id(), OffsetDateTime.now(clock));
                sent++;
            } catch (Exception e) {
                failed++;
                long backoff = Math.min(60, 1L << Math.min(item.attempts(), 6));
                String error = String.valueOf(e.getMessage());
                log.warn("Outbox item {} ({} to {}) failed: {}", item.id(), item.channel(), item.target(), error);
                outbox.failed(item.id(), error, OffsetDateTime.now(clock).plusMinutes(backoff));
            }
        }
        return new Result(sent, failed);
    }
}
