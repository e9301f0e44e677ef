package com.serviceloop.demo;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.PersonService;
import com.serviceloop.standard.Standard;
import com.serviceloop.standard.StandardService;
import com.serviceloop.team.EvaluationForm;
import com.serviceloop.team.EvaluationService;
import com.serviceloop.team.Job;
import com.serviceloop.team.JobHolder;
import com.serviceloop.team.JobService;
import com.serviceloop.team.Programme;
import com.serviceloop.team.ProgrammeForm;
import com.serviceloop.team.ProgrammeService;
import com.serviceloop.team.ResultForm;
import com.serviceloop.team.SessionForm;
import com.serviceloop.team.SessionService;
import com.serviceloop.team.TrainingSession;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pharmacy chain's two training programmes, written by its quality manager from the chain's
 * standards: prescription advice for pharmacists and outlet managers, complaint handling and service
 * recovery for everyone. Sessions over the last months in four outlets with each attendee's results
 * (a few absent, a few failing a check, the latest skill checks still to be observed), and ten
 * evaluations per programme: prescription advice improving month by month, complaint handling held
 * back by trainers who were never taught how to train.
 */
@Component
class DemoTraining {
    private static final String PRESCRIPTION = "处方药咨询服务";
    private static final String COMPLAINTS = "投诉处理与服务补救";
    /** Months back of each programme's ten evaluations, oldest first. */
    private static final int[] EVALUATION_MONTHS = {5, 5, 4, 4, 3, 3, 2, 2, 1, 0};
    /** Complaint handling's items 19 and 20 (trainers trained, trainers' manual): mean 1.9 each, flagged. */
    private static final int[] TRAINERS_TRAINED = {1, 2, 2, 1, 2, 2, 2, 3, 2, 2};
    private static final int[] TRAINERS_MANUAL = {2, 1, 2, 2, 1, 2, 3, 2, 2, 2};

    private final ProgrammeService programmes;
    private final SessionService sessions;
    private final EvaluationService evaluations;
    private final StandardService standards;
    private final JobService jobs;
    private final PersonService people;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoTraining(ProgrammeService programmes, SessionService sessions, EvaluationService evaluations,
                 StandardService standards, JobService jobs, PersonService people, JdbcClient jdbc, Clock clock) {
        this.programmes = programmes;
        this.sessions = sessions;
        this.evaluations = evaluations;
        this.standards = standards;
        this.jobs = jobs;
        this.people = people;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What was added: the two programmes, the sessions and the evaluations. */
    record Loaded(List<Programme> programmes, List<TrainingSession> sessions, int evaluations) {
    }

    @Transactional
    public Loaded load(List<OrgUnit> outlets, String suffix, List<Job> teamJobs) {
        AppUser author = people.get(jdbc.sql("SELECT id FROM person WHERE username = :u")
                .param("u", "quality.manager" + suffix).query(Long.class).single()).asUser();
        List<Standard> library = standards.list(DemoTeam.OUTLET_TYPE, false);
        Programme advice = programmes.create(new ProgrammeForm(PRESCRIPTION + suffix, DemoTeam.OUTLET_TYPE,
                "审核处方，讲清用法用量、禁忌和相互作用，在咨询区保护顾客隐私，需要时建议就医。",
                ids(library, Set.of("GUIDANCE", "COMMUNICATION", "TACT")), null));
        Programme recovery = programmes.create(new ProgrammeForm(COMPLAINTS + suffix, DemoTeam.OUTLET_TYPE,
                "耐心倾听、真诚致歉、当场解决或约定答复时间，事后回访确认顾客满意。",
                ids(library, Set.of("PROBLEM_SOLVING", "CUSTOMER_FEEDBACK", "ATTITUDE")), null));

        Map<String, List<JobHolder>> holders = new LinkedHashMap<>();
        for (Job job : teamJobs) {
            holders.put(job.name().substring(0, job.name().length() - suffix.length()), jobs.holders(author, job.id()));
        }
        Random rnd = new Random(13);
        LocalDate today = LocalDate.now(clock);
        List<TrainingSession> held = new ArrayList<>();
        int[][] adviceSessions = {{0, 150}, {1, 120}, {2, 60}};
        for (int[] s : adviceSessions) {
            OrgUnit outlet = outlets.get(s[0] % outlets.size());
            List<Long> attendees = attendees(holders, outlet, Set.of("执业药师", "店长"));
            // the first outlet's pharmacist teaches the others
            long trainer = holders.get("执业药师").stream().map(JobHolder::personId).findFirst().orElse(author.id());
            held.add(session(author, advice, outlet, today.minusDays(s[1]), trainer, "第" + (held.size() + 1) + "期",
                    attendees, today, rnd));
        }
        int[][] recoverySessions = {{0, 130}, {1, 95}, {2, 40}, {3, -10}};
        for (int[] s : recoverySessions) {
            OrgUnit outlet = outlets.get(s[0] % outlets.size());
            held.add(session(author, recovery, outlet, today.minusDays(s[1]), author.id(), "全员轮训",
                    attendees(holders, outlet, holders.keySet()), today, rnd));
        }
        List<AppUser> evaluators = new ArrayList<>();
        holders.values().forEach(list -> list.forEach(h -> evaluators.add(people.get(h.personId()).asUser())));
        evaluators.add(author);
        int n = evaluate(advice, evaluators, today, rnd, false) + evaluate(recovery, evaluators, today, rnd, true);
        return new Loaded(List.of(advice, recovery), held, n);
    }

    private static List<Long> ids(List<Standard> library, Set<String> areas) {
        return library.stream().filter(s -> areas.contains(s.areaCode())).map(Standard::id).toList();
    }

    private static List<Long> attendees(Map<String, List<JobHolder>> holders, OrgUnit outlet, Set<String> jobNames) {
        List<Long> out = new ArrayList<>();
        holders.forEach((job, list) -> {
            if (jobNames.contains(job)) {
                list.stream().filter(h -> Objects.equals(h.outletId(), outlet.id())).forEach(h -> out.add(h.personId()));
            }
        });
        return out;
    }

    /**
     * A session and, once it took place, the results: about one in ten absent, one in eight failing the
     * knowledge check; the skill check is observed two to five weeks later on the job (still open when
     * that day has not come), passed by most.
     */
    private TrainingSession session(AppUser author, Programme programme, OrgUnit outlet, LocalDate day, long trainer,
                                    String note, List<Long> attendees, LocalDate today, Random rnd) {
        TrainingSession s = sessions.create(author, new SessionForm(programme.id(), outlet.id(), day, trainer, note,
                attendees, null));
        if (day.isAfter(today)) {
            return s;
        }
        Map<Long, ResultForm> results = new LinkedHashMap<>();
        for (long person : attendees) {
            boolean attended = rnd.nextInt(10) != 0;
            if (!attended) {
                results.put(person, new ResultForm(false, day, null, null, null, null));
                continue;
            }
            boolean knowledge = rnd.nextInt(8) != 0;
            LocalDate observed = day.plusDays(14 + rnd.nextInt(22));
            Boolean skill = observed.isAfter(today) ? null : rnd.nextInt(6) != 0;
            results.put(person, new ResultForm(true, day, knowledge, day, skill, skill == null ? null : observed));
        }
        return sessions.recordAll(author, s.id(), results);
    }

    /** Ten evaluations, oldest first, by trainees and managers in turn; the fourth scores three items low. */
    private int evaluate(Programme programme, List<AppUser> evaluators, LocalDate today, Random rnd, boolean recovery) {
        for (int k = 0; k < EVALUATION_MONTHS.length; k++) {
            // prescription advice improves from about 3.2 to 4.3 per item; complaint handling stays near 3.6
            double base = recovery ? 3.6 : 3.2 + 1.1 * k / (EVALUATION_MONTHS.length - 1);
            List<Integer> scores = new ArrayList<>();
            for (int item = 1; item <= 20; item++) {
                scores.add((int) Math.max(1, Math.min(5, Math.round(base + rnd.nextGaussian() * 0.6))));
            }
            if (recovery) {
                scores.set(18, TRAINERS_TRAINED[k]);
                scores.set(19, TRAINERS_MANUAL[k]);
            } else if (k == 3) {
                // practice time off the job, a caring climate and feedback on progress were missed in that month
                scores.set(6, 1);
                scores.set(10, 2);
                scores.set(14, 2);
            }
            LocalDate on = today.minusMonths(EVALUATION_MONTHS[k]).withDayOfMonth(1).plusDays(rnd.nextInt(27));
            evaluations.submit(evaluators.get((k * 3 + (recovery ? 1 : 0)) % evaluators.size()), programme.id(),
                    new EvaluationForm(scores, on.isAfter(today) ? today : on, k == 3 && !recovery
                            ? "练习时间太少，进度没有人反馈" : null));
        }
        return EVALUATION_MONTHS.length;
    }
}
