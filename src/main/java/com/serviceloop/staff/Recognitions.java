package com.serviceloop.staff;

import com.serviceloop.audit.Audits;
import com.serviceloop.blueprint.BlueprintService;
import com.serviceloop.casework.StaffCaseFigures;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.OutletScope;
import com.serviceloop.standard.StandardService;
import com.serviceloop.survey.StaffSatisfaction;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Daily recognition: a manager (or a colleague, when the chain allows it) writes what a person or
 * team did well; the recipient reads it on "my recognition", the team's wall shows it, and it
 * counts on the scoreboards from the moment it is written.
 */
@Service
public class Recognitions {
    static final int WALL_SIZE = 12;
    static final int MAX_TEXT = 500;
    private final RecognitionRepository repo;
    private final OrgService org;
    private final StaffSettings settings;
    private final StandardService standards;
    private final BlueprintService blueprints;
    private final StaffCaseFigures cases;
    private final StaffSatisfaction surveys;
    private final Audits audits;
    private final ScoreboardRollup rollup;
    private final RecognitionNotices notices;
    private final Clock clock;
    private final ZoneId zone;

    Recognitions(RecognitionRepository repo, OrgService org, StaffSettings settings, StandardService standards,
                 BlueprintService blueprints, StaffCaseFigures cases, StaffSatisfaction surveys, Audits audits,
                 ScoreboardRollup rollup, RecognitionNotices notices, Clock clock,
                 @Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone) {
        this.repo = repo;
        this.org = org;
        this.settings = settings;
        this.standards = standards;
        this.blueprints = blueprints;
        this.cases = cases;
        this.surveys = surveys;
        this.audits = audits;
        this.rollup = rollup;
        this.notices = notices;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** Whether the caller may write notes: managers always, staff when the chain lets colleagues. */
    public boolean mayWrite(AppUser user) {
        return Roles.manages(user) || Roles.servesCustomers(user) && settings.current().colleaguesMayWrite();
    }

    @Transactional
    public RecognitionNote write(AppUser user, RecognitionForm f) {
        if (!mayWrite(user)) {
            throw new AccessDeniedException("only managers write recognition notes in this chain");
        }
        String text = f.text() == null ? "" : f.text().strip();
        if (text.isEmpty()) {
            throw BadInputException.of("text", "error.staff.textMissing");
        }
        if (text.length() > MAX_TEXT) {
            throw BadInputException.of("text", "error.staff.textTooLong", String.valueOf(MAX_TEXT));
        }
        if ((f.personId() == null) == (f.teamId() == null)) {
            throw BadInputException.of("personId", "error.staff.personOrTeam");
        }
        OutletScope scope = org.scopeOf(user);
        long outletId;
        String outletType;
        if (f.personId() != null) {
            RecognitionRepository.Recipient p = repo.person(f.personId()).filter(RecognitionRepository.Recipient::active)
                    .orElseThrow(() -> BadInputException.of("personId", "error.staff.unknownPerson", String.valueOf(f.personId())));
            if (p.outletId() == null || !scope.contains(p.outletId())) {
                throw BadInputException.of("personId", "error.staff.outsideScope");
            }
            if (p.id() == user.id()) {
                throw BadInputException.of("personId", "error.staff.self");
            }
            outletId = p.outletId();
            outletType = repo.outletType(outletId).orElse(null);
        } else {
            RecognitionRepository.Team t = repo.team(f.teamId())
                    .orElseThrow(() -> BadInputException.of("teamId", "error.staff.unknownTeam", String.valueOf(f.teamId())));
            if (!scope.contains(t.outletId())) {
                throw BadInputException.of("teamId", "error.staff.outsideScope");
            }
            outletId = t.outletId();
            outletType = t.outletType();
        }
        if (f.standardId() != null && !standards.exists(f.standardId())) {
            throw BadInputException.of("standardId", "error.staff.unknownStandard", String.valueOf(f.standardId()));
        }
        if (f.stepId() != null && (outletType == null || !blueprints.hasStep(outletType, f.stepId()))) {
            throw BadInputException.of("stepId", "error.staff.unknownStep", String.valueOf(f.stepId()));
        }
        checkLink(user, f, outletId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = repo.insert(outletId, f.personId(), f.teamId(), user.id(), f, now, now.atZoneSameInstant(zone).toLocalDate());
        if (f.personId() != null) {
            rollup.refresh(outletId, now.atZoneSameInstant(zone).toLocalDate(), now.atZoneSameInstant(zone).toLocalDate());
        }
        RecognitionNote note = repo.find(OutletScope.EVERYTHING, id).orElseThrow();
        notices.noteWritten(note);
        return note;
    }

    /** The link must exist (through its owner's public service) and belong to the note's outlet. */
    private void checkLink(AppUser user, RecognitionForm f, long outletId) {
        if (f.sourceKind() == null && f.sourceId() == null) {
            return;
        }
        if (f.sourceKind() == null) {
            throw BadInputException.of("sourceKind", "error.staff.sourceKind");
        }
        if (f.sourceId() == null) {
            throw BadInputException.of("sourceId", "error.staff.sourceId");
        }
        Optional<Long> outlet = switch (f.sourceKind()) {
            case CASE -> cases.outletOf(f.sourceId());
            case SURVEY_RESPONSE -> surveys.outletOf(f.sourceId());
            case AUDIT -> auditOutlet(user, f.sourceId());
        };
        if (outlet.filter(o -> o == outletId).isEmpty()) {
            throw BadInputException.of("sourceId", "error.staff.unknownLink", String.valueOf(f.sourceId()));
        }
    }

    private Optional<Long> auditOutlet(AppUser user, long auditId) {
        try {
            return Optional.of(audits.get(user, auditId).outletId());
        } catch (NotFoundException | AccessDeniedException e) {
            return Optional.empty();
        }
    }

    /** The people the caller may write to, for the form's picker. */
    List<RecognitionRepository.Choice> recipients(AppUser user) {
        return repo.people(org.scopeOf(user)).stream().filter(c -> c.id() != user.id()).toList();
    }

    List<RecognitionRepository.Choice> teams(AppUser user) {
        return repo.teams(org.scopeOf(user));
    }

    public RecognitionNote get(AppUser user, long id) {
        return repo.find(org.scopeOf(user), id).orElseThrow(() -> new NotFoundException("Recognition note", id));
    }

    /** The notes the caller has received, newest first. */
    public List<RecognitionNote> mine(AppUser user, int limit) {
        return repo.toPerson(user.id(), limit);
    }

    /** The last notes to a team and its members (a team in the caller's outlets). */
    public List<RecognitionNote> teamWall(AppUser user, long teamId) {
        OutletScope scope = org.scopeOf(user);
        RecognitionRepository.Team t = repo.team(teamId).filter(x -> scope.contains(x.outletId()))
                .orElseThrow(() -> BadInputException.of("teamId", "error.staff.unknownTeam", String.valueOf(teamId)));
        return repo.toTeam(scope, t.id(), WALL_SIZE);
    }

    /** The last notes written at an outlet of the caller's. */
    public List<RecognitionNote> outletWall(AppUser user, long outletId) {
        OutletScope scope = org.scopeOf(user);
        if (!scope.contains(outletId)) {
            throw BadInputException.of("outletId", "error.staff.outsideScope");
        }
        return repo.atOutlet(scope, outletId, WALL_SIZE);
    }
}
