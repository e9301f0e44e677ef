package com.serviceloop.casework;

import com.serviceloop.platform.Database;
import com.serviceloop.platform.OutletScope;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Case figures per owner, outlet and day, for the staff scoreboards' rollup; and the praise cases a
 * manager may turn into a recognition note. A case counts for the person who owns it now.
 */
@Service
public class StaffCaseFigures {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final String createdDay;
    private final String dueDay;

    public StaffCaseFigures(JdbcClient jdbc, Database db, Clock clock,
                            @Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
        this.createdDay = db.localDay("c.created_at", this.zone);
        this.dueDay = db.localDay("k.due_at", this.zone);
    }

    /**
     * One owner's day: cases created (all types, praise, complaints), follow-up clocks and the
     * response and resolution clocks that fell due, and how many of those stopped before their deadline.
     */
    public record PersonDay(long personId, long outletId, LocalDate day, int casesOwned, int praise, int complaints,
                            int followUpsDue, int followUpsOnTime, int clocksDue, int clocksOnTime) {
    }

    /** A praise case owned by a person: the raw material of a suggested recognition note. */
    public record PraiseCase(long caseId, long outletId, long personId, Channel channel, String description,
                             OffsetDateTime createdAt) {
    }

    /** Days in [from, to] at one outlet, or at every outlet when {@code outletId} is null. */
    public List<PersonDay> perPersonDay(Long outletId, LocalDate from, LocalDate to) {
        OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        String outlet = outletId == null ? "" : " AND c.outlet_id = :outlet";
        Map<List<Object>, int[]> sums = new LinkedHashMap<>();
        var cases = jdbc.sql("SELECT c.owner_id, c.outlet_id, " + createdDay + ", COUNT(*), "
                + "SUM(CASE WHEN c.case_type = 'PRAISE' THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN c.case_type = 'COMPLAINT' THEN 1 ELSE 0 END) FROM support_case c "
                + "WHERE c.owner_id IS NOT NULL AND c.created_at >= :start AND c.created_at < :end" + outlet
                + " GROUP BY c.owner_id, c.outlet_id, " + createdDay).param("start", start).param("end", end);
        bindOutlet(cases, outletId).query(rs -> {
            int[] s = sums.computeIfAbsent(key(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class)),
                    k -> new int[7]);
            s[0] += rs.getInt(4);
            s[1] += rs.getInt(5);
            s[2] += rs.getInt(6);
        });
        // a clock counts on the day it fell due, once it has stopped or its deadline has passed
        var clocks = jdbc.sql("SELECT c.owner_id, c.outlet_id, " + dueDay + ", "
                + "CASE WHEN k.clock_kind = 'FOLLOW_UP' THEN 1 ELSE 0 END, COUNT(*), "
                + "SUM(CASE WHEN k.stopped_at IS NOT NULL AND k.stopped_at < k.due_at THEN 1 ELSE 0 END) "
                + "FROM case_clock k JOIN support_case c ON c.id = k.case_id WHERE c.owner_id IS NOT NULL "
                + "AND k.due_at >= :start AND k.due_at < :end AND (k.stopped_at IS NOT NULL OR k.due_at <= :now)" + outlet
                + " GROUP BY c.owner_id, c.outlet_id, " + dueDay + ", CASE WHEN k.clock_kind = 'FOLLOW_UP' THEN 1 ELSE 0 END")
                .param("start", start).param("end", end).param("now", OffsetDateTime.now(clock));
        bindOutlet(clocks, outletId).query(rs -> {
            int[] s = sums.computeIfAbsent(key(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class)),
                    k -> new int[7]);
            int at = rs.getInt(4) == 1 ? 3 : 5;
            s[at] += rs.getInt(5);
            s[at + 1] += rs.getInt(6);
        });
        List<PersonDay> out = new ArrayList<>();
        sums.forEach((k, s) -> out.add(new PersonDay((Long) k.get(0), (Long) k.get(1), (LocalDate) k.get(2), s[0], s[1],
                s[2], s[3], s[4], s[5], s[6])));
        return out;
    }

    private static List<Object> key(long person, long outlet, LocalDate day) {
        return List.of(person, outlet, day);
    }

    private static JdbcClient.StatementSpec bindOutlet(JdbcClient.StatementSpec spec, Long outletId) {
        return outletId == null ? spec : spec.param("outlet", outletId);
    }

    /** Praise cases with an owner, created since the given time, in the scope's outlets, newest first. */
    public List<PraiseCase> praiseOwned(OutletScope scope, OffsetDateTime since, int limit) {
        return scope.bind(jdbc.sql("SELECT c.id, c.outlet_id, c.owner_id, c.channel, c.description, c.created_at "
                + "FROM support_case c WHERE c.case_type = 'PRAISE' AND c.owner_id IS NOT NULL AND c.created_at >= :since AND "
                + scope.sqlFilter("c.outlet_id") + " ORDER BY c.created_at DESC, c.id DESC LIMIT :limit"))
                .param("since", since).param("limit", limit)
                .query((rs, i) -> new PraiseCase(rs.getLong(1), rs.getLong(2), rs.getLong(3), Channel.valueOf(rs.getString(4)),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class))).list();
    }

    /** The outlet of a case, if the case exists. */
    public Optional<Long> outletOf(long caseId) {
        return jdbc.sql("SELECT outlet_id FROM support_case WHERE id = :id").param("id", caseId).query(Long.class).optional();
    }
}
