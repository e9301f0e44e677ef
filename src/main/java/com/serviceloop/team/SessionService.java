package com.serviceloop.team;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.Person;
import com.serviceloop.organisation.UnitKind;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.OutletScope;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Training sessions belong to the outlet they are held in: its managers plan them and record each
 * attendee's results, and everyone there reads them.
 */
@Service
public class SessionService {
    /** How far back a session may be entered and how far ahead it may be planned. */
    static final int YEARS_BACK = 10;
    static final int YEARS_AHEAD = 1;
    private static final int LIST_LIMIT = 500;
    private final TrainingSessionRepository repo;
    private final ProgrammeService programmes;
    private final OrgService org;
    private final TeamPeople team;
    private final FormCheck check;
    private final Clock clock;

    SessionService(TrainingSessionRepository repo, ProgrammeService programmes, OrgService org, TeamPeople team,
                   FormCheck check, Clock clock) {
        this.repo = repo;
        this.programmes = programmes;
        this.org = org;
        this.team = team;
        this.check = check;
        this.clock = clock;
    }

    /** The sessions of the caller's outlets, newest first, of one programme or outlet when given. */
    public List<TrainingSession.Line> list(AppUser user, Long programmeId, Long outletId) {
        return repo.list(org.scopeOf(user), programmeId, outletId, LIST_LIMIT);
    }

    public TrainingSession get(AppUser user, long id) {
        return repo.find(id, org.scopeOf(user)).orElseThrow(() -> new NotFoundException("Session", id));
    }

    @Transactional
    public TrainingSession create(AppUser user, SessionForm form) {
        check.valid(form);
        Programme programme = programme(form.programmeId());
        OrgUnit outlet = outlet(user, form.outletId());
        if (programme.outletType() != null && !programme.outletType().equals(outlet.outletType())) {
            throw BadInputException.of("programmeId", "error.training.programmeOfOtherType", programme.name(),
                    programme.outletType());
        }
        checkDay(form.heldOn());
        checkTrainer(user, form.trainerId());
        long id = repo.insert(form, user.id(), OffsetDateTime.now(clock));
        for (Person p : newAttendees(user, form.attendeeIds(), Set.of())) {
            repo.addAttendee(id, p.id(), team.outletOf(p));
        }
        return get(user, id);
    }

    /** Day, trainer, note and attendees; those who stay keep their results, those left out lose them. */
    @Transactional
    public TrainingSession update(AppUser user, long id, SessionForm form) {
        check.valid(form);
        TrainingSession current = get(user, id);
        if (form.programmeId() != current.programmeId()) {
            throw BadInputException.of("programmeId", "error.training.sessionFixed");
        }
        if (form.outletId() != current.outletId()) {
            throw BadInputException.of("outletId", "error.training.sessionFixed");
        }
        checkDay(form.heldOn());
        Set<Long> staying = new HashSet<>(form.attendeeIds());
        LocalDate today = LocalDate.now(clock);
        for (TrainingSession.Attendee a : current.attendees()) {
            boolean recorded = a.attended() != null;
            LocalDate first = Stream.of(a.attendedOn(), a.knowledgeOn(), a.skillOn()).filter(Objects::nonNull)
                    .min(LocalDate::compareTo).orElse(null);
            if (staying.contains(a.personId()) && recorded
                    && (form.heldOn().isAfter(today) || first != null && first.isBefore(form.heldOn()))) {
                throw BadInputException.of("heldOn", "error.training.heldOnAfterResults", a.displayName());
            }
        }
        if (form.trainerId() != current.trainerId()) {
            checkTrainer(user, form.trainerId());
        }
        Set<Long> present = new HashSet<>();
        current.attendees().forEach(a -> present.add(a.personId()));
        List<Person> added = newAttendees(user, form.attendeeIds(), present);
        if (!repo.update(id, form.version() == null ? current.version() : form.version(), form)) {
            throw ConflictException.of("error.training.sessionChanged", current.programmeName(),
                    current.heldOn().toString());
        }
        present.stream().filter(p -> !staying.contains(p)).forEach(p -> repo.removeAttendee(id, p));
        added.forEach(p -> repo.addAttendee(id, p.id(), team.outletOf(p)));
        return get(user, id);
    }

    /** One attendee's three results, replaced whole. */
    @Transactional
    public TrainingSession record(AppUser user, long id, long personId, ResultForm form) {
        return recordAll(user, id, Map.of(personId, form));
    }

    /** Several attendees' results at once (the session page's one form): all are saved or none. */
    @Transactional
    public TrainingSession recordAll(AppUser user, long id, Map<Long, ResultForm> results) {
        TrainingSession session = get(user, id);
        LocalDate today = LocalDate.now(clock);
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Map.Entry<Long, ResultForm> e : results.entrySet()) {
            TrainingSession.Attendee a = session.attendees().stream().filter(x -> x.personId() == e.getKey()).findFirst()
                    .orElseThrow(() -> new NotFoundException("Attendee", e.getKey()));
            ResultForm r = e.getValue().checked(session.heldOn(), today);
            // the page sends every attendee: who recorded a result stays the one who last changed it
            if (!r.equals(new ResultForm(a.attended(), a.attendedOn(), a.knowledgePassed(), a.knowledgeOn(),
                    a.skillPassed(), a.skillOn()))) {
                repo.setResult(id, e.getKey(), r, user.id(), now);
            }
        }
        return get(user, id);
    }

    private Programme programme(long id) {
        try {
            return programmes.get(id);
        } catch (NotFoundException e) {
            throw BadInputException.of("programmeId", "error.training.unknownProgramme", String.valueOf(id));
        }
    }

    private OrgUnit outlet(AppUser user, long outletId) {
        OutletScope scope = org.scopeOf(user);
        return org.find(outletId).filter(u -> u.kind() == UnitKind.OUTLET && scope.contains(u.id()))
                .orElseThrow(() -> BadInputException.of("outletId", "error.team.outletOutOfScope",
                        String.valueOf(outletId)));
    }

    private void checkDay(LocalDate heldOn) {
        LocalDate today = LocalDate.now(clock);
        if (heldOn.isBefore(today.minusYears(YEARS_BACK)) || heldOn.isAfter(today.plusYears(YEARS_AHEAD))) {
            throw BadInputException.of("heldOn", "error.training.heldOnRange", String.valueOf(YEARS_BACK),
                    String.valueOf(YEARS_AHEAD));
        }
    }

    private void checkTrainer(AppUser user, long trainerId) {
        if (team.inScope(user, trainerId).filter(Person::active).isEmpty()) {
            throw BadInputException.of("trainerId", "error.training.unknownTrainer", String.valueOf(trainerId));
        }
    }

    /** The listed people not yet in the session: each once, active and working under the caller's scope. */
    private List<Person> newAttendees(AppUser user, List<Long> ids, Set<Long> present) {
        Set<Long> seen = new LinkedHashSet<>();
        for (Long id : ids) {
            if (!seen.add(id)) {
                throw BadInputException.of("attendeeIds", "error.training.attendeeTwice", String.valueOf(id));
            }
        }
        return seen.stream().filter(id -> !present.contains(id))
                .map(id -> team.inScope(user, id).filter(Person::active).orElseThrow(() ->
                        BadInputException.of("attendeeIds", "error.team.personOutOfScope", String.valueOf(id))))
                .toList();
    }
}
