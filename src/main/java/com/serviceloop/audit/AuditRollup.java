package com.serviceloop.audit;

import com.serviceloop.platform.Database;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly sums behind the audit dashboard (audit_month, audit_item_month). A submission adds its audit in its own
 * transaction, so the dashboard is never behind; {@link #rebuild} recomputes everything after rows were loaded by
 * other means (a bulk load, a restored backup).
 */
@Service
class AuditRollup {
    private static final int CHUNK = 1000;
    private static final String ITEM_KEY =
            "CASE WHEN i.standard_id IS NULL THEN 't' || i.text ELSE 's' || CAST(i.standard_id AS VARCHAR(20)) END";
    private final JdbcClient jdbc;
    private final String month;

    AuditRollup(JdbcClient jdbc, Database db, @Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.month = db.localMonth("a.submitted_at", ZoneId.of(zone));
    }

    private String audits(String where) {
        return """
                SELECT a.outlet_id, %s AS stat_month, COUNT(*) AS audits, COUNT(a.score) AS scored,
                       COALESCE(SUM(a.score), 0) AS score_sum, SUM(CASE WHEN a.result = 'FAILED' THEN 1 ELSE 0 END) AS failed
                FROM audit a WHERE a.status <> 'IN_PROGRESS' %s
                GROUP BY a.outlet_id, %1$s""".formatted(month, where);
    }

    private String items(String where) {
        return """
                SELECT a.outlet_id, %s AS stat_month, %s AS item_key, MIN(i.standard_id) AS standard_id, MIN(i.text) AS text,
                       MIN(s.area_code) AS area_code, COUNT(*) AS answers, SUM(n.score) AS score_sum
                FROM audit a JOIN audit_answer n ON n.audit_id = a.id JOIN audit_item i ON i.id = n.item_id
                JOIN audit_section s ON s.id = i.section_id
                WHERE a.status <> 'IN_PROGRESS' AND n.score IS NOT NULL %s
                GROUP BY a.outlet_id, %1$s, %2$s""".formatted(month, ITEM_KEY, where);
    }

    /** Adds submitted audits to the sums; each audit must be added exactly once (at its submission or import). */
    void add(Collection<Long> auditIds) {
        List<Long> ids = List.copyOf(auditIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            jdbc.sql("""
                    MERGE INTO audit_month m USING (%s) x ON m.outlet_id = x.outlet_id AND m.stat_month = x.stat_month
                    WHEN MATCHED THEN UPDATE SET audits = m.audits + x.audits, scored = m.scored + x.scored,
                        score_sum = m.score_sum + x.score_sum, failed = m.failed + x.failed
                    WHEN NOT MATCHED THEN INSERT (outlet_id, stat_month, audits, scored, score_sum, failed)
                        VALUES (x.outlet_id, x.stat_month, x.audits, x.scored, x.score_sum, x.failed)"""
                    .formatted(audits("AND a.id IN (:ids)"))).param("ids", chunk).update();
            jdbc.sql("""
                    MERGE INTO audit_item_month m USING (%s) x
                    ON m.outlet_id = x.outlet_id AND m.stat_month = x.stat_month AND m.item_key = x.item_key
                    WHEN MATCHED THEN UPDATE SET answers = m.answers + x.answers, score_sum = m.score_sum + x.score_sum
                    WHEN NOT MATCHED THEN INSERT (outlet_id, stat_month, item_key, standard_id, text, area_code, answers,
                        score_sum)
                        VALUES (x.outlet_id, x.stat_month, x.item_key, x.standard_id, x.text, x.area_code, x.answers,
                        x.score_sum)""".formatted(items("AND a.id IN (:ids)"))).param("ids", chunk).update();
        }
    }

    /** Recomputes all sums from the audits in one transaction; the number of outlet-months. */
    @Transactional
    public int rebuild() {
        jdbc.sql("DELETE FROM audit_item_month").update();
        jdbc.sql("DELETE FROM audit_month").update();
        int months = jdbc.sql("INSERT INTO audit_month (outlet_id, stat_month, audits, scored, score_sum, failed) "
                + audits("")).update();
        jdbc.sql("INSERT INTO audit_item_month (outlet_id, stat_month, item_key, standard_id, text, area_code, answers, "
                + "score_sum) " + items("")).update();
        return months;
    }
}
