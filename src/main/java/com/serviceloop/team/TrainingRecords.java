package com.serviceloop.team;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.Person;
import com.serviceloop.organisation.UnitKind;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.OutletScope;
import com.serviceloop.standard.Standard;
import com.serviceloop.standard.StandardService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;

/** People's training records and what each still lacks for their job's standards (see {@link GapRule}). */
@Service
public class TrainingRecords {
    private final RecordRepository repo;
    private final OrgService org;
    private final TeamPeople team;
    private final StandardService standards;

    TrainingRecords(RecordRepository repo, OrgService org, TeamPeople team, StandardService standards) {
        this.repo = repo;
        this.org = org;
        this.team = team;
        this.standards = standards;
    }

    /** The record of a person working under the caller's scope; anyone else is unknown (404). */
    public TrainingRecord of(AppUser user, long personId) {
        Person person = team.inScope(user, personId).orElseThrow(() -> new NotFoundException("Person", personId));
        OutletScope scope = org.scopeOf(user);
        List<TrainingGaps.PersonGap> gap = gaps(scope, null, personId);
        return new TrainingRecord(person.id(), person.displayName(), team.outletOf(person),
                gap.isEmpty() ? null : gap.getFirst(), repo.sessions(personId, scope));
    }

    /** The gaps of the job holders in the caller's outlets, or in one of them. */
    public TrainingGaps gaps(AppUser user, Long outletId) {
        OutletScope scope = org.scopeOf(user);
        if (outletId != null && (!scope.contains(outletId)
                || org.find(outletId).filter(u -> u.kind() == UnitKind.OUTLET).isEmpty())) {
            throw BadInputException.of("outletId", "error.team.outletOutOfScope", String.valueOf(outletId));
        }
        return GapRule.summary(gaps(scope, outletId, null));
    }

    private List<TrainingGaps.PersonGap> gaps(OutletScope scope, Long outletId, Long personId) {
        return GapRule.people(repo.holders(scope, outletId, personId), repo.jobStandards(scope, outletId, personId),
                repo.covered(scope, outletId, personId), inForce());
    }

    /** Whether a standard is in force, asked once per standard for one computation. */
    private Predicate<Long> inForce() {
        Map<Long, Boolean> known = new HashMap<>();
        return id -> known.computeIfAbsent(id, k -> standards.current(k)
                .map(s -> s.status() == Standard.Status.ACTIVE).orElse(false));
    }
}
