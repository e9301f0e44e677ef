package com.serviceloop.survey;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.platform.OutletScope;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The satisfaction rates of DOMAIN §7 for a survey, an outlet (or everything in scope) and a
 * period, each with its parts so that a reader can check it:
 * <ul>
 * <li>response rate — responses ÷ visits in the period;</li>
 * <li>invitation response rate — invitations answered ÷ invitations sent;</li>
 * <li>praise rate (美誉度) — promoters (9–10) ÷ would-recommend answers;</li>
 * <li>ask-by-name rate (指名度) — responses naming a staff member ÷ complete responses;</li>
 * <li>return rate (回头率) — customers who came at least twice in the period ÷ customers who came.</li>
 * </ul>
 */
@Service
class SurveyRates {
    private final JdbcClient jdbc;
    private final OrgService org;
    private final SurveyFigures figures;
    private final ZoneId zone;

    public SurveyRates(JdbcClient jdbc, OrgService org, SurveyFigures figures,
                       @Value("${serviceloop.cases.default-zone:Asia/Shanghai}")
                       String zone) {
        this.zone = ZoneId.of(zone);
        this.jdbc = jdbc;
        this.org = org;
        this.figures = figures;
    }

    public record Rate(long part, long whole, Double rate) {
        static Rate of(long part, long whole) {
            return new Rate(part, whole, whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0);
        }
    }

    public record Rates(LocalDate from, LocalDate to, Rate responseRate, Rate invitationResponseRate, Rate praiseRate,
                        Rate askByNameRate, Rate returnRate) {
    }

    /** The filter's period must have both ends. */
    public Rates rates(AppUser user, long surveyId, SurveyAnalysis.Filter f) {
        LocalDate from = f.from();
        LocalDate to = f.to();
        OutletScope scope = org.scopeOf(user);
        SurveyFigures.Counters c = figures.total(scope, surveyId, f);
        Map<String, Object> unit = new HashMap<>();
        f.bindUnit(unit);
        long[] v = scope.bind(jdbc.sql("""
                        SELECT COUNT(*), COUNT(DISTINCT v.customer_id) FROM visit v
                        WHERE v.visited_at >= :from AND v.visited_at < :to AND\s""" + scope.sqlFilter("v.outlet_id")
                        + f.unitSql("v.outlet_id")))
                .params(unit).param("from", from.atStartOfDay()).param("to", to.plusDays(1).atStartOfDay())
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        long twice = scope.bind(jdbc.sql("""
                        SELECT COUNT(*) FROM (SELECT v.customer_id FROM visit v
                            WHERE v.visited_at >= :from AND v.visited_at < :to AND\s""" + scope.sqlFilter("v.outlet_id")
                        + f.unitSql("v.outlet_id") + " GROUP BY v.customer_id HAVING COUNT(*) >= 2) x"))
                .params(unit).param("from", from.atStartOfDay()).param("to", to.plusDays(1).atStartOfDay())
                .query(Long.class).single();
        long[] inv = scope.bind(jdbc.sql("""
                        SELECT COUNT(*), COUNT(l.used_at) FROM survey_link l
                        WHERE l.survey_id = :survey AND l.single_use = TRUE AND l.created_at >= :fromTs AND l.created_at < :toTs
                          AND\s""" + scope.sqlFilter("l.outlet_id") + f.unitSql("l.outlet_id")))
                .params(unit).param("survey", surveyId)
                .param("fromTs", from.atStartOfDay(zone).toOffsetDateTime())
                .param("toTs", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        return new Rates(from, to, Rate.of(c.responses(), v[0]), Rate.of(inv[1], inv[0]),
                Rate.of(c.promoters(), c.promoters() + c.passives() + c.detractors()), Rate.of(c.askByName(), c.complete()),
                Rate.of(twice, v[1]));
    }
}
