package com.serviceloop.casework;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.FileTypes;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.ObjectStore;
import com.serviceloop.platform.ObjectStoreTransactions;
import com.serviceloop.platform.Rows;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Photos and documents on a case. The type is read from the file's first bytes, not from its name
 * or the browser's claim, and only images and PDFs are kept. The bytes live in the object store under
 * {@code cases/{caseId}/…}; rows from before V19 still hold them in {@code content} until
 * {@link AttachmentMove} has moved them.
 */
@Service
class Attachments {
    public static final int MAX_PER_CASE = 20;
    private static final Logger log = LoggerFactory.getLogger(Attachments.class);
    private final JdbcClient jdbc;
    private final ObjectStore store;
    private final CaseService cases;
    private final CaseJournal journal;
    private final Clock clock;
    private final long maxBytes;

    public Attachments(JdbcClient jdbc, ObjectStore store, CaseService cases, CaseJournal journal, Clock clock,
                       @Value("${serviceloop.cases.max-attachment-bytes:10485760}") long maxBytes) {
        this.jdbc = jdbc;
        this.store = store;
        this.cases = cases;
        this.journal = journal;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    public record Attachment(long id, long caseId, String fileName, String contentType, int sizeBytes,
                             long uploadedBy, OffsetDateTime uploadedAt) {
    }

    public record Content(Attachment attachment, byte[] bytes) {
    }

    @Transactional
    public Attachment add(AppUser user, long caseId, String fileName, InputStream in) throws IOException {
        SupportCase c = cases.get(user, caseId);
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length == 0) {
            throw BadInputException.of("file", "error.casework.fileEmpty");
        }
        if (bytes.length > maxBytes) {
            throw BadInputException.of("file", "error.casework.fileTooLarge", String.valueOf(maxBytes / (1024 * 1024)));
        }
        String type = FileTypes.sniff(bytes);
        if (type == null) {
            throw BadInputException.of("file", "error.casework.fileType");
        }
        if (jdbc.sql("SELECT COUNT(*) FROM case_attachment WHERE case_id = :id").param("id", caseId)
                .query(Long.class).single() >= MAX_PER_CASE) {
            throw BadInputException.of("file", "error.casework.tooManyFiles", String.valueOf(MAX_PER_CASE));
        }
        String name = cleanName(fileName);
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        String key = "cases/" + caseId + "/" + UUID.randomUUID();
        ObjectStoreTransactions.putUndoneOnRollback(store, key, bytes, type);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO case_attachment (case_id, file_name, content_type, size_bytes, object_key, uploaded_by, uploaded_at)
                VALUES (:c, :name, :type, :size, :key, :by, :at)""")
                .param("c", caseId).param("name", name).param("type", type).param("size", bytes.length)
                .param("key", key).param("by", user.id()).param("at", now).update(keys, "id");
        journal.event(c, user.id(), now, "ATTACHED", c.status(), c.status(), name);
        return new Attachment(keys.getKey().longValue(), caseId, name, type, bytes.length, user.id(), now);
    }

    public List<Attachment> list(AppUser user, long caseId) {
        cases.get(user, caseId);
        return jdbc.sql("SELECT id, case_id, file_name, content_type, size_bytes, uploaded_by, uploaded_at "
                        + "FROM case_attachment WHERE case_id = :c ORDER BY id").param("c", caseId)
                .query(Rows.of(Attachment.class)).list();
    }

    public Content get(AppUser user, long caseId, long id) {
        cases.get(user, caseId);
        record Stored(Attachment attachment, String key, byte[] bytes) {
        }
        Stored s = jdbc.sql("SELECT id, case_id, file_name, content_type, size_bytes, uploaded_by, uploaded_at, object_key, "
                        + "CASE WHEN object_key IS NULL THEN content END FROM case_attachment WHERE id = :id AND case_id = :c")
                .param("id", id).param("c", caseId)
                .query((rs, i) -> new Stored(new Attachment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getLong(6), rs.getObject(7, OffsetDateTime.class)), rs.getString(8), rs.getBytes(9)))
                .optional().orElseThrow(() -> new NotFoundException("Attachment", id));
        if (s.key() == null) {
            return new Content(s.attachment(), s.bytes());
        }
        return new Content(s.attachment(), store.get(s.key()).orElseThrow(() -> {
            // the row outlived its object (a store restored from an older backup, a bucket emptied by hand)
            log.error("Attachment {} of case {} names object {}, which is not in the store", id, caseId, s.key());
            return new NotFoundException("Attachment", id);
        }));
    }

    /** Keeps the name readable but safe in a Content-Disposition header and in HTML. */
    static String cleanName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>]", "").strip();
        if (base.isEmpty()) {
            base = "attachment";
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }
}
