package com.serviceloop.team;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.Person;
import com.serviceloop.organisation.PersonService;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.standard.Standard;
import com.serviceloop.standard.StandardService;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Jobs belong to the whole chain (everyone reads them, the chain edits them); who holds a job
 * belongs to the holder's outlet, so managers see and assign only the people of their outlets.
 */
@Service
public class JobService {
    private final JobRepository repo;
    private final StandardService standards;
    private final OrgService org;
    private final PersonService people;
    private final Clock clock;
    private final Workplaces workplaces;

    public JobService(JobRepository repo, StandardService standards, OrgService org, PersonService people, Clock clock,
                      Workplaces workplaces) {
        this.workplaces = workplaces;
        this.repo = repo;
        this.standards = standards;
        this.org = org;
        this.people = people;
        this.clock = clock;
    }

    /** The jobs of an outlet type together with the chain-wide ones; every job when outletType is null. */
    public List<Job> list(String outletType) {
        return repo.list(outletType == null || outletType.isBlank() ? null : outletType);
    }

    public Job get(long id) {
        return repo.find(id).orElseThrow(() -> new NotFoundException("Job", id));
    }

    @Transactional
    public Job create(JobForm f) {
        String type = type(f.outletType());
        List<Long> ids = checkStandards(f.standardIds(), type);
        if (repo.nameTaken(f.name().strip(), type, null)) {
            throw BadInputException.of("name", "error.team.jobNameTaken", f.name().strip());
        }
        long id = repo.insert(f.name().strip(), type, OffsetDateTime.now(clock));
        repo.replaceStandards(id, ids);
        return get(id);
    }

    @Transactional
    public Job update(long id, JobForm f) {
        Job current = get(id);
        String type = type(f.outletType());
        List<Long> ids = checkStandards(f.standardIds(), type);
        if (repo.nameTaken(f.name().strip(), type, id)) {
            throw BadInputException.of("name", "error.team.jobNameTaken", f.name().strip());
        }
        if (!repo.update(id, f.version() == null ? current.version() : f.version(), f.name().strip(), type)) {
            throw ConflictException.of("error.team.jobChanged", String.valueOf(id));
        }
        repo.replaceStandards(id, ids);
        return get(id);
    }

    private static String type(String outletType) {
        return outletType == null || outletType.isBlank() ? null : outletType;
    }

    /** Each standard once, existing, and (for a job of one outlet type) written for that type. */
    private List<Long> checkStandards(List<Long> ids, String outletType) {
        Set<Long> seen = new HashSet<>();
        for (Long id : ids) {
            Standard s = standards.current(id)
                    .orElseThrow(() -> BadInputException.of("standardIds", "error.team.unknownStandard", String.valueOf(id)));
            if (outletType != null && !outletType.equals(s.outletType())) {
                throw BadInputException.of("standardIds", "error.team.standardOfOtherType", String.valueOf(id),
                        s.outletType());
            }
            if (!seen.add(id)) {
                throw BadInputException.of("standardIds", "error.team.standardTwice", String.valueOf(id));
            }
        }
        return List.copyOf(ids);
    }

    /** The job's holders the caller may see: those of the caller's outlets. */
    public List<JobHolder> holders(AppUser user, long jobId) {
        get(jobId);
        return repo.holders(jobId, org.scopeOf(user));
    }

    /** A person a manager may give a job to. */
    public record Assignable(long id, String displayName) {
    }

    /** The active people of the caller's units, to choose from when giving a job. */
    public List<Assignable> assignable(AppUser user) {
        if (user.isAdmin()) {
            return repo.assignable(null);
        }
        return repo.assignable(org.visibleUnits(user).stream().map(OrgUnit::id).toList());
    }

    /** The jobs whose saved description relies on the standard. */
    List<Long> describedJobsUsing(long standardId) {
        return repo.describedJobsUsing(standardId);
    }

    /** A person's current job, if any; for callers that check the scope themselves. */
    public Optional<JobHolder> holding(long personId) {
        return repo.holding(personId);
    }

    @Transactional
    public JobHolder assign(AppUser user, long jobId, long personId) {
        Job job = get(jobId);
        Person person = personInScope(user, personId);
        Long outletId = workplaces.outletOf(person);
        if (job.outletType() != null && outletId != null) {
            String type = org.find(outletId).map(OrgUnit::outletType).orElse(null);
            if (type != null && !type.equals(job.outletType())) {
                throw BadInputException.of("personId", "error.team.otherOutletType", person.displayName(), type,
                        job.outletType());
            }
        }
        repo.assign(personId, jobId, outletId, user.id(), OffsetDateTime.now(clock));
        return repo.holding(personId).orElseThrow();
    }

    @Transactional
    public void release(AppUser user, long jobId, long personId) {
        get(jobId);
        personInScope(user, personId);
        if (repo.holding(personId).filter(h -> h.jobId() == jobId).isEmpty()) {
            throw BadInputException.of("personId", "error.team.notHolder", String.valueOf(personId));
        }
        repo.release(personId);
    }

    /** Managers give jobs to the people under their scope unit only; a stranger is refused as if unknown. */
    private Person personInScope(AppUser user, long personId) {
        Person person = people.find(personId)
                .orElseThrow(() -> BadInputException.of("personId", "error.team.personOutOfScope", String.valueOf(personId)));
        if (user.isAdmin()) {
            return person;
        }
        Set<Long> visible = new HashSet<>();
        org.visibleUnits(user).forEach(u -> visible.add(u.id()));
        Long unit = person.teamId() != null ? person.teamId() : person.scopeUnitId();
        if (unit == null || !visible.contains(unit)) {
            throw BadInputException.of("personId", "error.team.personOutOfScope", String.valueOf(personId));
        }
        return person;
    }
}
