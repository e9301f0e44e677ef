package com.serviceloop.team;

import com.serviceloop.platform.Rows;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DescriptionRepository {
    private final JdbcClient jdbc;

    DescriptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(int versionNo, Long authorId, String authorName, OffsetDateTime savedAt, String content) {
    }

    Optional<Row> latest(long jobId) {
        return jdbc.sql("""
                        SELECT d.version_no, d.author_id, p.display_name AS author_name, d.saved_at, d.content
                        FROM team_job_description d LEFT JOIN person p ON p.id = d.author_id
                        WHERE d.job_id = :job ORDER BY d.version_no DESC LIMIT 1""")
                .param("job", jobId).query(Rows.of(Row.class)).optional();
    }

    Optional<Row> version(long jobId, int versionNo) {
        return jdbc.sql("""
                        SELECT d.version_no, d.author_id, p.display_name AS author_name, d.saved_at, d.content
                        FROM team_job_description d LEFT JOIN person p ON p.id = d.author_id
                        WHERE d.job_id = :job AND d.version_no = :no""")
                .param("job", jobId).param("no", versionNo).query(Rows.of(Row.class)).optional();
    }

    List<Description.SavedVersion> versions(long jobId) {
        return jdbc.sql("""
                        SELECT d.version_no, d.author_id, p.display_name AS author_name, d.saved_at
                        FROM team_job_description d LEFT JOIN person p ON p.id = d.author_id
                        WHERE d.job_id = :job ORDER BY d.version_no DESC""")
                .param("job", jobId).query(Rows.of(Description.SavedVersion.class)).list();
    }

    int latestNo(long jobId) {
        return jdbc.sql("SELECT COALESCE(MAX(version_no), 0) FROM team_job_description WHERE job_id = :job")
                .param("job", jobId).query(Integer.class).single();
    }

    /** The unique (job, version) key turns a second save of the same version into a duplicate key. */
    void insert(long jobId, int versionNo, String content, long authorId, OffsetDateTime now) {
        jdbc.sql("""
                        INSERT INTO team_job_description (job_id, version_no, content, author_id, saved_at)
                        VALUES (:job, :no, :content, :author, :now)""")
                .param("job", jobId).param("no", versionNo).param("content", content).param("author", authorId)
                .param("now", now).update();
    }

    List<Description.ReviewFlag> reviews(long jobId) {
        return jdbc.sql("""
                        SELECT standard_id, version_no, flagged_at FROM team_job_review
                        WHERE job_id = :job ORDER BY standard_id""")
                .param("job", jobId).query(Rows.of(Description.ReviewFlag.class)).list();
    }

    /** One flag per job and standard, at the standard's newest version. */
    void flag(long jobId, long standardId, int versionNo, OffsetDateTime now) {
        jdbc.sql("DELETE FROM team_job_review WHERE job_id = :job AND standard_id = :s")
                .param("job", jobId).param("s", standardId).update();
        jdbc.sql("INSERT INTO team_job_review (job_id, standard_id, version_no, flagged_at) VALUES (:job, :s, :no, :now)")
                .param("job", jobId).param("s", standardId).param("no", versionNo).param("now", now).update();
    }

    int clearReviews(long jobId) {
        return jdbc.sql("DELETE FROM team_job_review WHERE job_id = :job").param("job", jobId).update();
    }
}
