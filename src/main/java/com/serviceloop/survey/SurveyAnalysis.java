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
    private final SurveyFigures figures;
    private final SurveyRollup rollup;
    private final ZoneId zone;

    public SurveyAnalysis(JdbcClient jdbc, OrgService org, SurveyRepository surveys, SurveyFigures figures,
                          SurveyRollup rollup,
                          @Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.org = org;
        this.surveys = surveys;
        this.figures = figures;
        this.rollup = rollup;
        this.zone = ZoneId.of(zone);
    }

    public record Filter(Long outletId, LocalDate from, LocalDate to) {
    }

    /** SERVQUAL gaps per item and dimension, unweighted and weighted by the customers' importance points. */
    public Servqual.Score servqual(AppUser user, long surveyId, Filter f) {
        surveys.get(surveyId);
        // by its items, not its kind: a copy of the SERVQUAL instrument keeps them, an own survey has none
        if (surveys.questions(surveyId).stream().noneMatch(Question::servqualItem)) {
            throw new BadInputException("surveyId", "Survey " + surveyId + " has no SERVQUAL items");
        }
        OutletScope scope = org.scopeOf(user);
        ResponseWhere w = ResponseWhere.of(surveyId, f, scope, zone);
        record Row(Integer item, Dimension dimension, String side, long n, double sum) {
        }
        List<Row> rows = new java.util.ArrayList<>();
        // settled days from the daily aggregates, the newest responses live
        ResponseWhere daily = ResponseWhere.daily(surveyId, f, scope);
        scope.bind(jdbc.sql("""
                        SELECT q.item_no, q.dimension, q.side, SUM(d.n), SUM(d.total)
                        FROM survey_item_daily d JOIN survey_question q ON q.id = d.question_id
                        WHERE q.dimension IS NOT NULL AND""" + daily.sql() + " GROUP BY q.item_no, q.dimension, q.side"))
                .params(daily.params())
                .query((rs, i) -> rows.add(new Row((Integer) rs.getObject(1), Dimension.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getLong(4), rs.getDouble(5)))).list();
        scope.bind(jdbc.sql("""
                        SELECT q.item_no, q.dimension, q.side, COUNT(a.num_value), COALESCE(SUM(a.num_value), 0)
                        FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
                        JOIN survey_question q ON q.id = a.question_id
                        WHERE q.dimension IS NOT NULL AND r.id > :mark AND""" + w.sql()
                        + " GROUP BY q.item_no, q.dimension, q.side"))
                .params(w.params()).param("mark", rollup.mark())
                .query((rs, i) -> rows.add(new Row((Integer) rs.getObject(1), Dimension.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getLong(4), rs.getDouble(5)))).list();
        Map<Integer, double[]> items = new java.util.TreeMap<>();
        Map<Integer, Dimension> dims = new HashMap<>();
        Map<Dimension, double[]> points = new EnumMap<>(Dimension.class);
        for (Row r : rows) {
            if ("IMPORTANCE".equals(r.side())) {
                double[] pt = points.computeIfAbsent(r.dimension(), k -> new double[2]);
                pt[0] += r.n();
                pt[1] += r.sum();
                continue;
            }
            double[] s = items.computeIfAbsent(r.item(), k -> new double[4]);
            dims.put(r.item(), r.dimension());
            int o = "EXPECTATION".equals(r.side()) ? 0 : 2;
            s[o] += r.n();
            s[o + 1] += r.sum();
        }
        Map<Dimension, Double> importance = new EnumMap<>(Dimension.class);
        points.forEach((d, pt) -> importance.put(d, pt[0] == 0 ? 0 : pt[1] / pt[0]));
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
        SurveyFigures.Counters c = figures.total(user, surveyId, f);
        boolean hasNps = c.promoters() + c.passives() + c.detractors() > 0;
        return new Summary(c.responses(), c.complete(), c.satisfactionIndex(), hasNps ? c.promoters() : null,
                hasNps ? c.passives() : null, hasNps ? c.detractors() : null, c.recommendScore(), c.askByName());
    }
}
