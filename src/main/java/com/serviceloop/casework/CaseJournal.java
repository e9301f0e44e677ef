package com.serviceloop.casework;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes what happened to a case: the append-only history, a webhook delivery per active
 * subscriber (in the same transaction, sent later by {@link OutboxSender}), and SQI failure events.
 */
@Component
class CaseJournal {
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    CaseJournal(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void event(SupportCase c, long actor, OffsetDateTime at, String kind, CaseStatus from, CaseStatus to, String detail) {
        String text = detail == null || detail.isBlank() ? null : detail.strip();
        jdbc.sql("""
                INSERT INTO case_event (case_id, occurred_at, actor_id, kind, from_status, to_status, detail)
                VALUES (:c, :at, :actor, :kind, :from, :to, :detail)""")
                .param("c", c.id()).param("at", at).param("actor", actor).param("kind", kind)
                .param("from", from == null ? null : from.name()).param("to", to == null ? null : to.name())
                .param("detail", text).update();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", kind);
        body.put("caseId", c.id());
        body.put("outletId", c.outletId());
        body.put("caseType", c.caseType());
        body.put("severity", c.severity());
        body.put("fromStatus", from);
        body.put("toStatus", to);
        body.put("actorId", actor);
        body.put("occurredAt", at.toString());
        body.put("detail", text);
        jdbc.sql("""
                INSERT INTO outbox (channel, target, subject, payload, webhook_id, created_at, next_attempt_at)
                SELECT 'WEBHOOK', w.url, :kind, :payload, w.id, :at, :at FROM webhook w WHERE w.active = TRUE""")
                .param("kind", kind).param("payload", write(body)).param("at", at).update();
    }

    void failure(SupportCase c, String failureCode, LocalDate day, String note, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO sqi_event (outlet_id, failure_code, occurred_on, quantity, case_id, note, created_at)
                SELECT :outlet, code, :day, 1, :case, :note, :at FROM sqi_failure_type WHERE code = :code AND active = TRUE""")
                .param("outlet", c.outletId()).param("day", day).param("case", c.id()).param("note", note)
                .param("at", at).param("code", failureCode).update();
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
