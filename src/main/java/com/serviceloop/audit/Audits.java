package com.serviceloop.audit;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Walk-around audits: start one on the latest published form, read it back with its scores, submit, sign off. */
@Service
public class Audits {
    private final AuditRepository repo;
    private final AuditForms forms;
    private final OrgService org;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Schedules schedules;
    private final AuditRollup rollup;
    private final AuditFeeds feeds;
    private final double passMark;

    public Audits(AuditRepository repo, AuditForms forms, OrgService org, Clock clock, ApplicationEventPublisher events,
                  Schedules schedules, AuditRollup rollup, AuditFeeds feeds,
                  @Value("${serviceloop.audits.pass-percent:80}") int passPercent) {
        this.feeds = feeds;
        this.repo = repo;
        this.forms = forms;
        this.org = org;
        this.clock = clock;
        this.events = events;
        this.schedules = schedules;
        this.rollup = rollup;
        this.passMark = passPercent / 100.0;
    }

    /** Raised after a submitted audit missed a critical item, for the region manager's mail. */
    public record CriticalMiss(long auditId, long outletId, List<String> items) {
    }

    /** With a schedule, the audit takes the schedule's next open date, which moves the schedule on. */
    @Transactional
    public Audit start(AppUser user, StartForm f) {
        if (!org.scopeOf(user).contains(f.outletId())) {
            throw BadInputException.of("outletId", "error.audit.outletOutOfScope", String.valueOf(f.outletId()));
        }
        OrgUnit outlet = org.find(f.outletId()).orElseThrow();
        AuditForm form = forms.find(f.formId())
                .orElseThrow(() -> BadInputException.of("formId", "error.audit.unknownForm", String.valueOf(f.formId())));
        if (!form.outletType().equals(outlet.outletType())) {
            throw BadInputException.of("formId", "error.audit.formForOtherType", form.name(), form.outletType());
        }
        LocalDate dueOn = null;
        if (f.scheduleId() != null) {
            Schedule s = schedules.due(user).stream().filter(x -> x.id() == f.scheduleId()
                            && x.outletId() == f.outletId() && x.formId() == f.formId()).findFirst()
                    .orElseThrow(() -> BadInputException.of("scheduleId", "error.audit.unknownSchedule",
                            String.valueOf(f.scheduleId())));
            dueOn = s.nextDue();
        }
        FormVersion version = forms.latest(form.id());
        long id = repo.insert(f.outletId(), version.id(), f.scheduleId(), dueOn, user.id(), OffsetDateTime.now(clock));
        return get(user, id);
    }

    public Audit get(AppUser user, long id) {
        return repo.find(org.scopeOf(user), id).orElseThrow(() -> new NotFoundException("Audit", id));
    }

    public List<Audit> list(AppUser user, Long outletId, String status, int limit) {
        return repo.list(org.scopeOf(user), outletId, status, limit);
    }

    public AuditView view(AppUser user, long id) {
        return view(get(user, id));
    }

    AuditView view(Audit audit) {
        FormVersion form = forms.version(audit.formVersionId());
        List<Answer> answers = repo.answers(audit.id());
        Set<Long> answered = answers.stream().map(Answer::itemId).collect(Collectors.toSet());
        List<FormItem> required = form.items().filter(FormItem::required).toList();
        int done = (int) required.stream().filter(i -> answered.contains(i.id())).count();
        return new AuditView(audit, form, answers, repo.photos(audit.id()), required.size(), done,
                scorecard(form, answers));
    }

    Scorecard scorecard(FormVersion form, List<Answer> answers) {
        Map<Long, FormItem> items = form.items().collect(Collectors.toMap(FormItem::id, i -> i));
        Map<Long, String> areas = new HashMap<>();
        form.sections().forEach(s -> s.items().forEach(i -> areas.put(i.id(), s.areaCode())));
        Map<Long, Scorecard.Item> scored = new HashMap<>();
        for (Answer a : answers) {
            FormItem i = items.get(a.itemId());
            scored.put(i.id(), new Scorecard.Item(i.id(), i.text(), areas.get(i.id()), i.standardId(),
                    i.standardVersionId(), i.answerType(), i.critical(), true, a.notApplicable(),
                    a.score() == null ? null : a.score().doubleValue()));
        }
        return Scoring.score(form, scored, passMark);
    }

    /**
     * Every required item answered, then the scores are kept with the audit and fed to the standards' compliance,
     * the blueprint steps and the SQI, all in one transaction.
     */
    @Transactional
    public AuditView submit(AppUser user, long id) {
        Audit audit = get(user, id);
        repo.lock(id);
        audit = get(user, id);
        if (!audit.status().equals("IN_PROGRESS")) {
            throw ConflictException.of("error.audit.notInProgress", String.valueOf(id));
        }
        AuditView view = view(audit);
        Set<Long> answered = view.answers().stream().map(Answer::itemId).collect(Collectors.toSet());
        List<String> missing = view.form().items().filter(i -> i.required() && !answered.contains(i.id()))
                .map(FormItem::text).toList();
        if (!missing.isEmpty()) {
            throw BadInputException.of("answers", "error.audit.unanswered", String.valueOf(missing.size()),
                    String.join("; ", missing.subList(0, Math.min(3, missing.size()))));
        }
        Scorecard card = view.scorecard();
        OffsetDateTime now = OffsetDateTime.now(clock);
        repo.submit(id, card.overall(), card.result(), now);
        rollup.add(List.of(id));
        feeds.feed(List.of(new AuditFeeds.Submitted(id, audit.outletId(), now, view.form(), card, view.answers())));
        if (!card.criticalMisses().isEmpty()) {
            events.publishEvent(new CriticalMiss(id, audit.outletId(),
                    card.criticalMisses().stream().map(Scorecard.Item::text).toList()));
        }
        return view(get(user, id));
    }

    @Transactional
    public Audit signOff(AppUser user, long id) {
        get(user, id);
        if (!repo.signOff(id, user.id(), OffsetDateTime.now(clock))) {
            throw ConflictException.of("error.audit.notSubmitted", String.valueOf(id));
        }
        return get(user, id);
    }
}
