package com.serviceloop.team;

import com.serviceloop.platform.OutletScope;
import com.serviceloop.platform.Rows;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Evaluations and the chain's grade bands. An evaluation from an outlet is read by those who see the
 * outlet; one from above the outlets (outlet null) belongs to the chain and is read by everyone.
 */
@Repository
class EvaluationRepository {
    private final JdbcClient jdbc;

    EvaluationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An evaluation as stored, before its scores are attached. */
    record Head(long id, long programmeId, long evaluatorId, String evaluatorName, boolean byManager,
                LocalDate evaluatedOn, String comment, OffsetDateTime submittedAt) {
    }

    long insert(long programmeId, long evaluatorId, boolean byManager, Long outletId, LocalDate evaluatedOn,
                List<Integer> scores, int total, String comment, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO team_training_evaluation (programme_id, evaluator_id, by_manager, outlet_id,
                        evaluated_on, total, comment, submitted_at)
                        VALUES (:programme, :evaluator, :byManager, :outlet, :on, :total, :comment, :now)""")
                .param("programme", programmeId).param("evaluator", evaluatorId).param("byManager", byManager)
                .param("outlet", outletId).param("on", evaluatedOn).param("total", total).param("comment", comment)
                .param("now", now).update(keys, "id");
        long id = keys.getKey().longValue();
        for (int i = 0; i < scores.size(); i++) {
            jdbc.sql("INSERT INTO team_training_evaluation_score (evaluation_id, item_no, score) VALUES (:e, :i, :s)")
                    .param("e", id).param("i", i + 1).param("s", scores.get(i)).update();
        }
        return id;
    }

    private static String visible(OutletScope scope) {
        return "(e.outlet_id IS NULL OR " + scope.sqlFilter("e.outlet_id") + ")";
    }

    /** The programme's evaluations the caller sees, newest first (all of them when limit is null), with their scores. */
    Map<Head, List<Integer>> list(long programmeId, OutletScope scope, Integer limit) {
        List<Head> heads = scope.bind(jdbc.sql("""
                        SELECT e.id, e.programme_id, e.evaluator_id, p.display_name AS evaluator_name, e.by_manager,
                               e.evaluated_on, e.comment, e.submitted_at
                        FROM team_training_evaluation e JOIN person p ON p.id = e.evaluator_id
                        WHERE e.programme_id = :programme AND %s ORDER BY e.evaluated_on DESC, e.id DESC%s"""
                        .formatted(visible(scope), limit == null ? "" : " LIMIT " + limit)))
                .param("programme", programmeId).query(Rows.of(Head.class)).list();
        Map<Long, List<Integer>> scores = new LinkedHashMap<>();
        if (!heads.isEmpty()) {
            // the scores of the same evaluations, by the same condition: no list of ids to pass
            scope.bind(jdbc.sql("""
                            SELECT s.evaluation_id, s.score FROM team_training_evaluation_score s
                            JOIN team_training_evaluation e ON e.id = s.evaluation_id
                            WHERE e.programme_id = :programme AND %s %s ORDER BY s.evaluation_id, s.item_no"""
                            .formatted(visible(scope), limit == null ? "" : "AND e.id >= :oldest")))
                    .param("programme", programmeId)
                    .param("oldest", heads.stream().mapToLong(Head::id).min().orElse(0))
                    .query(rs -> {
                        scores.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getInt(2));
                    });
        }
        Map<Head, List<Integer>> out = new LinkedHashMap<>();
        heads.forEach(h -> out.put(h, scores.getOrDefault(h.id(), List.of())));
        return out;
    }

    List<Grading.Band> bands() {
        return jdbc.sql("SELECT min_total, label_en, label_zh FROM team_training_band ORDER BY min_total DESC")
                .query(Rows.of(Grading.Band.class)).list();
    }

    void replaceBands(List<Grading.Band> bands) {
        jdbc.sql("DELETE FROM team_training_band").update();
        for (Grading.Band b : bands) {
            jdbc.sql("INSERT INTO team_training_band (min_total, label_en, label_zh) VALUES (:min, :en, :zh)")
                    .param("min", b.minTotal()).param("en", b.labelEn().strip()).param("zh", b.labelZh().strip())
                    .update();
        }
    }
}
