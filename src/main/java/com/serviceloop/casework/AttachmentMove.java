package com.serviceloop.casework;

import com.serviceloop.platform.ObjectStore;
import com.serviceloop.platform.StoreUnavailableException;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves the attachments stored in the database before V19 into the object store, a few rows at a
 * time, soon after start-up and then now and then (a store that was down is caught up with later).
 * Safe however often and on however many instances it runs: ShedLock lets one instance at a time
 * do it; each row's object has a key fixed by the row's id, so a second copy only overwrites the
 * same bytes; and a row is switched to its object by one UPDATE that only changes a row not yet
 * moved, in its own transaction, after the object is stored.
 */
@Component
class AttachmentMove {
    static final int BATCH = 20;
    private static final Logger log = LoggerFactory.getLogger(AttachmentMove.class);
    private final JdbcClient jdbc;
    private final ObjectStore store;

    AttachmentMove(JdbcClient jdbc, ObjectStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    private record Old(long id, long caseId, String contentType, byte[] content) {
    }

    @Scheduled(initialDelayString = "PT30S", fixedDelayString = "${serviceloop.storage.move-interval:PT1H}")
    @SchedulerLock(name = "attachment-move", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5S")
    public void run() {
        moveAll();
    }

    /** The number of rows this call moved; stops at the first failure of the store, to try again next time. */
    int moveAll() {
        int moved = 0;
        long after = 0;
        List<Long> ids;
        try {
            do {
                ids = jdbc.sql("SELECT id FROM case_attachment WHERE object_key IS NULL AND id > :after ORDER BY id "
                        + "LIMIT " + BATCH).param("after", after).query(Long.class).list();
                for (long id : ids) {
                    moved += move(id) ? 1 : 0;
                    after = id;
                }
            } while (ids.size() == BATCH);
        } catch (StoreUnavailableException e) {
            log.warn("Moving attachments into the object store paused after {} rows: {}", moved, e.getMessage());
            return moved;
        }
        if (moved > 0) {
            log.info("Moved {} case attachments from the database into the object store", moved);
        }
        return moved;
    }

    /** One row at a time, so that memory holds one file (up to 10 MB), not a batch of them. */
    private boolean move(long id) {
        var old = jdbc.sql("SELECT id, case_id, content_type, content FROM case_attachment WHERE id = :id AND object_key IS NULL")
                .param("id", id).query((rs, i) -> new Old(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBytes(4)))
                .optional();
        if (old.isEmpty()) {
            return false;
        }
        String key = key(old.get().caseId(), id);
        store.put(key, old.get().content(), old.get().contentType());
        return jdbc.sql("UPDATE case_attachment SET object_key = :key, content = NULL WHERE id = :id AND object_key IS NULL")
                .param("key", key).param("id", id).update() == 1;
    }

    static String key(long caseId, long attachmentId) {
        return "cases/" + caseId + "/moved-" + attachmentId;
    }
}
