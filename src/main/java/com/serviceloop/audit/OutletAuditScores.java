package com.serviceloop.audit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * An outlet's audit results over a period, for the staff scoreboards: audits are made of an outlet,
 * not of a person, so this is the figure every person and team of the outlet shares.
 */
@Service
public class OutletAuditScores {
    private final JdbcClient jdbc;
    private final ZoneId zone;

    public OutletAuditScores(JdbcClient jdbc, @Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.zone = ZoneId.of(zone);
    }

    /** Submitted audits in the period and their mean score (0–1; null without a scored audit). */
    public record Summary(int audits, BigDecimal meanScore) {
    }

    public Summary of(long outletId, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT COUNT(*), AVG(a.score) FROM audit a WHERE a.outlet_id = :outlet AND a.status <> 'IN_PROGRESS' "
                        + "AND a.submitted_at >= :start AND a.submitted_at < :end")
                .param("outlet", outletId).param("start", from.atStartOfDay(zone).toOffsetDateTime())
                .param("end", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
                .query((rs, i) -> new Summary(rs.getInt(1), rs.getBigDecimal(2))).single();
    }
}
