package com.serviceloop.audit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.standard.Standard;
import com.serviceloop.standard.StandardArea;
import com.serviceloop.standard.StandardService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audit forms built from the standards: a new form starts as a draft with one section per area and one
 * item per standard in force; the author edits the draft, and publishing freezes it as a version with
 * each item tied to the standard version it was published with.
 */
@Service
public class AuditForms {
    private final FormRepository repo;
    private final StandardService standards;
    private final Clock clock;
    private final Cache<Long, FormVersion> published = Caffeine.newBuilder().maximumSize(1_000)
            .expireAfterAccess(Duration.ofHours(1)).build();

    public AuditForms(FormRepository repo, StandardService standards, Clock clock) {
        this.repo = repo;
        this.standards = standards;
        this.clock = clock;
    }

    public List<AuditForm> list(String outletType) {
        return repo.list(outletType);
    }

    public Optional<AuditForm> find(long id) {
        return repo.form(id);
    }

    public AuditForm get(long id) {
        return repo.form(id).orElseThrow(() -> new NotFoundException("Audit form", id));
    }

    @Transactional
    public FormVersion create(AppUser user, NewForm f) {
        List<Standard> inForce = standards.list(f.outletType(), false);
        if (inForce.isEmpty()) {
            throw BadInputException.of("outletType", "error.audit.noStandards", f.outletType());
        }
        long formId = repo.insertForm(f.outletType(), f.name().strip(), user.id(), OffsetDateTime.now(clock));
        long versionId = repo.insertVersion(formId, 1);
        Map<String, List<Standard>> byArea = inForce.stream().collect(Collectors.groupingBy(Standard::areaCode));
        int order = 0;
        for (StandardArea area : standards.areas()) {
            List<Standard> items = byArea.get(area.code());
            if (items == null) {
                continue;
            }
            long sectionId = repo.insertSection(versionId, area.code(), BigDecimal.ONE, order++);
            int at = 0;
            for (Standard s : items.stream().sorted(Comparator.comparingInt(Standard::priorityRank)
                    .thenComparingLong(Standard::id)).toList()) {
                boolean measured = s.targetValue() != null && s.targetUnit() != null;
                repo.insertItem(versionId, sectionId, new FormItem(0, sectionId, s.id(), null, s.blueprintStepId(),
                        s.behaviour(), measured ? AnswerType.MEASURED : AnswerType.MET, s.targetValue(), s.targetUnit(),
                        BigDecimal.ONE, false, false, true, at++));
            }
        }
        return version(versionId);
    }

    /** The draft, or when there is none the latest published version, which the next save starts from. */
    public FormVersion draft(long formId) {
        get(formId);
        return version(repo.versionId(formId, "DRAFT").orElseGet(() -> latest(formId).id()));
    }

    public FormVersion published(long formId, int versionNo) {
        get(formId);
        return repo.versionId(formId, versionNo).map(this::version).filter(v -> v.status().equals("PUBLISHED"))
                .orElseThrow(() -> new NotFoundException("Audit form version", formId + "/" + versionNo));
    }

    /** The version new audits use. */
    public FormVersion latest(long formId) {
        get(formId);
        return repo.versionId(formId, "PUBLISHED").map(this::version)
                .orElseThrow(() -> BadInputException.of("formId", "error.audit.notPublished", String.valueOf(formId)));
    }

    /**
     * A published version never changes, and every answer, upload and submission reads its audit's version: it is
     * kept in memory (safe on every instance), drafts are read afresh.
     */
    public FormVersion version(long versionId) {
        FormVersion cached = published.getIfPresent(versionId);
        if (cached != null) {
            return cached;
        }
        FormVersion v = repo.version(versionId, standards.areas())
                .orElseThrow(() -> new NotFoundException("Audit form version", versionId));
        if ("PUBLISHED".equals(v.status())) {
            published.put(versionId, v);
        }
        return v;
    }

    @Transactional
    public FormVersion saveDraft(AppUser user, long formId, DraftForm f) {
        AuditForm form = get(formId);
        long versionId = repo.versionId(formId, "DRAFT").orElseGet(() -> copyOfPublished(formId));
        if (!repo.touch(formId, f.version(), f.name().strip())) {
            throw ConflictException.of("error.audit.formChanged", String.valueOf(formId));
        }
        repo.clearDraft(versionId);
        Set<String> areas = standards.areas().stream().map(StandardArea::code).collect(Collectors.toSet());
        Set<String> seenAreas = new HashSet<>();
        Set<Long> seenStandards = new HashSet<>();
        for (int i = 0; i < f.sections().size(); i++) {
            DraftForm.Section s = f.sections().get(i);
            String at = "sections[" + i + "]";
            if (!areas.contains(s.areaCode())) {
                throw BadInputException.of(at + ".areaCode", "error.standard.unknownArea", s.areaCode());
            }
            if (!seenAreas.add(s.areaCode())) {
                throw BadInputException.of(at + ".areaCode", "error.audit.areaTwice", s.areaCode());
            }
            long sectionId = repo.insertSection(versionId, s.areaCode(), s.weight(), i);
            for (int j = 0; j < s.items().size(); j++) {
                repo.insertItem(versionId, sectionId, item(form, s, s.items().get(j), sectionId, j,
                        at + ".items[" + j + "]", seenStandards));
            }
        }
        return version(versionId);
    }

    private FormItem item(AuditForm form, DraftForm.Section section, DraftForm.Item d, long sectionId, int order,
                          String at, Set<Long> seen) {
        String text = d.text() == null || d.text().isBlank() ? null : d.text().strip();
        if (d.critical() && !d.answerType().scored()) {
            throw BadInputException.of(at + ".critical", "error.audit.criticalUnscored");
        }
        if (d.standardId() == null) {
            if (text == null) {
                throw BadInputException.of(at + ".text", "error.audit.itemText");
            }
            boolean measured = d.answerType() == AnswerType.MEASURED;
            if (measured && (d.targetValue() == null || d.targetUnit() == null)) {
                throw BadInputException.of(at + (d.targetValue() == null ? ".targetValue" : ".targetUnit"),
                        "error.audit.ownTarget");
            }
            return new FormItem(0, sectionId, null, null, null, text, d.answerType(), measured ? d.targetValue() : null,
                    measured ? d.targetUnit() : null, d.weight(), d.critical(), d.naAllowed(), d.required(), order);
        }
        Standard s = standards.current(d.standardId()).filter(x -> x.outletType().equals(form.outletType())
                        && x.status() == Standard.Status.ACTIVE)
                .orElseThrow(() -> BadInputException.of(at + ".standardId", "error.audit.unknownStandard",
                        String.valueOf(d.standardId()), form.outletType()));
        if (!s.areaCode().equals(section.areaCode())) {
            throw BadInputException.of(at + ".standardId", "error.audit.standardArea", String.valueOf(s.id()), s.areaCode());
        }
        if (!seen.add(s.id())) {
            throw BadInputException.of(at + ".standardId", "error.audit.standardTwice", String.valueOf(s.id()));
        }
        if (d.answerType() == AnswerType.MEASURED && (s.targetValue() == null || s.targetUnit() == null)) {
            throw BadInputException.of(at + ".answerType", "error.audit.measuredWithoutTarget");
        }
        return new FormItem(0, sectionId, s.id(), null, s.blueprintStepId(), text == null ? s.behaviour() : text,
                d.answerType(), s.targetValue(), s.targetUnit(), d.weight(), d.critical(), d.naAllowed(), d.required(), order);
    }

    /** Freezes the draft: each item takes the standard version in force now, with its target and blueprint step. */
    @Transactional
    public FormVersion publish(AppUser user, long formId) {
        get(formId);
        long versionId = repo.versionId(formId, "DRAFT")
                .orElseThrow(() -> ConflictException.of("error.audit.nothingToPublish", String.valueOf(formId)));
        FormVersion draft = version(versionId);
        if (draft.items().noneMatch(i -> i.answerType().scored() && i.weight().signum() > 0)) {
            throw ConflictException.of("error.audit.nothingScored", String.valueOf(formId));
        }
        for (FormItem i : draft.items().filter(i -> i.standardId() != null).toList()) {
            Standard s = standards.current(i.standardId()).filter(x -> x.status() == Standard.Status.ACTIVE)
                    .orElseThrow(() -> ConflictException.of("error.audit.standardRetired", i.text()));
            repo.stamp(i.id(), s.versionId(), s.targetValue(), s.targetUnit() == null ? null : s.targetUnit().name(),
                    s.blueprintStepId());
        }
        repo.publish(versionId, user.id(), OffsetDateTime.now(clock));
        repo.touch(formId, null, null);
        return version(versionId);
    }

    private long copyOfPublished(long formId) {
        FormVersion from = latest(formId);
        long versionId = repo.insertVersion(formId, repo.maxVersionNo(formId) + 1);
        for (FormSection s : from.sections()) {
            long sectionId = repo.insertSection(versionId, s.areaCode(), s.weight(), s.sortOrder());
            for (FormItem i : s.items()) {
                repo.insertItem(versionId, sectionId, i);
            }
        }
        return versionId;
    }
}
