package com.serviceloop.platform;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bucket4j's buckets in the table rate_limit, on its compare-and-swap extension point: Bucket4j's
 * own PostgreSQL backend does not run on H2, this portable SQL runs on both. A swap is one
 * autocommitted UPDATE guarded by the state read before it (or an INSERT of a new key), so no row
 * lock is held while Bucket4j computes; a lost race is retried by Bucket4j from a fresh read.
 * Callers must not be inside a transaction: a duplicate-key INSERT would abort it on PostgreSQL.
 */
final class JdbcBuckets extends AbstractCompareAndSwapBasedProxyManager<String> {
    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcBuckets(JdbcClient jdbc, Clock clock, ClientSideConfig config) {
        super(config);
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        return new CompareAndSwapOperation() {
            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                return jdbc.sql("SELECT state FROM rate_limit WHERE bucket_key = :k").param("k", key)
                        .query(byte[].class).optional();
            }

            @Override
            public boolean compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState,
                                          Optional<Long> timeoutNanos) {
                OffsetDateTime expires = expiresAt(newState);
                if (originalData == null) {
                    try {
                        jdbc.sql("INSERT INTO rate_limit (bucket_key, state, expires_at) VALUES (:k, :s, :e)")
                                .param("k", key).param("s", newData).param("e", expires).update();
                        return true;
                    } catch (DuplicateKeyException e) {
                        return false; // another request or instance created it first
                    }
                }
                return jdbc.sql("UPDATE rate_limit SET state = :s, expires_at = :e WHERE bucket_key = :k AND state = :o")
                        .param("s", newData).param("e", expires).param("k", key).param("o", originalData).update() == 1;
            }
        };
    }

    private OffsetDateTime expiresAt(RemoteBucketState state) {
        long ttl = getClientSideConfig().getExpirationAfterWriteStrategy()
                .orElse(ExpirationAfterWriteStrategy.none()).calculateTimeToLiveMillis(state, currentTimeNanos());
        // "none" answers -1: such a row is kept for a day, long after any bucket here is full again
        return OffsetDateTime.now(clock).plus(ttl < 0 ? 86_400_000L : ttl, ChronoUnit.MILLIS);
    }

    @Override
    public void removeProxy(String key) {
        jdbc.sql("DELETE FROM rate_limit WHERE bucket_key = :k").param("k", key).update();
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException("JDBC buckets are synchronous");
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        throw new UnsupportedOperationException("JDBC buckets are synchronous");
    }
}
