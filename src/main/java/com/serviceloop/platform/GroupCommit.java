package com.serviceloop.platform;

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
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for a hot insert path. Many small writes arriving at once (survey answers from a
 * busy QR code, cases recorded at 500 counters) each spend most of their database time on the
 * transaction itself and wait for a pooled connection. Here request threads hand their item to a
 * queue and wait; a writer takes everything queued (up to {@code maxBatch}), inserts it in one
 * transaction and answers each request after the commit, so nothing acknowledged can be lost.
 * When a batch fails, its items are inserted one by one so that only the faulty one is refused —
 * unless the database was unreachable: then the whole batch is refused at once (see
 * {@link DatabaseOutage}), since one by one each item would wait out the pool's timeout again.
 *
 * Each instance batches its own requests; constraints in the database hold across instances.
 *
 * @param <T> what is inserted
 * @param <R> what the caller gets back for it
 */
public abstract class GroupCommit<T, R> implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    private final String name;
    private final TransactionTemplate tx;
    private final BlockingQueue<Pending<T, R>> queue;
    private final int writers;
    private final int maxBatch;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    /** An item waiting for its batch, and the answer its request thread waits for. */
    public record Pending<T, R>(T item, CompletableFuture<R> result) {
        public Pending(T item) {
            this(item, new CompletableFuture<>());
        }
    }

    protected GroupCommit(String name, TransactionTemplate tx, int writers, int capacity, int maxBatch) {
        this.name = name;
        this.tx = tx;
        this.writers = writers;
        this.maxBatch = maxBatch;
        this.queue = new LinkedBlockingQueue<>(capacity);
    }

    /** Inserts the items, in the current transaction; answers one result per item, in order. */
    protected abstract List<R> insert(List<T> items);

    /** What the caller sees when its item alone fails (e.g. a duplicate key becomes a 409). */
    protected RuntimeException refused(RuntimeException e) {
        return e;
    }

    /** Inserts the item together with whatever else is waiting; answers once that is committed. */
    public R write(T item) {
        Pending<T, R> p = new Pending<>(item);
        if (!running || !queue.offer(p)) {
            return insertAlone(item); // shutting down, or the queue is full: do not turn the caller away
        }
        if (!running && queue.remove(p)) {
            return insertAlone(item); // stopped meanwhile, and no writer will take it any more
        }
        try {
            return p.result().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            // not acknowledged, so the client sends it again (a replay of a stored one is refused by its key)
            throw new TransientDataAccessResourceException(name + ": not stored in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + ": interrupted while storing", e);
        }
    }

    /** Inserts the item in the caller's transaction (or on its own without one). */
    public R store(T item) {
        return insert(List.of(item)).getFirst();
    }

    private R insertAlone(T item) {
        try {
            return tx.execute(status -> store(item));
        } catch (RuntimeException e) {
            throw refused(e);
        }
    }

    /** Inserts the batch in one transaction; if that fails, each item alone. Completes every item. */
    public void flush(List<Pending<T, R>> batch) {
        try {
            List<R> results = tx.execute(status -> insert(batch.stream().map(Pending::item).toList()));
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(results.get(i));
            }
        } catch (RuntimeException e) {
            if (DatabaseOutage.isCause(e)) {
                batch.forEach(p -> p.result().completeExceptionally(e));
                return;
            }
            if (batch.size() == 1) {
                batch.getFirst().result().completeExceptionally(refused(e));
                return;
            }
            for (Pending<T, R> p : batch) {
                flush(List.of(p));
            }
        }
    }

    private void run() {
        List<Pending<T, R>> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending<T, R> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                flush(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("{}: a batch of {} failed", name, batch.size(), e);
                batch.forEach(p -> p.result().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < writers; i++) {
            threads.add(Thread.ofPlatform().daemon().name(name + "-" + i).start(this::run));
        }
    }

    /** Stops taking new work, inserts everything already queued, then returns. */
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
