package com.serviceloop.casework;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.OutletScope;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The case indicators per outlet or region: complaint rate per 1,000 visits, on-time rate and
 * average / 90th-percentile time per clock, return within 90 days of complaining customers whose
 * complaint was resolved on time versus late, the satisfaction customers gave on follow-up calls,
 * the SQI (weighted count and per 1,000 visits) and the cases per topic — totals for the range and
 * a series per day, week or month for the charts (see {@link IndicatorRows} for the statements).
 */
@Service
public class CaseIndicators {
    private final IndicatorRows rows;
    private final JdbcClient jdbc;
    private final OrgService org;
    private final CaseTopics topics;
    private final Clock clock;
    private final ZoneId zone;

    public CaseIndicators(IndicatorRows rows, JdbcClient jdbc, OrgService org, CaseTopics topics, Clock clock,
                          @Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.org = org;
        this.topics = topics;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    public enum GroupBy { OUTLET, REGION }

    public enum Period { DAY, WEEK, MONTH }

    public record ClockFigures(SlaKind clock, long due, long onTime, Double onTimeRate, Double avgMinutes,
                               Double p90Minutes) {
    }

    public record ReturnFigures(long cases, long returned, Double rate) {
    }

    /** followUpSatisfaction: the average 1–5 score of the follow-up calls in the range that have one. */
    public record Group(Long id, String name, long complaints, long visits, Double complaintRate,
                        List<ClockFigures> clocks, ReturnFigures returnAfterFast, ReturnFigures returnAfterSlow,
                        long sqi, Double sqiPerThousand, Double followUpSatisfaction, long followUpRatings) {
    }

    /** One period of one group; groupId null is the total of all groups. */
    public record Point(String period, Long groupId, long complaints, long visits, Double complaintRate, long due,
                        long onTime, Double onTimeRate, long sqi, Double sqiPerThousand, Double followUpSatisfaction) {
    }

    /** Cases of every type received in the range about a topic; code null: cases without a topic. */
    public record TopicCount(String code, String nameEn, String nameZh, long cases) {
    }

    /** outletId: the one outlet the report is about, or null; months: the totals per month (the SQI trend). */
    public record Report(LocalDate from, LocalDate to, GroupBy groupBy, Period period, Long outletId, Group total,
                         List<Group> groups, List<Point> series, List<Point> months, List<TopicCount> topics) {
    }

    public Report report(AppUser user, LocalDate from, LocalDate to, GroupBy groupBy, Period period) {
        return report(user, from, to, groupBy, period, null);
    }

    /** Everything in the user's scope, or only the given outlet of it. */
    public Report report(AppUser user, LocalDate from, LocalDate to, GroupBy groupBy, Period period, Long outletId) {
        OutletScope scope = org.scopeOf(user);
        if (outletId != null) {
            if (!scope.contains(outletId)) {
                throw BadInputException.of("outletId", "error.casework.noOutlet", String.valueOf(outletId));
            }
            scope = OutletScope.of(List.of(outletId));
        }
        return report(scope, from, to, groupBy, period, outletId);
    }

    Report report(OutletScope scope, LocalDate from, LocalDate to, GroupBy groupBy, Period period, Long outletId) {
        IndicatorRows.Sums sums = rows.read(scope, from, to, groupBy, period, OffsetDateTime.now(clock));
        List<Group> result = new ArrayList<>();
        for (var e : sums.groups().entrySet()) {
            if (e.getKey() != null) {
                result.add(group(e.getKey(), sums.names().get(e.getKey()), e.getValue()));
            }
        }
        result.sort(Comparator.comparing(Group::name, Comparator.nullsLast(String::compareTo)));
        List<Point> series = new ArrayList<>();
        sums.periods().forEach((bucket, groups) -> groups.forEach((id, a) -> series.add(point(bucket, id, a))));
        List<Point> months = new ArrayList<>();
        sums.months().forEach((month, a) -> months.add(point(month, null, a)));
        return new Report(from, to, groupBy, period, outletId,
                group(null, "All", sums.groups().computeIfAbsent(null, k -> new IndicatorAcc())), result, series, months,
                topicCounts(scope, from, to));
    }

    /** Most frequent first; cases without a topic last. */
    private List<TopicCount> topicCounts(OutletScope scope, LocalDate from, LocalDate to) {
        List<String> types = new ArrayList<>(org.outletTypes());
        types.add(null); // the generic names, for outlets without a type
        Map<String, CaseTopics.Topic> names = topics.forTypes(types);
        return scope.bind(jdbc.sql("SELECT c.topic, COUNT(*) FROM support_case c WHERE c.created_at >= :start "
                        + "AND c.created_at < :end AND " + scope.sqlFilter("c.outlet_id") + " GROUP BY c.topic"))
                .param("start", from.atStartOfDay(zone).toOffsetDateTime())
                .param("end", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
                .query((rs, i) -> {
                    String code = rs.getString(1);
                    CaseTopics.Topic t = code == null ? null : names.get(code);
                    return new TopicCount(code, t == null ? code : t.nameEn(), t == null ? code : t.nameZh(), rs.getLong(2));
                }).list().stream()
                .sorted(Comparator.comparing((TopicCount t) -> t.code() == null)
                        .thenComparing(TopicCount::cases, Comparator.reverseOrder())
                        .thenComparing(TopicCount::code, Comparator.nullsLast(String::compareTo)))
                .toList();
    }

    private static Point point(String period, Long groupId, IndicatorAcc a) {
        long due = a.clocks.values().stream().mapToLong(c -> c[0]).sum();
        long onTime = a.clocks.values().stream().mapToLong(c -> c[1]).sum();
        return new Point(period, groupId, a.complaints, a.visits, perThousand(a.complaints, a.visits), due, onTime,
                ratio(onTime, due), a.sqi, perThousand(a.sqi, a.visits), average(a.satisfactionSum, a.satisfactionCalls));
    }

    private static Group group(Long id, String name, IndicatorAcc a) {
        List<ClockFigures> clocks = new ArrayList<>();
        for (SlaKind k : SlaKind.values()) {
            long[] c = a.clocks.getOrDefault(k, new long[2]);
            double[] t = a.times.get(k);
            clocks.add(new ClockFigures(k, c[0], c[1], ratio(c[1], c[0]), t == null ? null : round(t[0]),
                    t == null ? null : round(t[1])));
        }
        return new Group(id, name, a.complaints, a.visits, perThousand(a.complaints, a.visits), clocks,
                new ReturnFigures(a.fast[0], a.fast[1], ratio(a.fast[1], a.fast[0])),
                new ReturnFigures(a.slow[0], a.slow[1], ratio(a.slow[1], a.slow[0])), a.sqi,
                perThousand(a.sqi, a.visits), average(a.satisfactionSum, a.satisfactionCalls), a.satisfactionCalls);
    }

    static Double perThousand(long n, long visits) {
        return visits == 0 ? null : round(n * 1000.0 / visits);
    }

    static Double ratio(long part, long whole) {
        return whole == 0 ? null : round((double) part / whole);
    }

    static Double average(long sum, long count) {
        return count == 0 ? null : round((double) sum / count);
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
