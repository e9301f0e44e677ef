package com.serviceloop.casework;

import com.serviceloop.platform.Outbox;
import com.serviceloop.platform.OutboxSender;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes what happened to a case: the append-only history, a webhook delivery per active
 * subscriber (in the same transaction, sent later by {@link OutboxSender}), and SQI failure events.
 */
@Component
class CaseJournal {
    private final NamedParameterJdbcTemplate jdbc;
    private final JdbcClient client;
    private final ObjectMapper json;
    private final Webhooks webhooks;
    private final Outbox outbox;

    CaseJournal(NamedParameterJdbcTemplate jdbc, JdbcClient client, ObjectMapper json, Webhooks webhooks, Outbox outbox) {
        this.jdbc = jdbc;
        this.client = client;
        this.json = json;
        this.webhooks = webhooks;
        this.outbox = outbox;
    }

    /** One line of a case's history. */
    record Entry(long caseId, long outletId, CaseType caseType, Severity severity, long actor, OffsetDateTime at,
                 String kind, CaseStatus from, CaseStatus to, String detail) {
    }

    void event(SupportCase c, long actor, OffsetDateTime at, String kind, CaseStatus from, CaseStatus to, String detail) {
        events(List.of(new Entry(c.id(), c.outletId(), c.caseType(), c.severity(), actor, at, kind, from, to, detail)));
    }

    /** Appends the entries to their cases' histories, each with a delivery to every active webhook. */
    void events(List<Entry> entries) {
        List<MapSqlParameterSource> events = new ArrayList<>();
        List<Outbox.Message> deliveries = new ArrayList<>();
        List<Webhooks.Webhook> subscribers = webhooks.active();
        for (Entry e : entries) {
            String text = e.detail() == null || e.detail().isBlank() ? null : e.detail().strip();
            events.add(new MapSqlParameterSource().addValue("c", e.caseId()).addValue("at", e.at())
                    .addValue("actor", e.actor()).addValue("kind", e.kind())
                    .addValue("from", e.from() == null ? null : e.from().name(), Types.VARCHAR)
                    .addValue("to", e.to() == null ? null : e.to().name(), Types.VARCHAR)
                    .addValue("detail", text, Types.VARCHAR));
            if (subscribers.isEmpty()) {
                continue; // no one to tell: the payload need not be written
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("event", e.kind());
            body.put("caseId", e.caseId());
            body.put("outletId", e.outletId());
            body.put("caseType", e.caseType());
            body.put("severity", e.severity());
            body.put("fromStatus", e.from());
            body.put("toStatus", e.to());
            body.put("actorId", e.actor());
            body.put("occurredAt", e.at().toString());
            body.put("detail", text);
            String payload = write(body);
            for (Webhooks.Webhook w : subscribers) {
                deliveries.add(new Outbox.Message(Outbox.WEBHOOK, w.url(), e.kind(), payload, w.id(), e.at()));
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO case_event (case_id, occurred_at, actor_id, kind, from_status, to_status, detail)
                VALUES (:c, :at, :actor, :kind, :from, :to, :detail)""", events.toArray(MapSqlParameterSource[]::new));
        outbox.add(deliveries);
    }

    void failure(SupportCase c, String failureCode, LocalDate day, String note, OffsetDateTime at) {
        client.sql("""
                INSERT INTO sqi_event (outlet_id, failure_code, occurred_on, quantity, case_id, note, created_at)
                SELECT :outlet, code, :day, 1, :case, :note, :at FROM sqi_failure_type WHERE code = :code AND active = TRUE""")
                .param("outlet", c.outletId()).param("day", day).param("case", c.id()).param("note", note)
                .param("at", at).param("code", failureCode).update();
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }
}
