package com.serviceloop.staff;

import com.serviceloop.audit.OutletMonthAudits;
import com.serviceloop.casework.PersonCaseFigures;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.Person;
import com.serviceloop.organisation.PersonService;
import com.serviceloop.organisation.Role;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.OutletScope;
import com.serviceloop.standard.StandardService;
import com.serviceloop.team.JobHolder;
import com.serviceloop.team.JobService;
import com.serviceloop.team.TrainingRecord;
import com.serviceloop.team.TrainingRecords;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Performance reviews: a manager prepares one (the period's figures are gathered from the modules
 * that keep them), the person and the manager each assess the job's standards, the manager records
 * the discussion with one to three goals, and the next review checks them. Only the person, the
 * managers of the outlet they work in and administrators read a review; anyone else gets a 404.
 */
@Service
public class ReviewService {
    private final ReviewRepository repo;
    private final PersonService people;
    private final OrgService org;
    private final PersonCaseFigures cases;
    private final OutletMonthAudits audits;
    private final TrainingRecords training;
    private final JobService jobs;
    private final StandardService standards;
    private final List<ReviewExtraFigures> extras;
    private final Clock clock;

    ReviewService(ReviewRepository repo, PersonService people, OrgService org, PersonCaseFigures cases,
                  OutletMonthAudits audits, TrainingRecords training, JobService jobs, StandardService standards,
                  List<ReviewExtraFigures> extras, Clock clock) {
        this.repo = repo;
        this.people = people;
        this.org = org;
        this.cases = cases;
        this.audits = audits;
        this.training = training;
        this.jobs = jobs;
        this.standards = standards;
        this.extras = extras;
        this.clock = clock;
    }

    /** Whose reviews besides their own a reader sees: a manager's outlets, an administrator's all; null: none. */
    private OutletScope managerScope(AppUser user) {
        return user.role() == Role.ADMIN || user.role() == Role.MANAGER ? org.scopeOf(user) : null;
    }

    /** The outlet a person works in: their team's outlet or the outlet they are scoped to; null above the outlets. */
    Long outletOf(Person p) {
        Long unit = p.teamId() != null ? p.teamId() : p.scopeUnitId();
        return unit == null ? null : org.find(unit).map(u -> switch (u.kind()) {
            case TEAM -> u.parentId();
            case OUTLET -> u.id();
            default -> null;
        }).orElse(null);
    }

    @Transactional
    public Review prepare(AppUser manager, ReviewForms.Prepare f) {
        OutletScope scope = managerScope(manager);
        Person person = people.find(f.personId()).filter(p -> p.id() != manager.id()).orElse(null);
        Long outlet = person == null ? null : outletOf(person);
        if (person == null || scope == null || !(scope.all() || outlet != null && scope.contains(outlet))) {
            throw BadInputException.of("personId", "error.staff.review.unknownPerson", String.valueOf(f.personId()));
        }
        LocalDate today = LocalDate.now(clock);
        if (f.periodFrom().getYear() < 2000) {
            throw BadInputException.of("periodFrom", "error.staff.periodRange", f.periodFrom().toString());
        }
        if (f.periodTo().isBefore(f.periodFrom())) {
            throw BadInputException.of("periodTo", "error.staff.review.periodBackwards", f.periodTo().toString(),
                    f.periodFrom().toString());
        }
        if (f.periodFrom().isAfter(today)) {
            throw BadInputException.of("periodFrom", "error.staff.periodAhead", f.periodFrom().toString());
        }
        if (ChronoUnit.DAYS.between(f.periodFrom(), f.periodTo()) > 366) {
            throw BadInputException.of("periodTo", "error.staff.periodLong", f.periodTo().toString());
        }
        Long jobId = jobs.holding(person.id()).map(JobHolder::jobId).orElse(null);
        long id = repo.insert(person.id(), outlet, f.periodFrom(), f.periodTo(), jobId,
                figures(manager, person.id(), outlet, f.periodFrom(), f.periodTo()), manager.id(), OffsetDateTime.now(clock));
        return get(manager, id);
    }

    private Review.Figures figures(AppUser manager, long personId, Long outlet, LocalDate from, LocalDate to) {
        PersonCaseFigures.Figures c = cases.forPerson(personId, from, to);
        OutletMonthAudits.Figures a = outlet == null ? null : audits.forMonths(OutletScope.of(List.of(outlet)),
                YearMonth.from(from), YearMonth.from(to)).get(outlet);
        TrainingRecord t = training.of(manager, personId);
        List<TrainingRecord.Row> inPeriod = t.sessions().stream()
                .filter(s -> !s.heldOn().isBefore(from) && !s.heldOn().isAfter(to)).toList();
        return new Review.Figures(c.owned(), c.clocksDue(), c.clocksOnTime(),
                c.clocksDue() == 0 ? null : Math.round(c.clocksOnTime() * 10000.0 / c.clocksDue()) / 10000.0, c.praise(),
                c.complaints(), a == null ? 0 : a.audits(),
                a == null ? null : BigDecimal.valueOf(a.meanScore() * 100).setScale(2, RoundingMode.HALF_UP),
                inPeriod.size(), inPeriod.stream().filter(TrainingRecord.Row::passed).count(),
                t.gap() == null ? 0 : t.gap().missing().size());
    }

    public Review get(AppUser user, long id) {
        ReviewRepository.Row r = repo.find(id, user.id(), managerScope(user))
                .orElseThrow(() -> new NotFoundException("Review", id));
        List<Long> standardIds = r.jobId() == null ? List.of() : jobs.get(r.jobId()).standardIds();
        Map<String, Number> extra = new LinkedHashMap<>();
        extras.forEach(e -> extra.putAll(e.forPerson(r.personId(), r.periodFrom(), r.periodTo())));
        return new Review(r.id(), r.personId(), r.personName(), r.outletId(), r.periodFrom(), r.periodTo(), r.stage(),
                r.jobId(), new Review.Figures(r.casesOwned(), r.clocksDue(), r.clocksOnTime(),
                r.clocksDue() == 0 ? null : Math.round(r.clocksOnTime() * 10000.0 / r.clocksDue()) / 10000.0, r.praise(),
                r.complaints(), r.audits(), r.auditScore(), r.sessions(), r.sessionsPassed(), r.standardsMissing()),
                extra, r.selfNote(), r.managerNote(), r.meetingNotes(), r.strengths(), r.discussedOn(), r.version(),
                standardIds.stream().map(s -> new Review.StandardRef(s, standards.current(s).map(x -> x.behaviour())
                        .orElse("#" + s))).toList(), repo.ratings(id), repo.goals(id),
                repo.previous(r.personId(), id).map(repo::goals).orElse(List.of()));
    }

    /** The reader's own reviews, and a manager's of the people in their outlets (of one person when given). */
    public List<ReviewRepository.Row> list(AppUser user, Long personId) {
        return repo.list(user.id(), managerScope(user), personId);
    }

    /** The person's own assessment when they send it, the manager's when a manager of theirs does. */
    @Transactional
    public Review assess(AppUser user, long id, ReviewForms.Assess f) {
        Review r = get(user, id);
        String side = r.personId() == user.id() ? "SELF" : "MANAGER";
        if ("MANAGER".equals(side) && managerScope(user) == null) {
            throw new NotFoundException("Review", id);
        }
        if ("FOLLOW_UP".equals(r.stage())) {
            throw ConflictException.of("error.staff.reviewDiscussed", String.valueOf(id));
        }
        List<Long> allowed = r.standards().stream().map(Review.StandardRef::id).toList();
        for (int i = 0; i < f.ratings().size(); i++) {
            if (!allowed.contains(f.ratings().get(i).standardId())) {
                throw BadInputException.of("ratings[" + i + "].standardId", "error.staff.notJobStandard",
                        String.valueOf(f.ratings().get(i).standardId()));
            }
        }
        if (f.ratings().stream().map(ReviewForms.Rating::standardId).distinct().count() < f.ratings().size()) {
            throw BadInputException.of("ratings", "error.staff.ratedTwice");
        }
        repo.assess(id, side, f.note(), f.ratings());
        return get(user, id);
    }

    /** The manager records the discussion and its goals; the person cannot discuss their own review alone. */
    @Transactional
    public Review discuss(AppUser manager, long id, ReviewForms.Discuss f) {
        Review r = get(manager, id);
        if (r.personId() == manager.id() || managerScope(manager) == null) {
            throw new NotFoundException("Review", id);
        }
        LocalDate today = LocalDate.now(clock);
        if (f.discussedOn().isBefore(r.periodFrom()) || f.discussedOn().isAfter(today)) {
            throw BadInputException.of("discussedOn", "error.staff.discussedOn", r.periodFrom().toString(), today.toString());
        }
        List<Long> allowed = r.standards().stream().map(Review.StandardRef::id).toList();
        for (int i = 0; i < f.goals().size(); i++) {
            ReviewForms.Goal g = f.goals().get(i);
            if (g.standardId() != null && !allowed.contains(g.standardId())) {
                throw BadInputException.of("goals[" + i + "].standardId", "error.staff.notJobStandard",
                        String.valueOf(g.standardId()));
            }
            if (!g.dueOn().isAfter(f.discussedOn()) || g.dueOn().isAfter(f.discussedOn().plusYears(1))) {
                throw BadInputException.of("goals[" + i + "].dueOn", "error.staff.goalDue", f.discussedOn().toString(),
                        f.discussedOn().plusYears(1).toString());
            }
        }
        if (!repo.discuss(id, r.version(), f)) {
            throw ConflictException.of("error.staff.reviewChanged", String.valueOf(id));
        }
        return get(manager, id);
    }

    /** At this review, the manager records how far a goal of the review before was reached. */
    @Transactional
    public Review check(AppUser manager, long id, long goalId, ReviewForms.Check f) {
        Review r = get(manager, id);
        if (r.personId() == manager.id() || managerScope(manager) == null) {
            throw new NotFoundException("Review", id);
        }
        if (r.toCheck().stream().noneMatch(g -> g.id() == goalId)) {
            throw BadInputException.of("goalId", "error.staff.notPreviousGoal", String.valueOf(goalId));
        }
        repo.check(goalId, f.outcome(), id);
        return get(manager, id);
    }
}
