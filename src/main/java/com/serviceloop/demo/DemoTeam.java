package com.serviceloop.demo;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.PersonService;
import com.serviceloop.standard.Standard;
import com.serviceloop.standard.StandardService;
import com.serviceloop.standard.StarterService;
import com.serviceloop.team.Candidate;
import com.serviceloop.team.CandidateForm;
import com.serviceloop.team.Description;
import com.serviceloop.team.DescriptionForm;
import com.serviceloop.team.DescriptionService;
import com.serviceloop.team.GuideForm;
import com.serviceloop.team.InterviewGuide;
import com.serviceloop.team.Job;
import com.serviceloop.team.JobDescription;
import com.serviceloop.team.JobForm;
import com.serviceloop.team.JobService;
import com.serviceloop.team.ScoreForm;
import com.serviceloop.team.SelectionService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pharmacy chain's four jobs, written by its service quality manager from the chain's
 * standards (the pharmacy starter library is loaded first when the chain has no standards yet), with
 * a saved description each and every outlet's staff in a job, and a shop assistant being hired.
 */
@Component
class DemoTeam {
    static final String OUTLET_TYPE = "pharmacy";
    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    /** Job name, the standard areas it keeps, the purpose the manager wrote over the generated one. */
    private static final Map<String, Object[]> JOBS = new LinkedHashMap<>();

    static {
        JOBS.put("执业药师", new Object[] {Set.of("GUIDANCE", "TACT", "ATTENTIVENESS", "COMMUNICATION", "PROBLEM_SOLVING"),
                "为每位顾客审核处方、讲清用法用量和注意事项，守住用药安全这道关，让顾客放心用药。"});
        JOBS.put("营业员", new Object[] {Set.of("TIMELINESS", "ATTITUDE", "APPEARANCE", "ANTICIPATION", "SELLING_SKILL"),
                "热情迎候进店顾客，了解需求后推荐合适的商品，需要专业意见时及时请药师接手。"});
        JOBS.put("收银员", new Object[] {Set.of("TIMELINESS", "FLOW", "ATTITUDE", "TACT"),
                "快速准确地完成结账和会员积分，让顾客在离店前的最后一步也感到顺畅。"});
        JOBS.put("店长", new Object[] {Set.of("ORGANISATION", "CUSTOMER_FEEDBACK", "ADAPTABILITY", "PROBLEM_SOLVING"),
                "安排班次与人手，检查各项服务标准的执行，带领团队处理顾客意见并持续改进。"});
    }

    private final StandardService standards;
    private final StarterService starter;
    private final JobService jobs;
    private final DescriptionService descriptions;
    private final PersonService people;
    private final JdbcClient jdbc;
    private final SelectionService selection;

    DemoTeam(StandardService standards, StarterService starter, JobService jobs, DescriptionService descriptions,
             PersonService people, JdbcClient jdbc, SelectionService selection) {
        this.selection = selection;
        this.standards = standards;
        this.starter = starter;
        this.jobs = jobs;
        this.descriptions = descriptions;
        this.people = people;
        this.jdbc = jdbc;
    }

    /** What was added: the jobs, how many people got one, the shop assistant's candidates. */
    record Loaded(List<Job> jobs, int holders, List<Candidate> candidates) {
    }

    @Transactional
    public Loaded load(List<OrgUnit> outlets, String suffix) {
        long managerId = jdbc.sql("SELECT id FROM person WHERE username = :u").param("u", "quality.manager" + suffix)
                .query(Long.class).single();
        AppUser author = people.get(managerId).asUser();
        if (standards.list(OUTLET_TYPE, false).isEmpty()) {
            starter.apply(author, OUTLET_TYPE, OUTLET_TYPE, CHINESE);
        }
        List<Standard> library = standards.list(OUTLET_TYPE, false);
        Map<String, Job> created = new LinkedHashMap<>();
        JOBS.forEach((name, spec) -> {
            @SuppressWarnings("unchecked")
            Set<String> areas = (Set<String>) spec[0];
            List<Long> ids = library.stream().filter(s -> areas.contains(s.areaCode())).map(Standard::id).toList();
            Job job = jobs.create(new JobForm(name + suffix, OUTLET_TYPE, ids, null));
            Description draft = descriptions.draft(job.id(), CHINESE);
            JobDescription c = draft.content();
            descriptions.save(author, job.id(), new DescriptionForm((String) spec[1], c.duties(), c.relations(),
                    c.knowledge(), c.skills(), c.behaviours(), c.results(), 0));
            created.put(name, job);
        });
        int holders = assign(author, outlets, created);
        return new Loaded(new ArrayList<>(created.values()), holders,
                hiring(author, outlets.getFirst(), created.get("营业员").id()));
    }

    /**
     * The first outlet hires a shop assistant: the guide as generated is saved, two candidates apply and
     * the quality manager and the outlet's manager both interview them.
     */
    private List<Candidate> hiring(AppUser author, OrgUnit outlet, long jobId) {
        InterviewGuide guide = selection.guide(jobId, CHINESE);
        selection.saveGuide(author, jobId, new GuideForm(guide.questions(), 0), CHINESE);
        AppUser outletManager = people.get(jdbc.sql("""
                        SELECT MIN(id) FROM person WHERE role = 'MANAGER' AND scope_unit_id = :o""")
                .param("o", outlet.id()).query(Long.class).single()).asUser();
        Candidate chen = selection.addCandidate(outletManager, jobId, new CandidateForm("陈静", "139 1234 5678",
                outlet.id(), Candidate.Status.INTERVIEWED));
        Candidate liu = selection.addCandidate(outletManager, jobId, new CandidateForm("刘洋", "137 8765 4321",
                outlet.id(), Candidate.Status.INTERVIEWED));
        // 陈静 is strongest on the personal side, 刘洋 on timeliness; the two interviewers differ by a point here and there
        int[][] chenScores = {{4, 5, 4, 5, 3}, {4, 4, 5, 5, 4}};
        int[][] liuScores = {{5, 3, 3, 4, 4}, {4, 3, 2, 4, 3}};
        AppUser[] interviewers = {author, outletManager};
        for (int i = 0; i < interviewers.length; i++) {
            selection.score(interviewers[i], jobId, new ScoreForm(chen.id(), scores(guide, chenScores[i], "举例具体，先倾听再推荐")));
            selection.score(interviewers[i], jobId, new ScoreForm(liu.id(), scores(guide, liuScores[i], "反应快，讲解略简单")));
        }
        return List.of(chen, liu);
    }

    private static List<ScoreForm.AreaScore> scores(InterviewGuide guide, int[] values, String note) {
        List<ScoreForm.AreaScore> out = new ArrayList<>();
        for (int i = 0; i < guide.questions().size(); i++) {
            out.add(new ScoreForm.AreaScore(guide.questions().get(i).areaCode(), values[i % values.length],
                    i == 0 ? note : null));
        }
        return out;
    }

    /** Outlet managers run their outlet; of the staff, every third is a pharmacist, then shop assistant, cashier. */
    private int assign(AppUser author, List<OrgUnit> outlets, Map<String, Job> created) {
        List<Long> ids = outlets.stream().map(OrgUnit::id).toList();
        List<Object[]> staff = jdbc.sql("""
                        SELECT p.id, p.role FROM person p LEFT JOIN org_unit t ON t.id = p.team_id
                        WHERE p.scope_unit_id IN (:ids) OR t.parent_id IN (:ids) ORDER BY p.id""")
                .param("ids", ids).query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
        String[] rotation = {"执业药师", "营业员", "收银员"};
        int i = 0;
        for (Object[] p : staff) {
            String job = "MANAGER".equals(p[1]) ? "店长" : rotation[i++ % rotation.length];
            jobs.assign(author, created.get(job).id(), (Long) p[0]);
        }
        return staff.size();
    }
}
