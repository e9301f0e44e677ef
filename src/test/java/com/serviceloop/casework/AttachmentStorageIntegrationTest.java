package com.serviceloop.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import com.serviceloop.platform.ObjectStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.transaction.support.TransactionTemplate;

/** Case attachments in the object store (the filesystem one here): new uploads, rollbacks, and the move of old rows. */
class AttachmentStorageIntegrationTest extends ApiTest {
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    @Autowired JdbcClient jdbc;
    @Autowired ObjectStore store;
    @Autowired Attachments attachments;
    @Autowired AttachmentMove move;
    @Autowired TransactionTemplate tx;
    private AppUser staff;
    private String staffToken;
    private long caseId;

    @BeforeEach
    void setUp() throws Exception {
        fixtures.admin();
        Fixtures.Chain chain = fixtures.chain();
        staff = fixtures.person(Role.STAFF, chain.outletA().id(), chain.teamA().id(), null);
        staffToken = token(staff);
        caseId = body(postJson("/api/v1/cases", staffToken, Map.of("outletId", chain.outletA().id(), "channel", "PHONE",
                "caseType", "COMPLAINT", "severity", "MEDIUM", "description", "Broken seal on a syrup bottle"))
                .andExpect(status().isCreated())).get("id").asLong();
    }

    private void download(long attachmentId, byte[] expected) throws Exception {
        mvc.perform(get("/api/v1/cases/" + caseId + "/attachments/" + attachmentId).header("Authorization", "Bearer " + staffToken))
                .andExpect(status().isOk()).andExpect(content().bytes(expected));
    }

    private Map<String, Object> row(long id) {
        return jdbc.sql("SELECT object_key, content FROM case_attachment WHERE id = :id").param("id", id).query().singleRow();
    }

    /** A row as the application wrote them before V19: the bytes in the database, no object key. */
    private long oldRow(byte[] bytes) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO case_attachment (case_id, file_name, content_type, size_bytes, content, uploaded_by, uploaded_at) "
                        + "VALUES (:c, 'old.png', 'image/png', :size, :content, :by, :at)")
                .param("c", caseId).param("size", bytes.length).param("content", bytes).param("by", staff.id())
                .param("at", OffsetDateTime.parse("2026-03-01T09:00:00+08:00")).update(keys, "id");
        return keys.getKey().longValue();
    }

    @Test
    void anUploadIsStoredInTheObjectStoreAndTheRowOnlyNamesIt() throws Exception {
        long id = body(mvc.perform(multipart("/api/v1/cases/" + caseId + "/attachments")
                .file(new MockMultipartFile("file", "seal.png", "image/png", PNG))
                .header("Authorization", "Bearer " + staffToken)).andExpect(status().isCreated())).get("id").asLong();
        Map<String, Object> row = row(id);
        assertThat(row.get("content")).isNull();
        String key = (String) row.get("object_key");
        assertThat(key).matches("cases/" + caseId + "/[0-9a-f-]{36}");
        assertThat(store.get(key)).hasValueSatisfying(b -> assertThat(b).isEqualTo(PNG));
        download(id, PNG);
    }

    @Test
    void anUploadWhoseTransactionRollsBackLeavesNoObjectBehind() {
        String key = tx.execute(status -> {
            try {
                var a = attachments.add(staff, caseId, "seal.png", new ByteArrayInputStream(PNG));
                String k = (String) row(a.id()).get("object_key");
                assertThat(store.get(k)).as("written before the commit").isPresent();
                status.setRollbackOnly();
                return k;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_attachment WHERE case_id = :c").param("c", caseId)
                .query(Long.class).single()).isZero();
        assertThat(store.get(key)).as("removed after the rollback").isEmpty();
    }

    @Test
    void attachmentsFromBeforeTheStoreAreServedThenMovedOnceAndServedFromTheStore() throws Exception {
        byte[] second = PNG.clone();
        second[15] = 'X';
        long first = oldRow(PNG);
        long other = oldRow(second);
        download(first, PNG);

        assertThat(move.moveAll()).isEqualTo(2);
        assertThat(row(first)).containsEntry("content", null)
                .containsEntry("object_key", "cases/" + caseId + "/moved-" + first);
        assertThat(row(other)).containsEntry("content", null);
        assertThat(store.get("cases/" + caseId + "/moved-" + other)).hasValueSatisfying(b -> assertThat(b).isEqualTo(second));
        download(first, PNG);
        download(other, second);
        assertThat(move.moveAll()).as("nothing left to move").isZero();
    }

    @Test
    void twoInstancesMovingAtTheSameTimeMoveEachRowExactlyOnce() throws Exception {
        // 45 rows: two full batches of 20 and one of 5, moved by two callers at once as if ShedLock's lock had lapsed
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            byte[] b = PNG.clone();
            b[15] = (byte) i;
            ids.add(oldRow(b));
        }
        var one = CompletableFuture.supplyAsync(move::moveAll);
        var two = CompletableFuture.supplyAsync(move::moveAll);
        assertThat(one.get() + two.get()).isEqualTo(45);
        for (int i = 0; i < ids.size(); i++) {
            assertThat(row(ids.get(i))).containsEntry("content", null).containsEntry("object_key",
                    AttachmentMove.key(caseId, ids.get(i)));
            byte[] b = PNG.clone();
            b[15] = (byte) i;
            download(ids.get(i), b);
        }
    }
}
