package com.serviceloop.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** A person's cases over a period, for a performance review: those they own, their clocks, praise and complaints. */
@Service
public class PersonCaseFigures {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    PersonCaseFigures(JdbcClient jdbc, Clock clock, @Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /**
     * Cases received in the period that the person owns; their SLA clocks that have stopped or fallen
     * due, and how many stopped in time; of those cases, the praise and the complaints.
     */
    public record Figures(long owned, long clocksDue, long clocksOnTime, long praise, long complaints) {
    }

    public Figures forPerson(long personId, LocalDate from, LocalDate to) {
        OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        long[] cases = jdbc.sql("SELECT COUNT(*), SUM(CASE WHEN c.case_type = 'PRAISE' THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN c.case_type = 'COMPLAINT' THEN 1 ELSE 0 END) FROM support_case c "
                        + "WHERE c.owner_id = :p AND c.created_at >= :start AND c.created_at < :end")
                .param("p", personId).param("start", start).param("end", end)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        long[] clocks = jdbc.sql("SELECT COUNT(*), SUM(CASE WHEN k.stopped_at IS NOT NULL AND k.stopped_at < k.due_at "
                        + "THEN 1 ELSE 0 END) FROM case_clock k JOIN support_case c ON c.id = k.case_id WHERE c.owner_id = :p "
                        + "AND c.created_at >= :start AND c.created_at < :end AND k.due_at IS NOT NULL "
                        + "AND (k.stopped_at IS NOT NULL OR k.due_at <= :now)")
                .param("p", personId).param("start", start).param("end", end).param("now", OffsetDateTime.now(clock))
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        return new Figures(cases[0], clocks[0], clocks[1], cases[1], cases[2]);
    }
}
