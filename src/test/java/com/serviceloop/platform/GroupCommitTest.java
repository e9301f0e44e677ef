package com.serviceloop.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** The group-commit queue on its own: batching, a faulty item, and shutdown, with a stand-in for the database. */
class GroupCommitTest {
    /** Counts commits and rollbacks instead of talking to a database. */
    static final class CountingTransactions implements PlatformTransactionManager {
        final AtomicInteger commits = new AtomicInteger();
        final AtomicInteger rollbacks = new AtomicInteger();

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
            commits.incrementAndGet();
        }

        @Override
        public void rollback(TransactionStatus status) {
            rollbacks.incrementAndGet();
        }
    }

    /**
     * "Stores" numbers: answers ten times each, refuses negative ones, finds the database unreachable
     * for 0, and can be held at the first batch.
     */
    static final class Numbers extends GroupCommit<Integer, Integer> {
        final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch firstBatchHeld = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        Numbers(CountingTransactions tx, boolean holdFirst) {
            super("numbers", new TransactionTemplate(tx), 1, 1000, 50);
            if (!holdFirst) {
                release.countDown();
            }
        }

        @Override
        protected List<Integer> insert(List<Integer> items) {
            batches.add(List.copyOf(items));
            firstBatchHeld.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (items.contains(0)) {
                throw new CannotGetJdbcConnectionException("Connection is not available, request timed out after 2000ms");
            }
            if (items.stream().anyMatch(i -> i < 0)) {
                throw new IllegalArgumentException("negative");
            }
            return items.stream().map(i -> i * 10).toList();
        }

        @Override
        protected RuntimeException refused(RuntimeException e) {
            return new BadInputException("number", "Refused: " + e.getMessage());
        }
    }

    private final CountingTransactions tx = new CountingTransactions();
    private final ExecutorService callers = Executors.newFixedThreadPool(40);
    private Numbers numbers;

    @AfterEach
    void tearDown() {
        callers.shutdownNow();
        if (numbers != null && numbers.isRunning()) {
            numbers.release.countDown();
            numbers.stop();
        }
    }

    private List<Future<Integer>> writeAll(int from, int to) {
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = from; i < to; i++) {
            int n = i;
            results.add(callers.submit(() -> numbers.write(n)));
        }
        return results;
    }

    @Test
    void writesArrivingTogetherShareATransactionAndEachGetsItsOwnAnswer() throws Exception {
        numbers = new Numbers(tx, true);
        numbers.start();
        Future<Integer> first = callers.submit(() -> numbers.write(1));
        assertThat(numbers.firstBatchHeld.await(5, TimeUnit.SECONDS)).isTrue();
        List<Future<Integer>> others = writeAll(2, 41); // queue up while the first batch is held
        Thread.sleep(200);
        numbers.release.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(10);
        for (int i = 0; i < others.size(); i++) {
            assertThat(others.get(i).get(5, TimeUnit.SECONDS)).isEqualTo((i + 2) * 10);
        }
        int stored = numbers.batches.stream().mapToInt(List::size).sum();
        assertThat(stored).isEqualTo(40);
        assertThat(numbers.batches.size()).isLessThan(40);
        assertThat(tx.commits.get()).isEqualTo(numbers.batches.size());
    }

    @Test
    void aFaultyItemIsRefusedAloneAndTheRestOfItsBatchIsStored() {
        numbers = new Numbers(tx, false);
        List<GroupCommit.Pending<Integer, Integer>> batch = List.of(new GroupCommit.Pending<>(3),
                new GroupCommit.Pending<>(-1), new GroupCommit.Pending<>(4));
        numbers.flush(batch);

        assertThat(batch.get(0).result().join()).isEqualTo(30);
        assertThat(batch.get(2).result().join()).isEqualTo(40);
        assertThatThrownBy(() -> batch.get(1).result().join()).hasCauseInstanceOf(BadInputException.class)
                .hasMessageContaining("Refused: negative");
        assertThat(tx.rollbacks.get()).isEqualTo(2); // the whole batch, then the faulty item alone
        assertThat(tx.commits.get()).isEqualTo(2);
    }

    /** One by one, each item would wait out the pool's timeout again: 200 items, 200 × 2 s. */
    @Test
    void anUnreachableDatabaseFailsTheWholeBatchAtOnce() {
        numbers = new Numbers(tx, false);
        List<GroupCommit.Pending<Integer, Integer>> batch = List.of(new GroupCommit.Pending<>(5),
                new GroupCommit.Pending<>(0), new GroupCommit.Pending<>(6));
        numbers.flush(batch);

        for (GroupCommit.Pending<Integer, Integer> p : batch) {
            assertThatThrownBy(() -> p.result().join()).hasCauseInstanceOf(CannotGetJdbcConnectionException.class);
        }
        assertThat(numbers.batches).hasSize(1);
        assertThat(tx.commits.get()).isZero();
    }

    @Test
    void stoppingStoresEverythingQueuedAndLaterWritesAreStoredDirectly() throws Exception {
        numbers = new Numbers(tx, true);
        numbers.start();
        Future<Integer> first = callers.submit(() -> numbers.write(1));
        assertThat(numbers.firstBatchHeld.await(5, TimeUnit.SECONDS)).isTrue();
        List<Future<Integer>> queued = writeAll(2, 21);
        Thread.sleep(200);
        Future<?> stopping = callers.submit((Runnable) numbers::stop);
        numbers.release.countDown();
        stopping.get(10, TimeUnit.SECONDS);

        assertThat(first.get()).isEqualTo(10);
        for (int i = 0; i < queued.size(); i++) {
            assertThat(queued.get(i).get(1, TimeUnit.SECONDS)).isEqualTo((i + 2) * 10);
        }
        assertThat(numbers.isRunning()).isFalse();
        assertThat(numbers.write(7)).isEqualTo(70); // after shutdown: its own transaction, no queue
        assertThatThrownBy(() -> numbers.write(-7)).isInstanceOf(BadInputException.class);
    }
}
