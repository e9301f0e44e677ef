package com.serviceloop.team;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.Person;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.AppSettings;
import com.serviceloop.platform.BadInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The 20-item evaluation of training programmes and the chain's grading of it (see {@link EvaluationScoring}). */
@Service
public class EvaluationService {
    static final String FLAG_KEY = "team.training.flagAt";
    static final int DEFAULT_FLAG_AT = 2;
    /** How far back a paper form may be entered. */
    static final int YEARS_BACK = 10;
    private static final int RECENT = 50;
    private final EvaluationRepository repo;
    private final ProgrammeService programmes;
    private final OrgService org;
    private final TeamPeople team;
    private final AppSettings settings;
    private final FormCheck check;
    private final Clock clock;

    EvaluationService(EvaluationRepository repo, ProgrammeService programmes, OrgService org, TeamPeople team,
                      AppSettings settings, FormCheck check, Clock clock) {
        this.repo = repo;
        this.programmes = programmes;
        this.org = org;
        this.team = team;
        this.settings = settings;
        this.check = check;
        this.clock = clock;
    }

    public Grading grading() {
        String flag = settings.under(FLAG_KEY).get("");
        return new Grading(repo.bands(), flag == null ? DEFAULT_FLAG_AT : Integer.parseInt(flag));
    }

    /** Replaces the bands and the threshold; each minimum once, the lowest band starting at 20. */
    @Transactional
    public Grading saveGrading(Grading form) {
        check.valid(form);
        Set<Integer> seen = new HashSet<>();
        for (Grading.Band b : form.bands()) {
            if (!seen.add(b.minTotal())) {
                throw BadInputException.of("bands", "error.training.bandTwice", String.valueOf(b.minTotal()));
            }
        }
        if (!seen.contains(EvaluationScoring.LOWEST_TOTAL)) {
            throw BadInputException.of("bands", "error.training.lowestBand", String.valueOf(EvaluationScoring.LOWEST_TOTAL));
        }
        List<Grading.Band> bands = new ArrayList<>(form.bands());
        bands.sort(Comparator.comparing(Grading.Band::minTotal).reversed());
        repo.replaceBands(bands);
        settings.put(FLAG_KEY, String.valueOf(form.flagAt()));
        return grading();
    }

    /** Anyone with a role evaluates any programme, as a manager (administrators, managers) or as a trainee. */
    @Transactional
    public Evaluation submit(AppUser user, long programmeId, EvaluationForm form) {
        programmes.get(programmeId);
        check.valid(form);
        LocalDate today = LocalDate.now(clock);
        LocalDate on = form.evaluatedOn() == null ? today : form.evaluatedOn();
        if (on.isAfter(today) || on.isBefore(today.minusYears(YEARS_BACK))) {
            throw BadInputException.of("evaluatedOn", "error.training.evaluatedOnRange", String.valueOf(YEARS_BACK));
        }
        Person me = team.get(user.id());
        String comment = form.comment() == null || form.comment().isBlank() ? null : form.comment().strip();
        int total = EvaluationScoring.total(form.scores());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Grading grading = grading();
        long id = repo.insert(programmeId, user.id(), Roles.manages(user), team.outletOf(me), on, form.scores(), total,
                comment, now);
        return new Evaluation(id, programmeId, me.id(), me.displayName(), Roles.manages(user), on,
                List.copyOf(form.scores()), total, grading.bandOf(total),
                EvaluationScoring.improveNow(form.scores(), grading.flagAt()), comment, now);
    }

    /** The programme's evaluations the caller sees, newest first; the latest 50 when recentOnly. */
    public List<Evaluation> list(AppUser user, long programmeId, boolean recentOnly) {
        programmes.get(programmeId);
        return list(user, programmeId, recentOnly ? RECENT : null);
    }

    private List<Evaluation> list(AppUser user, long programmeId, Integer limit) {
        Grading grading = grading();
        List<Evaluation> out = new ArrayList<>();
        for (Map.Entry<EvaluationRepository.Head, List<Integer>> e : repo.list(programmeId, org.scopeOf(user), limit)
                .entrySet()) {
            EvaluationRepository.Head h = e.getKey();
            int total = EvaluationScoring.total(e.getValue());
            out.add(new Evaluation(h.id(), h.programmeId(), h.evaluatorId(), h.evaluatorName(), h.byManager(),
                    h.evaluatedOn(), e.getValue(), total, grading.bandOf(total),
                    EvaluationScoring.improveNow(e.getValue(), grading.flagAt()), h.comment(), h.submittedAt()));
        }
        return out;
    }

    public EvaluationSummary summary(AppUser user, long programmeId) {
        programmes.get(programmeId);
        List<EvaluationScoring.Scored> scored = repo.list(programmeId, org.scopeOf(user), null).entrySet().stream()
                .map(e -> new EvaluationScoring.Scored(e.getKey().evaluatedOn(), e.getValue())).toList();
        return EvaluationScoring.summary(programmeId, scored, grading());
    }
}
