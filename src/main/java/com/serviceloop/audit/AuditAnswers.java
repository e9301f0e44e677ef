package com.serviceloop.audit;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.FileTypes;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.ObjectStore;
import com.serviceloop.platform.ObjectStoreTransactions;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Answers, photos and signatures of an audit in progress. An answer is saved per item as soon as it is
 * given; the client's key makes a repeated sync return the stored answer instead of writing again, so
 * a queue of answers can be replayed safely.
 */
@Service
public class AuditAnswers {
    private static final Pattern CLIENT_KEY = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final Set<String> PHOTO_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");
    private final Audits audits;
    private final AuditForms forms;
    private final AuditRepository repo;
    private final ObjectStore store;
    private final Clock clock;
    private final long maxBytes;

    public AuditAnswers(Audits audits, AuditForms forms, AuditRepository repo, ObjectStore store, Clock clock,
                        @Value("${serviceloop.audits.max-photo-bytes:5242880}") long maxBytes) {
        this.audits = audits;
        this.forms = forms;
        this.repo = repo;
        this.store = store;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    @Transactional
    public Answer answer(AppUser user, long auditId, AnswerForm f) {
        FormItem item = openItem(user, auditId, f.itemId(), "itemId");
        Optional<Answer> stored = repo.answer(auditId, item.id());
        if (stored.isPresent() && stored.get().idempotencyKey().equals(f.key())) {
            return stored.get();
        }
        boolean na = Boolean.TRUE.equals(f.notApplicable());
        Double score = checked(item, f, na);
        repo.saveAnswer(stored.isPresent(), auditId, item.id(), f, na, score, user.id(), now());
        return repo.answer(auditId, item.id()).orElseThrow();
    }

    /** The score of a valid answer; refuses a value of another type's field, out of its range, or missing. */
    static Double checked(FormItem item, AnswerForm f, boolean na) {
        if (na && !item.naAllowed()) {
            throw BadInputException.of("notApplicable", "error.audit.naNotAllowed", item.text());
        }
        AnswerType t = item.answerType();
        only(f.choice(), t == AnswerType.MET && !na, "choice", t);
        only(f.scale(), t == AnswerType.SCALE && !na, "scale", t);
        only(f.measured(), t == AnswerType.MEASURED && !na, "measured", t);
        if (t.upload() && !na) {
            throw BadInputException.of("itemId", "error.audit.uploadItem", item.text());
        }
        if (!na) {
            Object given = switch (t) {
                case MET -> f.choice();
                case SCALE -> f.scale();
                case MEASURED -> f.measured();
                default -> f.text() == null || f.text().isBlank() ? null : f.text();
            };
            if (given == null) {
                String field = switch (t) {
                    case MET -> "choice";
                    case SCALE -> "scale";
                    case MEASURED -> "measured";
                    default -> "text";
                };
                throw BadInputException.of(field, "error.audit.answerMissing", item.text());
            }
        }
        return Scoring.itemScore(item, na, f.choice(), f.scale(), f.measured());
    }

    private static void only(Object value, boolean allowed, String field, AnswerType type) {
        if (value != null && !allowed) {
            throw BadInputException.of(field, "error.audit.wrongField", field, type.name());
        }
    }

    /**
     * A photo (JPEG, PNG, WebP, GIF) on a PHOTO item, or the signature (PNG) on a SIGNATURE item, which replaces the
     * last. {@code clientKey} (optional, as for answers) makes a replayed upload return the photo it stored.
     */
    @Transactional
    public Photo addPhoto(AppUser user, long auditId, long itemId, String clientKey, InputStream in) throws IOException {
        if (clientKey != null && !CLIENT_KEY.matcher(clientKey).matches()) {
            throw BadInputException.of("key", "error.audit.photoKey");
        }
        FormItem item = openItem(user, auditId, itemId, "itemId");
        Optional<Photo> stored = clientKey == null ? Optional.empty() : repo.photoByKey(auditId, clientKey);
        if (stored.isPresent()) {
            return stored.get();
        }
        if (!item.answerType().upload()) {
            throw BadInputException.of("itemId", "error.audit.notUploadItem", item.text());
        }
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw BadInputException.of("file", "error.audit.photoTooLarge", String.valueOf(maxBytes / 1024));
        }
        String type = sniff(bytes);
        if (type == null || item.answerType() == AnswerType.SIGNATURE && !type.equals("image/png")) {
            throw BadInputException.of("file", item.answerType() == AnswerType.SIGNATURE ? "error.audit.signaturePng"
                    : "error.audit.notImage");
        }
        List<String> replaced = item.answerType() == AnswerType.SIGNATURE ? repo.deletePhotos(auditId, itemId) : List.of();
        long id = storePhoto(auditId, itemId, bytes, type, clientKey, user.id(), now());
        // a replaced signature stays in the store until the new one is committed
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                replaced.forEach(store::delete);
            }
        });
        return repo.photos(auditId).stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    /**
     * Keeps a checked image of an item: in the object store (taken back if the transaction rolls back), as a photo row,
     * and as the item's answer if it has none yet. The photo's id.
     */
    long storePhoto(long auditId, long itemId, byte[] bytes, String type, String clientKey, long by, OffsetDateTime at) {
        String key = "audits/" + auditId + "/" + itemId + "/" + UUID.randomUUID() + "." + type.substring(6);
        long id = repo.insertPhoto(auditId, itemId, key, clientKey, type, bytes.length, by, at);
        if (repo.answer(auditId, itemId).isEmpty()) {
            repo.saveAnswer(false, auditId, itemId, new AnswerForm(itemId, "upload-" + id, null, null, null, null, null),
                    false, null, by, at);
        }
        ObjectStoreTransactions.putUndoneOnRollback(store, key, bytes, type);
        return id;
    }

    public record PhotoContent(String contentType, byte[] bytes) {
    }

    public PhotoContent photo(AppUser user, long auditId, long photoId) {
        audits.get(user, auditId);
        String key = repo.photoKey(auditId, photoId).orElseThrow(() -> new NotFoundException("Photo", photoId));
        byte[] bytes = store.get(key).orElseThrow(() -> new NotFoundException("Photo", photoId));
        return new PhotoContent(sniff(bytes), bytes);
    }

    /** The item of an audit still in progress, its row locked so that a submission waits for this answer. */
    private FormItem openItem(AppUser user, long auditId, long itemId, String field) {
        audits.get(user, auditId);
        repo.lock(auditId);
        Audit audit = audits.get(user, auditId);
        if (!audit.status().equals("IN_PROGRESS")) {
            throw ConflictException.of("error.audit.notInProgress", String.valueOf(auditId));
        }
        return forms.version(audit.formVersionId()).items().filter(i -> i.id() == itemId).findFirst()
                .orElseThrow(() -> BadInputException.of(field, "error.audit.unknownItem", String.valueOf(itemId)));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    /** The photo types an audit keeps (not HEIC, which few browsers show, nor PDF); null for anything else. */
    static String sniff(byte[] b) {
        String type = FileTypes.sniff(b);
        return PHOTO_TYPES.contains(type) ? type : null;
    }
}
