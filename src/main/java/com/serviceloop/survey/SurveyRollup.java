package com.serviceloop.survey;

import com.serviceloop.platform.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds new responses into the daily aggregates, in id order, a batch at a time, and moves the
 * mark. Only responses older than a safety lag are folded: a response's id is taken when it is
 * inserted but it becomes visible at commit, so a just-inserted lower id could still be in flight.
 * Readers add everything above the mark live, so figures are exact whatever the job's progress.
 */
@Component
class SurveyRollup {
    static final int BATCH = 50_000;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String day;
    private final Duration lag;

    public SurveyRollup(JdbcClient jdbc, TransactionTemplate tx, Clock clock, Database db,
                        @Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone,
                        @Value("${serviceloop.surveys.rollup-lag:PT1M}") Duration lag) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.day = db.localDay("r.submitted_at", ZoneId.of(zone));
        this.lag = lag;
    }

    public long mark() {
        return jdbc.sql("SELECT last_response_id FROM survey_rollup_mark WHERE name = 'daily'").query(Long.class).single();
    }

    /**
     * Keeps the mark where it is until the caller's transaction ends. Answers stored with a past
     * time ({@link SurveyBackfill}) count as settled at once, so a run in another transaction could
     * fold newer committed answers and move the mark past them before they commit; they would then
     * be neither folded nor read live.
     */
    void holdMark() {
        jdbc.sql("SELECT last_response_id FROM survey_rollup_mark WHERE name = 'daily' FOR UPDATE").query(Long.class).single();
    }

    @Scheduled(fixedDelayString = "${serviceloop.surveys.rollup-interval:PT30S}", initialDelayString = "PT25S")
    @SchedulerLock(name = "survey-rollup", lockAtMostFor = "PT10M", lockAtLeastFor = "PT5S")
    public void scheduled() {
        while (step(false) == BATCH) {
            // keep going while whole batches come back
        }
    }

    /** One batch; answers how many responses it folded in. */
    public int step() {
        return step(true);
    }

    /**
     * One batch. Without waiting, a mark held by another transaction (a bulk load folding its own
     * answers, {@link #holdMark}) leaves the work to the next run instead of failing on a lock timeout.
     */
    private int step(boolean wait) {
        Integer folded = tx.execute(s -> {
            Long held = jdbc.sql("SELECT last_response_id FROM survey_rollup_mark WHERE name = 'daily' FOR UPDATE"
                    + (wait ? "" : " SKIP LOCKED")).query(Long.class).optional().orElse(null);
            if (held == null) {
                return 0;
            }
            long from = held;
            OffsetDateTime settled = OffsetDateTime.now(clock).minus(lag);
            Long to = jdbc.sql("""
                    SELECT MAX(id) FROM (SELECT id FROM survey_response WHERE id > :from AND submitted_at < :settled
                                         ORDER BY id FETCH FIRST %d ROWS ONLY) x""".formatted(BATCH))
                    .param("from", from).param("settled", settled).query(Long.class).optional().orElse(null);
            if (to == null) {
                return 0;
            }
            // responses in (from, to] that are not yet settled stay for the next run
            Long stop = jdbc.sql("SELECT MIN(id) FROM survey_response WHERE id > :from AND id <= :to AND submitted_at >= :settled")
                    .param("from", from).param("to", to).param("settled", settled).query(Long.class).optional().orElse(null);
            long upTo = stop == null ? to : stop - 1;
            if (upTo <= from) {
                return 0;
            }
            jdbc.sql("""
                    MERGE INTO survey_daily d
                    USING (SELECT r.survey_id, COALESCE(r.outlet_id, 0) AS outlet_id, %1$s AS stat_day, COUNT(*) AS responses,
                                  SUM(CASE WHEN r.complete THEN 1 ELSE 0 END) AS complete,
                                  COUNT(r.satisfaction) AS sat_n, COALESCE(SUM(r.satisfaction), 0) AS sat_sum,
                                  SUM(CASE WHEN rec.v >= 9 THEN 1 ELSE 0 END) AS promoters,
                                  SUM(CASE WHEN rec.v BETWEEN 7 AND 8 THEN 1 ELSE 0 END) AS passives,
                                  SUM(CASE WHEN rec.v <= 6 THEN 1 ELSE 0 END) AS detractors,
                                  SUM(CASE WHEN abn.n > 0 THEN 1 ELSE 0 END) AS ask_by_name
                           FROM survey_response r
                           LEFT JOIN (SELECT a.response_id, MAX(a.num_value) AS v FROM survey_answer a
                                      JOIN survey_question q ON q.id = a.question_id AND q.purpose = 'RECOMMEND'
                                      WHERE a.response_id > :from AND a.response_id <= :to GROUP BY a.response_id) rec
                                  ON rec.response_id = r.id
                           LEFT JOIN (SELECT a.response_id, COUNT(*) AS n FROM survey_answer a
                                      JOIN survey_question q ON q.id = a.question_id AND q.purpose = 'ASK_BY_NAME'
                                      WHERE a.response_id > :from AND a.response_id <= :to AND a.text_value IS NOT NULL
                                      GROUP BY a.response_id) abn ON abn.response_id = r.id
                           WHERE r.id > :from AND r.id <= :to
                           GROUP BY r.survey_id, COALESCE(r.outlet_id, 0), %1$s) s
                    ON d.survey_id = s.survey_id AND d.outlet_id = s.outlet_id AND d.stat_day = s.stat_day
                    WHEN MATCHED THEN UPDATE SET responses = d.responses + s.responses, complete = d.complete + s.complete,
                        sat_n = d.sat_n + s.sat_n, sat_sum = d.sat_sum + s.sat_sum, promoters = d.promoters + s.promoters,
                        passives = d.passives + s.passives, detractors = d.detractors + s.detractors,
                        ask_by_name = d.ask_by_name + s.ask_by_name
                    WHEN NOT MATCHED THEN INSERT (survey_id, outlet_id, stat_day, responses, complete, sat_n, sat_sum, promoters,
                        passives, detractors, ask_by_name)
                        VALUES (s.survey_id, s.outlet_id, s.stat_day, s.responses, s.complete, s.sat_n, s.sat_sum, s.promoters,
                        s.passives, s.detractors, s.ask_by_name)""".formatted(day))
                    .param("from", from).param("to", upTo).update();
            jdbc.sql("""
                    MERGE INTO survey_item_daily d
                    USING (SELECT r.survey_id, COALESCE(r.outlet_id, 0) AS outlet_id, %1$s AS stat_day, a.question_id,
                                  COUNT(a.num_value) AS n, COALESCE(SUM(a.num_value), 0) AS total
                           FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
                           WHERE r.id > :from AND r.id <= :to AND a.num_value IS NOT NULL
                           GROUP BY r.survey_id, COALESCE(r.outlet_id, 0), %1$s, a.question_id) s
                    ON d.survey_id = s.survey_id AND d.outlet_id = s.outlet_id AND d.stat_day = s.stat_day AND d.question_id = s.question_id
                    WHEN MATCHED THEN UPDATE SET n = d.n + s.n, total = d.total + s.total
                    WHEN NOT MATCHED THEN INSERT (survey_id, outlet_id, stat_day, question_id, n, total)
                        VALUES (s.survey_id, s.outlet_id, s.stat_day, s.question_id, s.n, s.total)""".formatted(day))
                    .param("from", from).param("to", upTo).update();
            int n = jdbc.sql("SELECT COUNT(*) FROM survey_response WHERE id > :from AND id <= :to")
                    .param("from", from).param("to", upTo).query(Integer.class).single();
            jdbc.sql("UPDATE survey_rollup_mark SET last_response_id = :to WHERE name = 'daily'").param("to", upTo).update();
            return n;
        });
        return folded == null ? 0 : folded;
    }
}
