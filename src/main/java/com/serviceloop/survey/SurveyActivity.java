package com.serviceloop.survey;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.platform.Database;
import com.serviceloop.platform.OutletScope;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How much each survey and each link is answered, within the caller's scope, for the lists: the
 * settled days from the daily aggregates plus the newer responses, as the figures read them.
 */
@Service
class SurveyActivity {
    private final JdbcClient jdbc;
    private final OrgService org;
    private final SurveyRollup rollup;
    private final String day;

    public SurveyActivity(JdbcClient jdbc, OrgService org, SurveyRollup rollup, Database db,
                          @Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.org = org;
        this.rollup = rollup;
        this.day = db.localDay("r.submitted_at", ZoneId.of(zone));
    }

    /** Responses to a survey and the day of the newest one (null without responses). */
    public record Activity(long answers, LocalDate lastAnswer) {
        public static final Activity NONE = new Activity(0, null);

        Activity plus(Activity o) {
            LocalDate last = lastAnswer == null || o.lastAnswer != null && o.lastAnswer.isAfter(lastAnswer) ? o.lastAnswer
                    : lastAnswer;
            return new Activity(answers + o.answers, last);
        }
    }

    public Map<Long, Activity> perSurvey(AppUser user) {
        OutletScope scope = org.scopeOf(user);
        Map<Long, Activity> bySurvey = new HashMap<>();
        long mark = rollup.mark();
        scope.bind(jdbc.sql("SELECT d.survey_id, SUM(d.responses), MAX(d.stat_day) FROM survey_daily d WHERE "
                        + scope.sqlFilter("d.outlet_id") + " GROUP BY d.survey_id"))
                .query((rs, i) -> Map.entry(rs.getLong(1), new Activity(rs.getLong(2), rs.getObject(3, LocalDate.class))))
                .list().forEach(e -> bySurvey.merge(e.getKey(), e.getValue(), Activity::plus));
        scope.bind(jdbc.sql("SELECT r.survey_id, COUNT(*), MAX(" + day + ") FROM survey_response r WHERE r.id > :mark AND "
                        + scope.sqlFilter("r.outlet_id") + " GROUP BY r.survey_id"))
                .param("mark", mark)
                .query((rs, i) -> Map.entry(rs.getLong(1), new Activity(rs.getLong(2), rs.getObject(3, LocalDate.class))))
                .list().forEach(e -> bySurvey.merge(e.getKey(), e.getValue(), Activity::plus));
        return bySurvey;
    }

    /** Responses per link, for the links a page lists (by the response key's index on the token). */
    public Map<String, Long> perLink(Collection<String> tokens) {
        Map<String, Long> byToken = new HashMap<>();
        if (tokens.isEmpty()) {
            return byToken;
        }
        jdbc.sql("SELECT link_token, COUNT(*) FROM survey_response WHERE link_token IN (:tokens) GROUP BY link_token")
                .param("tokens", tokens)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> byToken.put(e.getKey(), e.getValue()));
        return byToken;
    }
}
