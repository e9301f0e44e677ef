package com.serviceloop.team;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.standard.StandardRevised;
import com.serviceloop.standard.StandardService;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.ObjectMapper;

/**
 * Job descriptions: nothing is edited in place, each save adds a version; a save made from an
 * older version than the latest is refused, so two editors cannot overwrite each other unseen.
 */
@Service
public class DescriptionService {
    private final DescriptionRepository repo;
    private final JobService jobs;
    private final DescriptionDraft draft;
    private final StandardService standards;
    private final ObjectMapper json;
    private final Clock clock;

    public DescriptionService(DescriptionRepository repo, JobService jobs, DescriptionDraft draft,
                              StandardService standards, ObjectMapper json, Clock clock) {
        this.repo = repo;
        this.jobs = jobs;
        this.draft = draft;
        this.standards = standards;
        this.json = json;
        this.clock = clock;
    }

    /** The latest saved version; before the first save, a draft written from the job's standards (version 0). */
    public Description current(long jobId, Locale locale) {
        Job job = jobs.get(jobId);
        return repo.latest(jobId).map(r -> saved(job, r)).orElseGet(() -> generated(job, 0, locale));
    }

    /** One saved version, as it was written. */
    public Description version(long jobId, int versionNo) {
        Job job = jobs.get(jobId);
        return repo.version(jobId, versionNo).map(r -> saved(job, r))
                .orElseThrow(() -> new NotFoundException("Job description version", jobId + "/" + versionNo));
    }

    /** A fresh draft from the standards as they read now, numbered after the latest save so that it can be saved over it. */
    public Description draft(long jobId, Locale locale) {
        Job job = jobs.get(jobId);
        return generated(job, repo.latestNo(jobId), locale);
    }

    public List<Description.SavedVersion> versions(long jobId) {
        jobs.get(jobId);
        return repo.versions(jobId);
    }

    @Transactional
    public Description save(AppUser user, long jobId, DescriptionForm form) {
        Job job = jobs.get(jobId);
        for (int i = 0; i < form.duties().size(); i++) {
            Long id = form.duties().get(i).standardId();
            if (id != null && !standards.exists(id)) {
                throw BadInputException.of("duties[" + i + "].standardId", "error.team.unknownStandard", String.valueOf(id));
            }
        }
        int latest = repo.latestNo(jobId);
        if (form.version() != null && form.version() != latest) {
            throw ConflictException.of("error.team.descriptionChanged", job.name(), String.valueOf(latest));
        }
        try {
            repo.insert(jobId, latest + 1, json.writeValueAsString(form.content()), user.id(), OffsetDateTime.now(clock));
        } catch (DuplicateKeyException savedMeanwhile) {
            throw ConflictException.of("error.team.descriptionChanged", job.name(), String.valueOf(latest + 1));
        }
        return saved(job, repo.latest(jobId).orElseThrow());
    }

    /** Someone has read the description against the revised standards: the flags go. */
    @Transactional
    public Description review(long jobId, Locale locale) {
        jobs.get(jobId);
        repo.clearReviews(jobId);
        return current(jobId, locale);
    }

    /**
     * A revised standard flags every saved description that relies on it, once the revision is
     * committed, in a transaction of its own (the revision stands even if flagging failed).
     */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void standardRevised(StandardRevised event) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (long jobId : jobs.describedJobsUsing(event.standardId())) {
            repo.flag(jobId, event.standardId(), event.versionNo(), now);
        }
    }

    private Description saved(Job job, DescriptionRepository.Row r) {
        return new Description(job.id(), job.name(), job.outletType(), r.versionNo(), r.authorId(), r.authorName(),
                r.savedAt(), false, json.readValue(r.content(), JobDescription.class), repo.reviews(job.id()));
    }

    private Description generated(Job job, int versionNo, Locale locale) {
        return new Description(job.id(), job.name(), job.outletType(), versionNo, null, null, null, true,
                draft.write(job, locale), repo.reviews(job.id()));
    }
}
