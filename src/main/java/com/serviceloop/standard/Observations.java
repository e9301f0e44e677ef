package com.serviceloop.standard;

import com.serviceloop.platform.BatchInsert;
import com.serviceloop.platform.Rows;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Measurements that come from checking systems rather than from someone timing a call: an audit item scored
 * against the version of the standard printed on the form (not the version in force when it is recorded: the
 * auditor judged that wording). They count in the same per-version compliance as measurements by hand.
 */
@Service
public class Observations {
    private static final String SCORE_SUM = "SUM(COALESCE(m.score, CASE WHEN m.met THEN 1.0 ELSE 0.0 END))";
    private final JdbcTemplate batch;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Observations(JdbcTemplate batch, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.batch = batch;
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Records the observations in one batch, in the caller's transaction; the misses are announced. */
    @Transactional
    public void record(List<Observation> observations) {
        if (observations.isEmpty()) {
            return;
        }
        List<Long> ids = BatchInsert.returningIds(batch, """
                INSERT INTO standard_measurement (standard_id, standard_version_id, outlet_id, measured_at, observed_value,
                    met, source, score, source_ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", observations, (ps, o) -> {
                    ps.setLong(1, o.standardId());
                    ps.setLong(2, o.standardVersionId());
                    ps.setLong(3, o.outletId());
                    ps.setTimestamp(4, Timestamp.from(o.at().toInstant()));
                    ps.setObject(5, o.observedValue(), Types.NUMERIC);
                    ps.setBoolean(6, o.met());
                    ps.setString(7, o.source());
                    ps.setObject(8, o.score(), Types.NUMERIC);
                    ps.setLong(9, o.sourceRef());
                });
        List<Integer> missed = new ArrayList<>();
        for (int i = 0; i < observations.size(); i++) {
            if (!observations.get(i).met()) {
                missed.add(i);
            }
        }
        if (missed.isEmpty()) {
            return;
        }
        Map<Long, String> wording = jdbc.sql("SELECT id, behaviour FROM standard_version WHERE id IN (:ids)")
                .param("ids", missed.stream().map(i -> observations.get(i).standardVersionId()).distinct().toList())
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        events.publishEvent(new StandardsMissed(missed.stream().map(i -> {
            Observation o = observations.get(i);
            return new StandardsMissed.Miss(ids.get(i), o.standardId(), o.outletId(), o.at(), o.source(),
                    wording.get(o.standardVersionId()));
        }).toList()));
    }

    /**
     * Compliance of these versions at one outlet, over every measurement (audited or by hand); the caller has
     * checked that the outlet is in the reader's scope.
     */
    public List<VersionCompliance> atOutlet(long outletId, Collection<Long> versionIds) {
        if (versionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT v.standard_id, v.id AS standard_version_id, v.version_no, v.behaviour, v.target_rate,
                       COUNT(m.id) AS events, COALESCE(SUM(CASE WHEN m.met THEN 1 ELSE 0 END), 0) AS met,
                       %s AS score_sum
                FROM standard_version v
                LEFT JOIN standard_measurement m ON m.standard_version_id = v.id AND m.outlet_id = :o
                WHERE v.id IN (:ids)
                GROUP BY v.standard_id, v.id, v.version_no, v.behaviour, v.target_rate
                ORDER BY v.standard_id, v.version_no""".formatted(SCORE_SUM))
                .param("o", outletId).param("ids", List.copyOf(versionIds))
                .query(Rows.of(VersionCompliance.class)).list();
    }

    static String scoreSum() {
        return SCORE_SUM;
    }
}
