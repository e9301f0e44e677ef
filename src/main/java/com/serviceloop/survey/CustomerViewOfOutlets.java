package com.serviceloop.survey;

import com.serviceloop.customer.NeedScores;
import com.serviceloop.customer.OutletPerceptions;
import com.serviceloop.platform.OutletScope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What customers said about one outlet, for the customer module's service profile: SERVQUAL
 * perceptions read and scored exactly as the survey pages do (daily aggregates plus the live tail,
 * {@link Servqual#score}), and the mean answer to one rating question read the same way.
 */
@Component
class CustomerViewOfOutlets implements OutletPerceptions, NeedScores {
    private final SurveyRepository surveys;
    private final SurveyAnalysis analysis;
    private final SurveyRollup rollup;
    private final JdbcClient jdbc;
    private final ZoneId zone;

    CustomerViewOfOutlets(SurveyRepository surveys, SurveyAnalysis analysis, SurveyRollup rollup, JdbcClient jdbc,
                          @Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone) {
        this.surveys = surveys;
        this.analysis = analysis;
        this.rollup = rollup;
        this.jdbc = jdbc;
        this.zone = ZoneId.of(zone);
    }

    @Override
    public Optional<Map<String, BigDecimal>> perceptionByDimension(OutletScope scope, long outletId) {
        Optional<Survey> servqual = surveys.byCode(SurveyAnalysis.CUSTOMER_SURVEY);
        if (servqual.isEmpty()) {
            return Optional.empty();
        }
        SurveyAnalysis.Filter f = new SurveyAnalysis.Filter(outletId, null, null);
        Servqual.Score score = Servqual.score(analysis.itemTotals(servqual.get().id(), f, scope));
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (Servqual.DimensionGap d : score.dimensions()) {
            if (d.perception() != null) {
                out.put(d.dimension().name(), BigDecimal.valueOf(d.perception()).setScale(2, RoundingMode.HALF_UP));
            }
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }

    @Override
    public Optional<Score> questionScore(OutletScope scope, long outletId, long questionId) {
        Optional<Question> question = jdbc.sql("SELECT survey_id, qtype FROM survey_question WHERE id = :q")
                .param("q", questionId)
                .query((rs, n) -> new Question(questionId, rs.getLong(1), 0, null, null,
                        QuestionType.valueOf(rs.getString(2)), null, null, null, null, false, null, null, null, null))
                .optional();
        if (question.isEmpty() || !question.get().qtype().isScale()) {
            return Optional.empty();
        }
        long surveyId = question.get().surveyId();
        SurveyAnalysis.Filter f = new SurveyAnalysis.Filter(outletId, null, null);
        ResponseWhere daily = ResponseWhere.daily(surveyId, f, scope);
        double[] settled = scope.bind(jdbc.sql("""
                SELECT COALESCE(SUM(d.n), 0), COALESCE(SUM(d.total), 0) FROM survey_item_daily d
                WHERE d.question_id = :q AND""" + daily.sql())).params(daily.params()).param("q", questionId)
                .query((rs, n) -> new double[] {rs.getLong(1), rs.getDouble(2)}).single();
        ResponseWhere w = ResponseWhere.of(surveyId, f, scope, zone);
        double[] live = scope.bind(jdbc.sql("""
                SELECT COUNT(a.num_value), COALESCE(SUM(a.num_value), 0)
                FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
                WHERE a.question_id = :q AND r.id > :mark AND""" + w.sql())).params(w.params())
                .param("q", questionId).param("mark", rollup.mark())
                .query((rs, n) -> new double[] {rs.getLong(1), rs.getDouble(2)}).single();
        long answers = (long) (settled[0] + live[0]);
        if (answers == 0) {
            return Optional.empty();
        }
        BigDecimal mean = BigDecimal.valueOf((settled[1] + live[1]) / answers).setScale(2, RoundingMode.HALF_UP);
        QuestionType type = question.get().qtype();
        return Optional.of(new Score(mean, type.min(), type.max(), answers));
    }
}
