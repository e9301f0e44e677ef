package com.serviceloop.survey;

import com.serviceloop.organisation.OrgService;
import com.serviceloop.platform.AppUser;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.OutletScope;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Figures from stored responses, within the caller's outlet scope. */
@Service
public class SurveyAnalysis {
    private final JdbcClient jdbc;
    private final OrgService org;
    private final SurveyRepository surveys;
    private final ZoneId zone;

    public SurveyAnalysis(JdbcClient jdbc, OrgService org, SurveyRepository surveys,
                          @Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.org = org;
        this.surveys = surveys;
        this.zone = ZoneId.of(zone);
    }

    public record Filter(Long outletId, LocalDate from, LocalDate to) {
    }

    private ResponseWhere where(AppUser user, long surveyId, Filter f, OutletScope scope) {
        return ResponseWhere.of(surveyId, f, scope, zone);
    }

    /** SERVQUAL gaps per item and dimension, unweighted and weighted by the customers' importance points. */
    public Servqual.Score servqual(AppUser user, long surveyId, Filter f) {
        if (!"SERVQUAL".equals(surveys.get(surveyId).kind())) {
            throw new BadInputException("surveyId", "Survey " + surveyId + " is not a SERVQUAL survey");
        }
        OutletScope scope = org.scopeOf(user);
        ResponseWhere w = where(user, surveyId, f, scope);
        record Row(int item, Dimension dimension, String side, long n, double sum) {
        }
        List<Row> rows = scope.bind(jdbc.sql("""
                        SELECT q.item_no, q.dimension, q.side, COUNT(a.num_value), COALESCE(SUM(a.num_value), 0)
                        FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
                        JOIN survey_question q ON q.id = a.question_id
                        WHERE q.dimension IS NOT NULL AND""" + w.sql() + " GROUP BY q.item_no, q.dimension, q.side"))
                .params(w.params())
                .query((rs, i) -> new Row(rs.getInt(1), Dimension.valueOf(rs.getString(2)), rs.getString(3), rs.getLong(4),
                        rs.getDouble(5))).list();
        Map<Integer, double[]> items = new java.util.TreeMap<>();
        Map<Integer, Dimension> dims = new HashMap<>();
        Map<Dimension, Double> importance = new EnumMap<>(Dimension.class);
        for (Row r : rows) {
            if ("IMPORTANCE".equals(r.side())) {
                importance.put(r.dimension(), r.n() == 0 ? 0 : r.sum() / r.n());
                continue;
            }
            double[] s = items.computeIfAbsent(r.item(), k -> new double[4]);
            dims.put(r.item(), r.dimension());
            int o = "EXPECTATION".equals(r.side()) ? 0 : 2;
            s[o] += r.n();
            s[o + 1] += r.sum();
        }
        List<Servqual.ItemSums> sums = items.entrySet().stream().map(e -> new Servqual.ItemSums(e.getKey(),
                dims.get(e.getKey()), (long) e.getValue()[0], e.getValue()[1], (long) e.getValue()[2], e.getValue()[3])).toList();
        return Servqual.score(sums, importance);
    }

    public record Summary(long responses, long complete, Double satisfactionIndex, Long promoters, Long passives,
                          Long detractors, Double recommendScore, Long askByName) {
    }

    /**
     * Responses, the mean satisfaction index (0-100), and for a would-recommend question the share
     * of promoters (9-10) minus detractors (0-6), in points from -100 to 100.
     */
    public Summary summary(AppUser user, long surveyId, Filter f) {
        surveys.get(surveyId);
        OutletScope scope = org.scopeOf(user);
        ResponseWhere w = where(user, surveyId, f, scope);
        var head = scope.bind(jdbc.sql("SELECT COUNT(*), SUM(CASE WHEN r.complete THEN 1 ELSE 0 END), AVG(r.satisfaction) "
                        + "FROM survey_response r WHERE" + w.sql())).params(w.params())
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getObject(3) == null ? null : rs.getDouble(3)})
                .single();
        var nps = scope.bind(jdbc.sql("""
                        SELECT SUM(CASE WHEN a.num_value >= 9 THEN 1 ELSE 0 END), SUM(CASE WHEN a.num_value BETWEEN 7 AND 8 THEN 1 ELSE 0 END),
                               SUM(CASE WHEN a.num_value <= 6 THEN 1 ELSE 0 END), COUNT(a.num_value)
                        FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
                        JOIN survey_question q ON q.id = a.question_id
                        WHERE q.purpose = 'RECOMMEND' AND""" + w.sql())).params(w.params())
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
        Long askByName = scope.bind(jdbc.sql("""
                        SELECT COUNT(*) FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
                        JOIN survey_question q ON q.id = a.question_id
                        WHERE q.purpose = 'ASK_BY_NAME' AND a.text_value IS NOT NULL AND""" + w.sql()))
                .params(w.params()).query(Long.class).single();
        boolean hasNps = nps[3] > 0;
        Double score = hasNps ? Math.round((nps[0] - nps[2]) * 1000.0 / nps[3]) / 10.0 : null;
        Double index = (Double) head[2];
        return new Summary((long) head[0], (long) head[1], index == null ? null : Math.round(index * 100) / 100.0,
                hasNps ? nps[0] : null, hasNps ? nps[1] : null, hasNps ? nps[2] : null, score, askByName);
    }
}
