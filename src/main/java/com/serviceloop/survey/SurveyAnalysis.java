package com.serviceloop.survey;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.UnitKind;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.OutletScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Figures from stored responses, within the caller's outlet scope. */
@Service
class SurveyAnalysis {
    /** The built-in instruments the five-gap view compares (their items line up by dimension and number). */
    static final String CUSTOMER_SURVEY = "servqual";
    static final String MANAGEMENT_SURVEY = "gaps-management";
    static final String STAFF_SURVEY = "gaps-staff";

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

    /**
     * Which responses count: one outlet, or the outlets of one region, or (both null) everything in
     * the caller's scope; and a period of days, both ends included, either end open when null.
     */
    public record Filter(Long outletId, Long regionId, LocalDate from, LocalDate to) {
        public Filter(Long outletId, LocalDate from, LocalDate to) {
            this(outletId, null, from, to);
        }

        /** The outlet or region condition on an outlet column; {@link #bindUnit} adds its parameter. */
        String unitSql(String column) {
            if (outletId != null) {
                return " AND " + column + " = :outlet";
            }
            // outlets hang directly under their region (UnitKind.allowedParents)
            return regionId == null ? "" : " AND " + column
                    + " IN (SELECT u.id FROM org_unit u WHERE u.parent_id = :region AND u.kind = 'OUTLET')";
        }

        void bindUnit(Map<String, Object> params) {
            if (outletId != null) {
                params.put("outlet", outletId);
            } else if (regionId != null) {
                params.put("region", regionId);
            }
        }
    }

    /**
     * The responses of one outlet or one region (not both) and a period: 400 for a backwards period,
     * both units, or a unit of the wrong kind; 404 for a unit outside the caller's scope.
     */
    public Filter filter(AppUser user, Long outletId, Long regionId, LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw BadInputException.of("from", "error.survey.periodBackwards");
        }
        if (outletId != null && regionId != null) {
            throw BadInputException.of("regionId", "error.survey.outletOrRegion");
        }
        if (outletId != null && org.get(user, outletId).kind() != UnitKind.OUTLET) {
            throw BadInputException.of("outletId", "error.survey.notOutlet", String.valueOf(outletId));
        }
        if (regionId != null && org.get(user, regionId).kind() != UnitKind.REGION) {
            throw BadInputException.of("regionId", "error.survey.notRegion", String.valueOf(regionId));
        }
        return new Filter(outletId, regionId, from, to);
    }

    /** SERVQUAL gaps per item and dimension, unweighted and weighted by the customers' importance points. */
    public Servqual.Score servqual(AppUser user, long surveyId, Filter f) {
        surveys.get(surveyId);
        // by its items, not its kind: a copy of the SERVQUAL instrument keeps them, an own survey has none
        if (surveys.questions(surveyId).stream().noneMatch(Question::servqualItem)) {
            throw BadInputException.of("surveyId", "error.survey.noServqualItems", String.valueOf(surveyId));
        }
        return Servqual.score(itemTotals(surveyId, f, org.scopeOf(user)));
    }

    /**
     * Numeric answers per item, dimension and side: settled days from the daily aggregates, the
     * newest responses live, so a large survey is read in a few hundred rows.
     */
    List<ItemTotal> itemTotals(long surveyId, Filter f, OutletScope scope) {
        ResponseWhere daily = ResponseWhere.daily(surveyId, f, scope);
        List<ItemTotal> rows = new ArrayList<>(scope.bind(jdbc.sql("""
                        SELECT q.item_no, q.dimension, q.side, SUM(d.n), SUM(d.total)
                        FROM survey_item_daily d JOIN survey_question q ON q.id = d.question_id
                        WHERE q.dimension IS NOT NULL AND""" + daily.sql() + " GROUP BY q.item_no, q.dimension, q.side"))
                .params(daily.params()).query(SurveyAnalysis::itemTotal).list());
        ResponseWhere w = ResponseWhere.of(surveyId, f, scope, zone);
        rows.addAll(scope.bind(jdbc.sql("""
                        SELECT q.item_no, q.dimension, q.side, COUNT(a.num_value), COALESCE(SUM(a.num_value), 0)
                        FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
                        JOIN survey_question q ON q.id = a.question_id
                        WHERE q.dimension IS NOT NULL AND r.id > :mark AND""" + w.sql()
                        + " GROUP BY q.item_no, q.dimension, q.side"))
                .params(w.params()).param("mark", rollup.mark()).query(SurveyAnalysis::itemTotal).list());
        return rows;
    }

    /** A row of either query: item, dimension, side, answers, their sum. */
    private static ItemTotal itemTotal(ResultSet rs, int row) throws SQLException {
        return new ItemTotal((Integer) rs.getObject(1), Dimension.valueOf(rs.getString(2)), rs.getString(3), rs.getLong(4),
                rs.getDouble(5));
    }

    /**
     * The five gaps for one outlet, one region, or everything in the caller's scope, over a period:
     * customers from the SERVQUAL survey, managers and staff from their own surveys, all read the
     * same way as the SERVQUAL figures (daily aggregates plus the live tail).
     */
    public FiveGaps.Result fiveGaps(AppUser user, Long outletId, Long regionId, LocalDate from, LocalDate to) {
        Filter f = filter(user, outletId, regionId, from, to);
        OutletScope scope = org.scopeOf(user);
        return FiveGaps.compute(source(CUSTOMER_SURVEY, f, scope), source(MANAGEMENT_SURVEY, f, scope),
                source(STAFF_SURVEY, f, scope));
    }

    private FiveGaps.Source source(String code, Filter f, OutletScope scope) {
        long id = surveys.byCode(code).orElseThrow(() -> new IllegalStateException("Built-in survey " + code + " missing"))
                .id();
        return new FiveGaps.Source(figures.total(scope, id, f).responses(), itemTotals(id, f, scope));
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

    /** A free-text answer, with the response it came in and the case it became, if any. */
    public record Comment(long responseId, OffsetDateTime submittedAt, Long outletId, String outlet, String text, Long caseId) {
    }

    /**
     * The newest free-text answers, newest first. A staff member named for ask-by-name is a count,
     * not a comment, and is left out.
     */
    public List<Comment> comments(AppUser user, long surveyId, Filter f, int limit) {
        OutletScope scope = org.scopeOf(user);
        ResponseWhere w = ResponseWhere.of(surveyId, f, scope, zone);
        return scope.bind(jdbc.sql("""
                        SELECT r.id, r.submitted_at, r.outlet_id, o.name, a.text_value, r.case_id
                        FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
                        JOIN survey_question q ON q.id = a.question_id
                        LEFT JOIN org_unit o ON o.id = r.outlet_id
                        WHERE q.qtype = 'TEXT' AND (q.purpose IS NULL OR q.purpose <> 'ASK_BY_NAME')
                          AND a.text_value IS NOT NULL AND""" + w.sql()
                        + " ORDER BY r.submitted_at DESC, r.id DESC, q.position LIMIT :limit"))
                .params(w.params()).param("limit", limit)
                .query((rs, i) -> new Comment(rs.getLong(1), rs.getObject(2, OffsetDateTime.class),
                        rs.getObject(3, Long.class), rs.getString(4), rs.getString(5), rs.getObject(6, Long.class))).list();
    }
}
