package com.serviceloop.casework;

import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.standard.Standard;
import com.serviceloop.standard.StandardService;
import com.serviceloop.standard.StandardsMissed;
import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A standard linked to a failure type makes every missed observation of it (an audit item missed, a timed
 * standard measured late) one SQI failure event of that type at the outlet, on the day it was observed. The
 * link is kept here, beside the failure types, because the SQI is what it feeds; the standards module only
 * announces its misses ({@link StandardsMissed}) and knows nothing of the SQI.
 */
@Service
class SqiStandardLinks {
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final StandardService standards;
    private final CaseTopics topics;
    private final Sqi sqi;
    private final Clock clock;
    private final ZoneId zone;

    SqiStandardLinks(JdbcClient jdbc, JdbcTemplate batch, StandardService standards, CaseTopics topics, Sqi sqi,
                     Clock clock, @Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.standards = standards;
        this.topics = topics;
        this.sqi = sqi;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** A standard (its wording in force) and the failure type a miss of it counts as. */
    public record Link(long standardId, String outletType, String behaviour, String failureCode, String nameEn,
                       String nameZh, int weight) {
    }

    public List<Link> list() {
        Map<String, Sqi.FailureType> types = sqi.types().stream()
                .collect(Collectors.toMap(Sqi.FailureType::code, t -> t));
        return jdbc.sql("SELECT standard_id, failure_code FROM sqi_standard_link ORDER BY standard_id")
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                .flatMap(e -> standards.current(e.getKey()).stream().map(s -> {
                    Sqi.FailureType t = types.get(e.getValue());
                    return new Link(s.id(), s.outletType(), s.behaviour(), t.code(), t.nameEn(), t.nameZh(), t.weight());
                })).toList();
    }

    /**
     * Links a standard to an active failure type that counts in the industry of the standard's outlet type (or in
     * every industry); a standard has at most one type, so linking again replaces it.
     */
    @Transactional
    public Link link(long standardId, String failureCode) {
        Standard s = standards.current(standardId).orElseThrow(() -> new NotFoundException("Standard", standardId));
        String industry = topics.industry(s.outletType());
        if (sqi.types(List.of(industry)).stream().noneMatch(t -> t.code().equals(failureCode) && t.active())) {
            throw BadInputException.of("failureCode", "error.casework.noFailureTypeFor", String.valueOf(failureCode),
                    s.outletType());
        }
        jdbc.sql("DELETE FROM sqi_standard_link WHERE standard_id = :s").param("s", standardId).update();
        jdbc.sql("INSERT INTO sqi_standard_link (standard_id, failure_code) VALUES (:s, :c)")
                .param("s", standardId).param("c", failureCode).update();
        return list().stream().filter(l -> l.standardId() == standardId).findFirst().orElseThrow();
    }

    /** False when the standard had no link. */
    @Transactional
    public boolean unlink(long standardId) {
        return jdbc.sql("DELETE FROM sqi_standard_link WHERE standard_id = :s").param("s", standardId).update() > 0;
    }

    /** In the recording transaction: the failures are kept together with the observations or not at all. */
    @EventListener
    void on(StandardsMissed missed) {
        List<Long> standardIds = missed.misses().stream().map(StandardsMissed.Miss::standardId).distinct().toList();
        Map<Long, String> links = jdbc.sql("""
                SELECT l.standard_id, l.failure_code FROM sqi_standard_link l
                JOIN sqi_failure_type t ON t.code = l.failure_code
                WHERE t.active = TRUE AND l.standard_id IN (:ids)""").param("ids", standardIds)
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (links.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(OffsetDateTime.now(clock).toInstant());
        List<Object[]> rows = missed.misses().stream().filter(m -> links.containsKey(m.standardId()))
                .map(m -> new Object[] {m.outletId(), links.get(m.standardId()),
                        Date.valueOf(m.at().atZoneSameInstant(zone).toLocalDate()), note(m.behaviour()), now,
                        m.measurementId()}).toList();
        batch.batchUpdate("""
                INSERT INTO sqi_event (outlet_id, failure_code, occurred_on, quantity, note, created_at, measurement_id)
                VALUES (?, ?, ?, 1, ?, ?, ?)""", rows,
                new int[] {Types.BIGINT, Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.TIMESTAMP, Types.BIGINT});
    }

    private static String note(String behaviour) {
        return behaviour == null ? null : behaviour.length() > 300 ? behaviour.substring(0, 300) : behaviour;
    }
}
