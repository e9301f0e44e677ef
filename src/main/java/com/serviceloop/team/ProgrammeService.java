package com.serviceloop.team;

import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.NotFoundException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Training programmes belong to the whole chain: everyone reads them, the chain writes them. */
@Service
public class ProgrammeService {
    private final ProgrammeRepository repo;
    private final JobService jobs;
    private final Clock clock;

    ProgrammeService(ProgrammeRepository repo, JobService jobs, Clock clock) {
        this.repo = repo;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** The programmes of an outlet type together with the chain-wide ones; every programme when outletType is null. */
    public List<Programme> list(String outletType) {
        return repo.list(blankToNull(outletType));
    }

    public Programme get(long id) {
        return repo.find(id).orElseThrow(() -> new NotFoundException("Programme", id));
    }

    @Transactional
    public Programme create(ProgrammeForm f) {
        String type = blankToNull(f.outletType());
        // the same rules as a job's standards: each once, existing, of the programme's outlet type
        List<Long> ids = jobs.checkStandards(f.standardIds(), type);
        String name = f.name().strip();
        if (repo.nameTaken(name, type, null)) {
            throw BadInputException.of("name", "error.training.nameTaken", name);
        }
        long id = repo.insert(name, type, blankToNull(f.description()), OffsetDateTime.now(clock));
        repo.replaceStandards(id, ids);
        return get(id);
    }

    @Transactional
    public Programme update(long id, ProgrammeForm f) {
        Programme current = get(id);
        String type = blankToNull(f.outletType());
        List<Long> ids = jobs.checkStandards(f.standardIds(), type);
        String name = f.name().strip();
        if (repo.nameTaken(name, type, id)) {
            throw BadInputException.of("name", "error.training.nameTaken", name);
        }
        if (!repo.update(id, f.version() == null ? current.version() : f.version(), name, type,
                blankToNull(f.description()))) {
            throw ConflictException.of("error.training.programmeChanged", current.name());
        }
        repo.replaceStandards(id, ids);
        return get(id);
    }

    /** Only a programme nothing refers to yet: sessions and evaluations are history and stay. */
    @Transactional
    public void delete(long id) {
        Programme p = get(id);
        if (repo.inUse(id)) {
            throw ConflictException.of("error.training.programmeInUse", p.name());
        }
        repo.delete(id);
    }

    /** Per standard, the ids of the programmes that teach it. */
    public Map<Long, List<Long>> teaching(Collection<Long> standardIds) {
        return repo.teaching(standardIds);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
