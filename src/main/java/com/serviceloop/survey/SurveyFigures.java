package com.serviceloop.survey;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.UnitKind;
import com.serviceloop.platform.Database;
import com.serviceloop.platform.OutletScope;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Survey figures per outlet and day: the daily aggregates up to the roll-up mark, plus the newer
 * responses counted live. A dashboard reads a few hundred aggregate rows and a minute's worth of
 * responses, however many millions are stored.
 */
@Service
class SurveyFigures {
    private final JdbcClient jdbc;
    private final OrgService org;
    private final SurveyRollup rollup;
    private final ZoneId zone;
    private final String day;

    public SurveyFigures(JdbcClient jdbc, OrgService org, SurveyRollup rollup, Database db,
                         @Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.org = org;
        this.rollup = rollup;
        this.zone = ZoneId.of(zone);
        this.day = db.localDay("r.submitted_at", this.zone);
    }

    /** Counts that add up across days and outlets. */
    public record Counters(long responses, long complete, long satN, BigDecimal satSum, long promoters, long passives,
                           long detractors, long askByName) {
        static final Counters ZERO = new Counters(0, 0, 0, BigDecimal.ZERO, 0, 0, 0, 0);

        Counters plus(Counters o) {
            return new Counters(responses + o.responses, complete + o.complete, satN + o.satN, satSum.add(o.satSum),
                    promoters + o.promoters, passives + o.passives, detractors + o.detractors, askByName + o.askByName);
        }

        Double satisfactionIndex() {
            return satN == 0 ? null : Math.round(satSum.doubleValue() / satN * 100) / 100.0;
        }

        Double recommendScore() {
            long n = promoters + passives + detractors;
            return n == 0 ? null : Math.round((promoters - detractors) * 1000.0 / n) / 10.0;
        }
    }

    record Cell(long outletId, LocalDate day, Counters counters) {
    }

    List<Cell> cells(AppUser user, long surveyId, SurveyAnalysis.Filter f) {
        return cells(org.scopeOf(user), surveyId, f);
    }

    /** The cells of the outlets in {@code scope} that the filter asks for. */
    List<Cell> cells(OutletScope scope, long surveyId, SurveyAnalysis.Filter f) {
        long mark = rollup.mark();
        ResponseWhere daily = ResponseWhere.daily(surveyId, f, scope);
        List<Cell> cells = new ArrayList<>(scope.bind(jdbc.sql("""
                SELECT d.outlet_id, d.stat_day, d.responses, d.complete, d.sat_n, d.sat_sum, d.promoters, d.passives,
                       d.detractors, d.ask_by_name
                FROM survey_daily d WHERE""" + daily.sql())).params(daily.params()).query(SurveyFigures::cell).list());
        ResponseWhere w = ResponseWhere.of(surveyId, f, scope, zone);
        cells.addAll(scope.bind(jdbc.sql("""
                SELECT COALESCE(r.outlet_id, 0), %1$s, COUNT(*), SUM(CASE WHEN r.complete THEN 1 ELSE 0 END),
                       COUNT(r.satisfaction), COALESCE(SUM(r.satisfaction), 0),
                       SUM(CASE WHEN rec.v >= 9 THEN 1 ELSE 0 END), SUM(CASE WHEN rec.v BETWEEN 7 AND 8 THEN 1 ELSE 0 END),
                       SUM(CASE WHEN rec.v <= 6 THEN 1 ELSE 0 END), SUM(CASE WHEN abn.n > 0 THEN 1 ELSE 0 END)
                FROM survey_response r
                LEFT JOIN (SELECT a.response_id, MAX(a.num_value) AS v FROM survey_answer a
                           JOIN survey_question q ON q.id = a.question_id AND q.purpose = 'RECOMMEND'
                           WHERE a.response_id > :mark GROUP BY a.response_id) rec ON rec.response_id = r.id
                LEFT JOIN (SELECT a.response_id, COUNT(*) AS n FROM survey_answer a
                           JOIN survey_question q ON q.id = a.question_id AND q.purpose = 'ASK_BY_NAME'
                           WHERE a.response_id > :mark AND a.text_value IS NOT NULL GROUP BY a.response_id) abn
                       ON abn.response_id = r.id
                WHERE r.id > :mark AND %2$s
                GROUP BY COALESCE(r.outlet_id, 0), %1$s""".formatted(day, w.sql())))
                .params(w.params()).param("mark", mark).query(SurveyFigures::cell).list());
        return cells;
    }

    /** A row of either query: outlet, day, then the counters in the order of {@link Counters}. */
    private static Cell cell(ResultSet rs, int row) throws SQLException {
        return new Cell(rs.getLong(1), rs.getObject(2, LocalDate.class), new Counters(rs.getLong(3), rs.getLong(4),
                rs.getLong(5), rs.getBigDecimal(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)));
    }

    public Counters total(AppUser user, long surveyId, SurveyAnalysis.Filter f) {
        return total(org.scopeOf(user), surveyId, f);
    }

    Counters total(OutletScope scope, long surveyId, SurveyAnalysis.Filter f) {
        return cells(scope, surveyId, f).stream().map(Cell::counters).reduce(Counters.ZERO, Counters::plus);
    }

    public enum GroupBy { OUTLET, REGION }

    public enum Period { DAY, WEEK, MONTH }

    public record Rank(long id, String name, long responses, Double satisfactionIndex, Double recommendScore) {
    }

    /** Outlets (or regions) by satisfaction index, best first; those without ratings last. */
    public List<Rank> ranking(AppUser user, long surveyId, SurveyAnalysis.Filter f, GroupBy by) {
        Map<Long, Long> regionOf = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        for (var u : org.visibleUnits(user)) {
            names.put(u.id(), u.name());
            if (u.kind() == UnitKind.OUTLET) {
                regionOf.put(u.id(), u.parentId());
            }
        }
        Map<Long, Counters> groups = new HashMap<>();
        for (Cell c : cells(user, surveyId, f)) {
            long key = by == GroupBy.OUTLET ? c.outletId() : regionOf.getOrDefault(c.outletId(), 0L);
            groups.merge(key, c.counters(), Counters::plus);
        }
        List<Rank> ranks = new ArrayList<>();
        groups.forEach((id, c) -> ranks.add(new Rank(id, names.getOrDefault(id, "-"), c.responses(), c.satisfactionIndex(),
                c.recommendScore())));
        ranks.sort(Comparator.comparing(Rank::satisfactionIndex,
                Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(Rank::name));
        return ranks;
    }

    public record Point(String period, long responses, Double satisfactionIndex, Double recommendScore) {
    }

    public List<Point> trend(AppUser user, long surveyId, SurveyAnalysis.Filter f, Period period) {
        Map<String, Counters> buckets = new TreeMap<>();
        for (Cell c : cells(user, surveyId, f)) {
            String key = switch (period) {
                case DAY -> c.day().toString();
                case WEEK -> c.day().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString();
                case MONTH -> c.day().toString().substring(0, 7);
            };
            buckets.merge(key, c.counters(), Counters::plus);
        }
        List<Point> points = new ArrayList<>();
        buckets.forEach((k, c) -> points.add(new Point(k, c.responses(), c.satisfactionIndex(), c.recommendScore())));
        return points;
    }
}
