package com.serviceloop.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ties an object to the row that names it. The object is written first, inside the row's transaction
 * and before its commit, so a committed row never names a missing object; if the transaction rolls
 * back, the object is removed again, so no object stays that no row names.
 */
public final class ObjectStoreTransactions {
    private static final Logger log = LoggerFactory.getLogger(ObjectStoreTransactions.class);

    private ObjectStoreTransactions() {
    }

    /** Stores the content now and deletes it again if the current transaction does not commit. */
    public static void putUndoneOnRollback(ObjectStore store, String key, byte[] content, String contentType) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("An object named by a row is written inside the row's transaction");
        }
        store.put(key, content, contentType);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                // STATUS_UNKNOWN (the commit's answer was lost) keeps the object: the row may have been committed
                if (status == STATUS_ROLLED_BACK) {
                    deleteQuietly(store, key);
                }
            }
        });
    }

    /** After the answer is decided a failure here must not change it: the object is only left over, and logged. */
    private static void deleteQuietly(ObjectStore store, String key) {
        try {
            store.delete(key);
        } catch (RuntimeException e) {
            log.warn("Object {} of a rolled-back transaction is left in the store: {}", key, e.getMessage());
        }
    }
}
