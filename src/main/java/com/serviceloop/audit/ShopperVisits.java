package com.serviceloop.audit;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.ObjectStore;
import com.serviceloop.platform.ObjectStoreTransactions;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A shopper's own visits: read, answer item by item (replayable with the client's key, as audits), give the
 * proof of visit (receipt photo, time, where), submit, and correct and resubmit what a reviewer returned.
 * Every read is by the shopper's id, so another shopper's visit is not found.
 */
@Service
public class ShopperVisits {
    private final MysteryRepository repo;
    private final MysteryVisits visits;
    private final MysteryProgrammes programmes;
    private final AuditForms forms;
    private final ObjectStore store;
    private final Clock clock;
    private final ZoneId zone;
    private final long maxBytes;

    ShopperVisits(MysteryRepository repo, MysteryVisits visits, MysteryProgrammes programmes, AuditForms forms,
                  ObjectStore store, Clock clock, @Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone,
                  @Value("${serviceloop.audits.max-photo-bytes:5242880}") long maxBytes) {
        this.repo = repo;
        this.visits = visits;
        this.programmes = programmes;
        this.forms = forms;
        this.store = store;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
        this.maxBytes = maxBytes;
    }

    public List<ShopperVisit> mine(AppUser shopper) {
        return repo.ofShopper(shopper.id()).stream().map(v -> view(v, false)).toList();
    }

    public ShopperVisit get(AppUser shopper, long id) {
        return view(own(shopper, id), true);
    }

    private MysteryVisit own(AppUser shopper, long id) {
        return repo.findOfShopper(shopper.id(), id).orElseThrow(() -> new NotFoundException("Mystery visit", id));
    }

    private ShopperVisit view(MysteryVisit v, boolean whole) {
        MysteryProgramme p = programmes.get(v.programmeId());
        MysteryProgramme.MysteryScenario scenario = p.scenarios().stream().filter(s -> v.scenarioId() != null
                && s.id() == v.scenarioId()).findFirst().orElse(null);
        List<ShopperVisit.ShopperSection> sections = List.of();
        List<ShopperVisit.ShopperAnswer> given = List.of();
        int required = 0;
        int done = 0;
        if (whole) {
            FormVersion form = forms.version(v.formVersionId());
            sections = form.sections().stream().map(s -> new ShopperVisit.ShopperSection(s.areaCode(), s.areaNameEn(),
                    s.areaNameZh(), s.items().stream().filter(i -> !i.answerType().upload()).toList()))
                    .filter(s -> !s.items().isEmpty()).toList();
            given = repo.answers(v.id()).stream().map(a -> new ShopperVisit.ShopperAnswer(a.itemId(), a.choice(), a.scale(),
                    a.measured(), a.text(), a.notApplicable())).toList();
            Set<Long> answered = given.stream().map(ShopperVisit.ShopperAnswer::itemId).collect(Collectors.toSet());
            List<FormItem> req = MysteryVisits.required(form);
            required = req.size();
            done = (int) req.stream().filter(i -> answered.contains(i.id())).count();
        }
        return new ShopperVisit(v.id(), v.programmeName(), v.outletName(), v.plannedOn(), p.windowTo(), v.status(),
                v.visitedAt(), v.latitude(), v.longitude(), v.hasReceipt(), v.status().equals("RETURNED")
                ? v.reviewComment() : null, scenario, sections, given, required, done);
    }

    /** The visit locked, still open to the shopper (assigned, or returned for correction). */
    private MysteryVisit open(AppUser shopper, long id) {
        own(shopper, id);
        repo.lock(id);
        MysteryVisit v = own(shopper, id);
        if (!v.open()) {
            throw ConflictException.of("error.mystery.notOpen", String.valueOf(id));
        }
        return v;
    }

    @Transactional
    public ShopperVisit.ShopperAnswer answer(AppUser shopper, long id, AnswerForm f) {
        MysteryVisit v = open(shopper, id);
        FormItem item = forms.version(v.formVersionId()).items().filter(i -> i.id() == f.itemId()).findFirst()
                .orElseThrow(() -> BadInputException.of("itemId", "error.audit.unknownItem", String.valueOf(f.itemId())));
        Optional<Answer> stored = repo.answer(id, item.id());
        if (stored.isEmpty() || !stored.get().idempotencyKey().equals(f.key())) {
            boolean na = Boolean.TRUE.equals(f.notApplicable());
            Double score = AuditAnswers.checked(item, f, na);
            repo.saveAnswer(stored.isPresent(), id, item.id(), f, na, score, shopper.id(), now());
        }
        Answer a = repo.answer(id, item.id()).orElseThrow();
        return new ShopperVisit.ShopperAnswer(a.itemId(), a.choice(), a.scale(), a.measured(), a.text(), a.notApplicable());
    }

    /** When the visit took place, inside the programme's window and not in the future; where, if the phone told. */
    @Transactional
    public ShopperVisit visitTime(AppUser shopper, long id, MysteryVisitTimeForm f) {
        MysteryVisit v = open(shopper, id);
        MysteryProgramme p = programmes.get(v.programmeId());
        var day = f.visitedAt().atZoneSameInstant(zone).toLocalDate();
        if (f.visitedAt().isAfter(OffsetDateTime.now(clock).plusMinutes(5)) || day.isBefore(p.windowFrom())
                || day.isAfter(p.windowTo())) {
            throw BadInputException.of("visitedAt", "error.mystery.visitedAt", p.windowFrom(), p.windowTo());
        }
        if ((f.latitude() == null) != (f.longitude() == null)) {
            throw BadInputException.of(f.latitude() == null ? "latitude" : "longitude", "error.mystery.bothCoordinates");
        }
        repo.saveVisitTime(id, f.visitedAt(), scaled(f.latitude()), scaled(f.longitude()));
        return get(shopper, id);
    }

    private static BigDecimal scaled(BigDecimal b) {
        return b == null ? null : b.setScale(6, RoundingMode.HALF_UP);
    }

    /** The receipt photo (JPEG, PNG, WebP, GIF) through the object store, as audit photos; a new one replaces the last. */
    @Transactional
    public ShopperVisit receipt(AppUser shopper, long id, InputStream in) throws IOException {
        open(shopper, id);
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw BadInputException.of("file", "error.audit.photoTooLarge", String.valueOf(maxBytes / 1024));
        }
        String type = AuditAnswers.sniff(bytes);
        if (type == null) {
            throw BadInputException.of("file", "error.audit.notImage");
        }
        String key = "mystery/" + id + "/" + UUID.randomUUID() + "." + type.substring(6);
        String replaced = repo.saveReceipt(id, key, type);
        ObjectStoreTransactions.putUndoneOnRollback(store, key, bytes, type);
        if (replaced != null) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    store.delete(replaced);
                }
            });
        }
        return get(shopper, id);
    }

    /** Proof of visit first (receipt and visit time), then every required item; the score is kept by the audit rules. */
    @Transactional
    public ShopperVisit submitVisit(AppUser shopper, long id) {
        MysteryVisit v = open(shopper, id);
        if (!v.hasReceipt()) {
            throw BadInputException.of("receipt", "error.mystery.noReceipt");
        }
        if (v.visitedAt() == null) {
            throw BadInputException.of("visitedAt", "error.mystery.noVisitTime");
        }
        MysteryVisitView view = visits.view(v);
        Set<Long> answered = view.answers().stream().map(Answer::itemId).collect(Collectors.toSet());
        List<String> missing = MysteryVisits.required(view.form()).stream().filter(i -> !answered.contains(i.id()))
                .map(FormItem::text).toList();
        if (!missing.isEmpty()) {
            throw BadInputException.of("answers", "error.audit.unanswered", String.valueOf(missing.size()),
                    String.join("; ", missing.subList(0, Math.min(3, missing.size()))));
        }
        repo.submit(id, view.scorecard().overall(), view.scorecard().result(), now());
        return get(shopper, id);
    }

    /** The receipt image, for the shopper's own visit. */
    public AuditAnswers.PhotoContent receiptOf(AppUser shopper, long id) {
        own(shopper, id);
        return receiptContent(id);
    }

    AuditAnswers.PhotoContent receiptContent(long id) {
        MysteryRepository.Receipt r = repo.receipt(id).orElseThrow(() -> new NotFoundException("Receipt", id));
        byte[] bytes = store.get(r.objectKey()).orElseThrow(() -> new NotFoundException("Receipt", id));
        return new AuditAnswers.PhotoContent(r.contentType(), bytes);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
