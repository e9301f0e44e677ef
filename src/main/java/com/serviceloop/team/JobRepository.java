package com.serviceloop.team;

import com.serviceloop.platform.OutletScope;
import com.serviceloop.platform.Rows;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class JobRepository {
    private static final String JOB_COLUMNS = """
            SELECT j.id, j.name, j.outlet_type, j.created_at, j.version,
                   EXISTS (SELECT 1 FROM team_job_review r WHERE r.job_id = j.id) AS needs_review,
                   (SELECT COUNT(*) FROM team_person_job p WHERE p.job_id = j.id) AS holders
            FROM team_job j""";

    private final JdbcClient jdbc;

    JobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(long id, String name, String outletType, OffsetDateTime createdAt, int version,
                       boolean needsReview, int holders) {
    }

    /** Jobs of one outlet type and the chain-wide ones (outletType null: every job). */
    List<Job> list(String outletType) {
        // PostgreSQL cannot type a parameter that is only compared with NULL, so the filter is left out instead
        String order = " ORDER BY j.outlet_type NULLS FIRST, j.name, j.id";
        List<Row> rows = outletType == null ? jdbc.sql(JOB_COLUMNS + order).query(Rows.of(Row.class)).list()
                : jdbc.sql(JOB_COLUMNS + " WHERE j.outlet_type IS NULL OR j.outlet_type = :type" + order)
                        .param("type", outletType).query(Rows.of(Row.class)).list();
        Map<Long, List<Long>> standards = standardIds(rows.stream().map(Row::id).toList());
        return rows.stream().map(r -> job(r, standards.getOrDefault(r.id(), List.of()))).toList();
    }

    Optional<Job> find(long id) {
        return jdbc.sql(JOB_COLUMNS + " WHERE j.id = :id").param("id", id).query(Rows.of(Row.class)).optional()
                .map(r -> job(r, standardIds(List.of(id)).getOrDefault(id, List.of())));
    }

    private static Job job(Row r, List<Long> standardIds) {
        return new Job(r.id(), r.name(), r.outletType(), standardIds, r.createdAt(), r.version(), r.needsReview(),
                r.holders());
    }

    private Map<Long, List<Long>> standardIds(Collection<Long> jobIds) {
        Map<Long, List<Long>> out = new LinkedHashMap<>();
        if (jobIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT job_id, standard_id FROM team_job_standard WHERE job_id IN (:ids) ORDER BY job_id, sort_order")
                .param("ids", jobIds)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        return out;
    }

    boolean nameTaken(String name, String outletType, Long exceptId) {
        var spec = jdbc.sql("SELECT COUNT(*) FROM team_job WHERE name = :name AND id <> :except AND "
                        + (outletType == null ? "outlet_type IS NULL" : "outlet_type = :type"))
                .param("name", name).param("except", exceptId == null ? -1L : exceptId);
        return (outletType == null ? spec : spec.param("type", outletType)).query(Long.class).single() > 0;
    }

    long insert(String name, String outletType, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO team_job (name, outlet_type, created_at) VALUES (:name, :type, :now)")
                .param("name", name).param("type", outletType).param("now", now).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Compare-and-set on the version: false when someone else saved the job first. */
    boolean update(long id, int version, String name, String outletType) {
        return jdbc.sql("""
                        UPDATE team_job SET name = :name, outlet_type = :type, version = version + 1
                        WHERE id = :id AND version = :version""")
                .param("name", name).param("type", outletType).param("id", id).param("version", version).update() == 1;
    }

    void replaceStandards(long jobId, List<Long> standardIds) {
        jdbc.sql("DELETE FROM team_job_standard WHERE job_id = :id").param("id", jobId).update();
        for (int i = 0; i < standardIds.size(); i++) {
            jdbc.sql("INSERT INTO team_job_standard (job_id, standard_id, sort_order) VALUES (:job, :s, :o)")
                    .param("job", jobId).param("s", standardIds.get(i)).param("o", i).update();
        }
    }

    /** The jobs whose saved description relies on the standard (a job without a saved description has nothing to review). */
    List<Long> describedJobsUsing(long standardId) {
        return jdbc.sql("""
                        SELECT DISTINCT s.job_id FROM team_job_standard s
                        WHERE s.standard_id = :s AND EXISTS (SELECT 1 FROM team_job_description d WHERE d.job_id = s.job_id)
                        ORDER BY s.job_id""")
                .param("s", standardId).query(Long.class).list();
    }

    List<JobHolder> holders(long jobId, OutletScope scope) {
        return scope.bind(jdbc.sql("""
                        SELECT pj.person_id, p.display_name, pj.job_id, pj.outlet_id, pj.assigned_at
                        FROM team_person_job pj JOIN person p ON p.id = pj.person_id
                        WHERE pj.job_id = :job AND %s ORDER BY p.display_name, pj.person_id"""
                        .formatted(scope.sqlFilter("pj.outlet_id"))))
                .param("job", jobId).query(Rows.of(JobHolder.class)).list();
    }

    Optional<JobHolder> holding(long personId) {
        return jdbc.sql("""
                        SELECT pj.person_id, p.display_name, pj.job_id, pj.outlet_id, pj.assigned_at
                        FROM team_person_job pj JOIN person p ON p.id = pj.person_id WHERE pj.person_id = :p""")
                .param("p", personId).query(Rows.of(JobHolder.class)).optional();
    }

    /** A person's one current job replaces any job they held before. */
    void assign(long personId, long jobId, Long outletId, long by, OffsetDateTime now) {
        release(personId);
        jdbc.sql("""
                        INSERT INTO team_person_job (person_id, job_id, outlet_id, assigned_by, assigned_at)
                        VALUES (:p, :job, :outlet, :by, :now)""")
                .param("p", personId).param("job", jobId).param("outlet", outletId).param("by", by).param("now", now)
                .update();
    }

    /** Active people of the given units (their scope unit or their team), for a manager's choice; every one when null. */
    List<JobService.Assignable> assignable(Collection<Long> unitIds) {
        String where = unitIds == null ? "" : " AND (scope_unit_id IN (:ids) OR team_id IN (:ids))";
        if (unitIds != null && unitIds.isEmpty()) {
            return List.of();
        }
        var spec = jdbc.sql("SELECT id, display_name FROM person WHERE active" + where
                + " ORDER BY display_name, id LIMIT 1000");
        return (unitIds == null ? spec : spec.param("ids", unitIds)).query(Rows.of(JobService.Assignable.class)).list();
    }

    boolean release(long personId) {
        return jdbc.sql("DELETE FROM team_person_job WHERE person_id = :p").param("p", personId).update() == 1;
    }
}
