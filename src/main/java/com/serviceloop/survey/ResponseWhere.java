package com.serviceloop.survey;

import com.serviceloop.platform.OutletScope;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/** The condition on {@code survey_response r} for one survey, the caller's scope and a filter. */
record ResponseWhere(String sql, Map<String, Object> params) {

    static ResponseWhere of(long surveyId, SurveyAnalysis.Filter f, OutletScope scope, ZoneId zone) {
        StringBuilder sql = new StringBuilder(" r.survey_id = :survey AND " + scope.sqlFilter("r.outlet_id"));
        Map<String, Object> p = new HashMap<>();
        p.put("survey", surveyId);
        sql.append(f.unitSql("r.outlet_id"));
        f.bindUnit(p);
        if (f.from() != null) {
            sql.append(" AND r.submitted_at >= :from");
            p.put("from", f.from().atStartOfDay(zone).toOffsetDateTime());
        }
        if (f.to() != null) {
            sql.append(" AND r.submitted_at < :to");
            p.put("to", f.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        return new ResponseWhere(sql.toString(), p);
    }

    /** The same filter on a daily aggregate table {@code d} (days, not instants). */
    static ResponseWhere daily(long surveyId, SurveyAnalysis.Filter f, OutletScope scope) {
        StringBuilder sql = new StringBuilder(" d.survey_id = :survey AND " + scope.sqlFilter("d.outlet_id"));
        Map<String, Object> p = new HashMap<>();
        p.put("survey", surveyId);
        sql.append(f.unitSql("d.outlet_id"));
        f.bindUnit(p);
        if (f.from() != null) {
            sql.append(" AND d.stat_day >= :from");
            p.put("from", f.from());
        }
        if (f.to() != null) {
            sql.append(" AND d.stat_day <= :to");
            p.put("to", f.to());
        }
        return new ResponseWhere(sql.toString(), p);
    }
}
