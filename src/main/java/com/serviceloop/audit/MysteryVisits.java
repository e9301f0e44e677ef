package com.serviceloop.audit;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mystery visits as those who look over the outlets handle them: assign a shopper, read the report with its
 * scores, accept, return or reject it, and record the debrief with the outlet team.
 */
@Service
public class MysteryVisits {
    private final MysteryRepository repo;
    private final MysteryProgrammes programmes;
    private final MysteryProgrammeRepository shoppers;
    private final AuditForms forms;
    private final Audits audits;
    private final OrgService org;
    private final Clock clock;

    MysteryVisits(MysteryRepository repo, MysteryProgrammes programmes, MysteryProgrammeRepository shoppers,
                  AuditForms forms, Audits audits, OrgService org, Clock clock) {
        this.repo = repo;
        this.programmes = programmes;
        this.shoppers = shoppers;
        this.forms = forms;
        this.audits = audits;
        this.org = org;
        this.clock = clock;
    }

    /**
     * Inside the window, at one of the programme's outlets, by a shopper with a nickname; not within the
     * programme's revisit period of another visit of the same shopper to the outlet; within the month's quota.
     */
    @Transactional
    public MysteryVisit assign(AppUser user, MysteryVisitForm f) {
        LocalDate today = LocalDate.now(clock);
        if (f.plannedOn().isBefore(today.minusYears(5)) || f.plannedOn().isAfter(today.plusYears(5))) {
            throw BadInputException.of("plannedOn", "error.mystery.plannedOnRange");
        }
        MysteryProgramme p = shoppers.find(f.programmeId()).orElseThrow(() -> BadInputException.of("programmeId", "error.mystery.unknownProgramme",
                        String.valueOf(f.programmeId())));
        if (p.outlets().stream().noneMatch(o -> o.id() == f.outletId()) || !org.scopeOf(user).contains(f.outletId())) {
            throw BadInputException.of("outletId", "error.mystery.outletNotInProgramme", String.valueOf(f.outletId()));
        }
        MysteryShoppers.MysteryShopper shopper = shoppers.shopper(f.shopperId())
                .orElseThrow(() -> BadInputException.of("shopperId", "error.mystery.unknownShopper",
                        String.valueOf(f.shopperId())));
        if (shopper.nickname() == null) {
            throw BadInputException.of("shopperId", "error.mystery.noNickname", String.valueOf(f.shopperId()));
        }
        if (f.scenarioId() != null && p.scenarios().stream().noneMatch(s -> s.id() == f.scenarioId())) {
            throw BadInputException.of("scenarioId", "error.mystery.unknownScenario", String.valueOf(f.scenarioId()));
        }
        if (f.plannedOn().isBefore(p.windowFrom()) || f.plannedOn().isAfter(p.windowTo())) {
            throw BadInputException.of("plannedOn", "error.mystery.outsideWindow", p.windowFrom(), p.windowTo());
        }
        // two assignments to one programme take turns, so that the quota and the revisit rule see each other
        repo.lockProgramme(p.id());
        repo.nearbyVisit(f.shopperId(), f.outletId(), f.plannedOn().minusMonths(p.revisitMonths()),
                f.plannedOn().plusMonths(p.revisitMonths())).ifPresent(d -> {
                    throw BadInputException.of("plannedOn", "error.mystery.revisit", shopper.nickname(), d,
                            p.revisitMonths());
                });
        YearMonth month = YearMonth.from(f.plannedOn());
        if (repo.plannedBetween(p.id(), f.outletId(), month.atDay(1), month.atEndOfMonth()) >= p.quotaPerMonth()) {
            throw BadInputException.of("plannedOn", "error.mystery.quotaFull", month, p.quotaPerMonth());
        }
        FormVersion version = forms.latest(p.formId());
        long id = repo.insert(f, version.id(), user.id(), OffsetDateTime.now(clock));
        return get(user, id);
    }

    public MysteryVisit get(AppUser user, long id) {
        return repo.find(org.scopeOf(user), id).orElseThrow(() -> new NotFoundException("Mystery visit", id));
    }

    public List<MysteryVisit> list(AppUser user, Long programmeId, String status, int limit) {
        return repo.list(org.scopeOf(user), programmeId, status, limit);
    }

    public MysteryVisitView view(AppUser user, long id) {
        return view(get(user, id));
    }

    MysteryVisitView view(MysteryVisit v) {
        FormVersion form = forms.version(v.formVersionId());
        List<Answer> answers = repo.answers(v.id());
        Set<Long> answered = answers.stream().map(Answer::itemId).collect(Collectors.toSet());
        List<FormItem> required = required(form);
        int done = (int) required.stream().filter(i -> answered.contains(i.id())).count();
        MysteryProgramme.MysteryScenario scenario = v.scenarioId() == null ? null : programmes.get(v.programmeId()).scenarios()
                .stream().filter(s -> s.id() == v.scenarioId()).findFirst().orElse(null);
        return new MysteryVisitView(v, scenario, form, answers, required.size(), done, audits.scorecard(form, answers),
                repo.debrief(v.id()).orElse(null));
    }

    /** A shopper answers what can be observed: photo and signature items are left out of a mystery visit. */
    static List<FormItem> required(FormVersion form) {
        return form.items().filter(i -> i.required() && !i.answerType().upload()).toList();
    }

    /** Accept keeps the score by the audit rules; return and reject say why. The shopper's report is rated either way. */
    @Transactional
    public MysteryVisitView review(AppUser user, long id, MysteryReviewForm f) {
        get(user, id);
        repo.lock(id);
        MysteryVisit v = get(user, id);
        if (!v.status().equals("SUBMITTED")) {
            throw ConflictException.of("error.mystery.notSubmitted", String.valueOf(id));
        }
        String comment = f.comment() == null || f.comment().isBlank() ? null : f.comment().strip();
        if (!f.decision().equals("ACCEPT") && comment == null) {
            throw BadInputException.of("comment", "error.mystery.reviewComment");
        }
        String status = switch (f.decision()) {
            case "ACCEPT" -> "ACCEPTED";
            case "RETURN" -> "RETURNED";
            default -> "REJECTED";
        };
        if (status.equals("ACCEPTED")) {
            Scorecard card = view(v).scorecard();
            repo.submit(id, card.overall(), card.result(), v.submittedAt());
        }
        repo.review(id, status, comment, f.rating(), user.id(), OffsetDateTime.now(clock));
        return view(user, id);
    }

    /** One debrief per accepted visit; saving again corrects it. */
    @Transactional
    public MysteryDebrief debrief(AppUser user, long id, MysteryDebriefForm f) {
        MysteryVisit v = get(user, id);
        if (!v.status().equals("ACCEPTED")) {
            throw ConflictException.of("error.mystery.debriefNotAccepted", String.valueOf(id));
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate visited = v.visitedAt() == null ? v.plannedOn() : v.visitedAt().toLocalDate();
        if (f.heldOn().isAfter(today) || f.heldOn().isBefore(visited.minusDays(1))) {
            throw BadInputException.of("heldOn", "error.mystery.debriefDate", visited, today);
        }
        repo.saveDebrief(id, f, user.id(), OffsetDateTime.now(clock));
        return repo.debrief(id).orElseThrow();
    }
}
