package com.serviceloop.survey;

import com.serviceloop.platform.ConflictException;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores public survey responses by group commit. A QR code at a busy counter or a kiosk sends
 * many small responses at once; one transaction per response spends most of the database's and
 * the connection pool's time on the transaction itself. Request threads hand their response to a
 * queue and wait; a writer takes everything queued (up to {@link #MAX_BATCH}) and stores it in one
 * transaction, then answers each request with its id. A response is acknowledged only after that
 * commit, so nothing acknowledged can be lost; when a batch fails (e.g. a replayed submission
 * key), its responses are stored one by one so that only the faulty one is refused.
 *
 * Each instance batches its own requests; the database's unique key on (link, submission key)
 * keeps replays out across instances.
 */
@Component
class ResponseWriter implements SmartLifecycle {
    static final int MAX_BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(ResponseWriter.class);
    private static final String INSERT_RESPONSE = """
            INSERT INTO survey_response (survey_id, outlet_id, link_token, channel, customer_id, staff_id, language,
                complete, satisfaction, submitted_at, submission_key)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_ANSWER =
            "INSERT INTO survey_answer (response_id, question_id, num_value, text_value) VALUES (?, ?, ?, ?)";

    /** One response as it is stored. */
    record NewResponse(long surveyId, Long outletId, String token, String channel, Long customerId, Long staffId,
                       String language, boolean complete, BigDecimal satisfaction, OffsetDateTime submittedAt,
                       String submissionKey, List<AnswerCheck.Answer> answers) {
    }

    record Pending(NewResponse response, CompletableFuture<Long> id) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final BlockingQueue<Pending> queue;
    private final int writers;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    ResponseWriter(JdbcTemplate jdbc, TransactionTemplate tx,
                   @Value("${serviceloop.surveys.writers:2}") int writers,
                   @Value("${serviceloop.surveys.write-queue:20000}") int capacity) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.writers = writers;
        this.queue = new LinkedBlockingQueue<>(capacity);
    }

    /** Stores the response (in a shared transaction when others are waiting too); answers its id once committed. */
    long write(NewResponse response) {
        Pending p = new Pending(response, new CompletableFuture<>());
        if (!running || !queue.offer(p)) {
            return storeAlone(response); // shutting down, or the queue is full: do not turn the respondent away
        }
        if (!running && queue.remove(p)) {
            return storeAlone(response); // stopped meanwhile, and no writer will take it any more
        }
        try {
            return p.id().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The response could not be stored in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while storing the response", e);
        }
    }

    /** Stores one response in the caller's transaction (or a new one); answers its id. */
    long store(NewResponse response) {
        return insert(List.of(response)).getFirst();
    }

    private long storeAlone(NewResponse response) {
        try {
            return tx.execute(status -> store(response));
        } catch (DuplicateKeyException e) {
            throw alreadyReceived();
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                flush(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Survey response writer failed on a batch of {}", batch.size(), e);
                batch.forEach(p -> p.id().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    /** Stores the batch in one transaction; if that fails, each response alone. Completes every response. */
    void flush(List<Pending> batch) {
        try {
            List<Long> ids = tx.execute(status -> insert(batch.stream().map(Pending::response).toList()));
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).id().complete(ids.get(i));
            }
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.getFirst().id().completeExceptionally(e instanceof DuplicateKeyException ? alreadyReceived() : e);
                return;
            }
            for (Pending p : batch) {
                flush(List.of(p));
            }
        }
    }

    private List<Long> insert(List<NewResponse> rows) {
        var keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(con -> con.prepareStatement(INSERT_RESPONSE, new String[] {"id"}), new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                NewResponse r = rows.get(i);
                ps.setLong(1, r.surveyId());
                ps.setObject(2, r.outletId(), Types.BIGINT);
                ps.setString(3, r.token());
                ps.setString(4, r.channel());
                ps.setObject(5, r.customerId(), Types.BIGINT);
                ps.setObject(6, r.staffId(), Types.BIGINT);
                ps.setString(7, r.language());
                ps.setBoolean(8, r.complete());
                ps.setBigDecimal(9, r.satisfaction());
                ps.setObject(10, r.submittedAt());
                ps.setString(11, r.submissionKey());
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        }, keys);
        List<Long> ids = keys.getKeyList().stream().map(k -> ((Number) k.values().iterator().next()).longValue()).toList();
        if (ids.size() != rows.size()) {
            throw new IllegalStateException("Expected " + rows.size() + " new response ids, got " + ids.size());
        }
        List<Object[]> answers = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            for (AnswerCheck.Answer a : rows.get(i).answers()) {
                answers.add(new Object[] {ids.get(i), a.questionId(), a.number(), a.text()});
            }
        }
        if (!answers.isEmpty()) {
            jdbc.batchUpdate(INSERT_ANSWER, answers, new int[] {Types.BIGINT, Types.BIGINT, Types.NUMERIC, Types.VARCHAR});
        }
        return ids;
    }

    private static ConflictException alreadyReceived() {
        return new ConflictException("This response has already been received");
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < writers; i++) {
            threads.add(Thread.ofPlatform().daemon().name("survey-writer-" + i).start(this::run));
        }
    }

    /** Stops taking new work, stores everything already queued, then returns. */
    @Override
    public void stop() {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Started before and stopped after the web server, so that requests still in flight at shutdown are stored. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
