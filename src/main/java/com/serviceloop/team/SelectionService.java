package com.serviceloop.team;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.UnitKind;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.OutletScope;
import com.serviceloop.standard.StandardArea;
import com.serviceloop.standard.StandardService;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Selection: the interview guide per job (chain-wide), candidates and their scores (per outlet). */
@Service
public class SelectionService {
    private final SelectionRepository repo;
    private final JobService jobs;
    private final StandardService standards;
    private final OrgService org;
    private final MessageSource messages;
    private final Clock clock;
    private final FormCheck check;

    public SelectionService(SelectionRepository repo, JobService jobs, StandardService standards, OrgService org,
                            MessageSource messages, Clock clock, FormCheck check) {
        this.check = check;
        this.repo = repo;
        this.jobs = jobs;
        this.standards = standards;
        this.org = org;
        this.messages = messages;
        this.clock = clock;
    }

    /** The saved guide, or one open question and follow-up per standard area of the job, in the reader's language. */
    public InterviewGuide guide(long jobId, Locale locale) {
        Job job = jobs.get(jobId);
        Optional<SelectionRepository.GuideRow> saved = repo.guide(jobId);
        if (saved.isPresent()) {
            return new InterviewGuide(jobId, job.name(), saved.get().version(), false, saved.get().savedAt(),
                    repo.questions(jobId));
        }
        List<InterviewGuide.GuideQuestion> questions = jobAreas(job).stream()
                .map(a -> new InterviewGuide.GuideQuestion(a.code(),
                        messages.getMessage("team.interview.q." + a.code(), null, locale),
                        messages.getMessage("team.interview.f." + a.code(), null, locale)))
                .toList();
        return new InterviewGuide(jobId, job.name(), 0, true, null, questions);
    }

    /** The areas of the job's standards, in the areas' fixed order. */
    private List<StandardArea> jobAreas(Job job) {
        List<String> codes = job.standardIds().stream().map(standards::current).flatMap(Optional::stream)
                .map(s -> s.areaCode()).distinct().toList();
        return standards.areas().stream().filter(a -> codes.contains(a.code())).toList();
    }

    @Transactional
    public InterviewGuide saveGuide(AppUser user, long jobId, GuideForm form, Locale locale) {
        Job job = jobs.get(jobId);
        check.valid(form);
        for (int i = 0; i < form.questions().size(); i++) {
            checkArea("questions[" + i + "].areaCode", form.questions().get(i).areaCode());
        }
        int expected = form.version() == null ? repo.guide(jobId).map(SelectionRepository.GuideRow::version).orElse(0)
                : form.version();
        if (!repo.saveGuide(jobId, expected, user.id(), OffsetDateTime.now(clock))) {
            throw ConflictException.of("error.team.guideChanged", job.name());
        }
        repo.replaceQuestions(jobId, form.questions());
        return guide(jobId, locale);
    }

    private void checkArea(String field, String code) {
        if (standards.areas().stream().noneMatch(a -> a.code().equals(code))) {
            throw BadInputException.of(field, "error.team.unknownArea", code);
        }
    }

    public List<Candidate> candidates(AppUser user, long jobId) {
        jobs.get(jobId);
        return repo.candidates(jobId, org.scopeOf(user));
    }

    @Transactional
    public Candidate addCandidate(AppUser user, long jobId, CandidateForm form) {
        jobs.get(jobId);
        check.valid(form);
        OutletScope scope = org.scopeOf(user);
        boolean isOutlet = org.find(form.outletId()).map(u -> u.kind() == UnitKind.OUTLET)
                .orElse(false);
        if (!isOutlet || !scope.contains(form.outletId())) {
            throw BadInputException.of("outletId", "error.team.outletOutOfScope", String.valueOf(form.outletId()));
        }
        long id = repo.insertCandidate(jobId, form.outletId(), form.name().strip(),
                form.contact() == null || form.contact().isBlank() ? null : form.contact().strip(),
                form.status() == null ? Candidate.Status.APPLIED : form.status(), OffsetDateTime.now(clock));
        return repo.candidate(jobId, id, scope).orElseThrow();
    }

    @Transactional
    public Candidate setStatus(AppUser user, long jobId, long candidateId, Candidate.Status status) {
        Candidate c = candidateInScope(user, jobId, candidateId);
        repo.setStatus(c.id(), status);
        return repo.candidate(jobId, c.id(), org.scopeOf(user)).orElseThrow();
    }

    /** The caller scores as interviewer; each area once per request. */
    @Transactional
    public Comparison score(AppUser user, long jobId, ScoreForm form) {
        check.valid(form);
        Candidate c = candidateInScope(user, jobId, form.candidateId());
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < form.scores().size(); i++) {
            String area = form.scores().get(i).areaCode();
            checkArea("scores[" + i + "].areaCode", area);
            if (seen.contains(area)) {
                throw BadInputException.of("scores[" + i + "].areaCode", "error.team.areaTwice", area);
            }
            seen.add(area);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        form.scores().forEach(s -> repo.score(c.id(), user.id(), s, now));
        return comparison(user, jobId);
    }

    private Candidate candidateInScope(AppUser user, long jobId, long candidateId) {
        jobs.get(jobId);
        return repo.candidate(jobId, candidateId, org.scopeOf(user)).orElseThrow(() ->
                BadInputException.of("candidateId", "error.team.unknownCandidate", String.valueOf(candidateId)));
    }

    public Comparison comparison(AppUser user, long jobId) {
        Job job = jobs.get(jobId);
        OutletScope scope = org.scopeOf(user);
        return CandidateComparison.of(jobId, jobAreas(job).stream().map(StandardArea::code).toList(),
                repo.candidates(jobId, scope), repo.scores(jobId, scope));
    }

    /** Scores with interviewers' notes, for the candidate sheets. */
    List<SelectionRepository.Score> scores(AppUser user, long jobId) {
        jobs.get(jobId);
        return repo.scores(jobId, org.scopeOf(user));
    }

    /** Anonymises candidates who applied more than the given days before now; returns how many. */
    @Transactional
    public int anonymise(int days, OffsetDateTime now) {
        return repo.anonymise(now.minusDays(days), now);
    }
}
