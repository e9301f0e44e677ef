package com.serviceloop.audit;

import com.serviceloop.platform.BatchInsert;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audits that were conducted before (the demo, a move from paper): written set-based, each scored by the
 * same rules as a live submission and fed to the standards, blueprint steps and SQI in the same batches,
 * so that a history of many outlets loads in one batch per table.
 */
@Service
public class AuditHistoryImport {
    private final JdbcTemplate jdbc;
    private final AuditForms forms;
    private final Audits audits;
    private final AuditRollup rollup;
    private final AuditFeeds feeds;

    public AuditHistoryImport(JdbcTemplate jdbc, AuditForms forms, Audits audits, AuditRollup rollup,
                              AuditFeeds feeds) {
        this.feeds = feeds;
        this.jdbc = jdbc;
        this.forms = forms;
        this.audits = audits;
        this.rollup = rollup;
    }

    public record PastAnswer(long itemId, String choice, Integer scale, BigDecimal measured, String text,
                             boolean notApplicable) {
    }

    /** A corrective action on a missed item; done when {@code doneAt} is given. */
    public record PastAction(long itemId, long ownerId, LocalDate dueOn, String description, OffsetDateTime doneAt) {
    }

    public record PastAudit(long outletId, long auditorId, LocalDate dueOn, OffsetDateTime startedAt,
                            OffsetDateTime submittedAt, Long signedOffBy, List<PastAnswer> answers,
                            List<PastAction> actions) {
    }

    /** Loads submitted audits on the latest published version of the form; the number loaded. */
    @Transactional
    public int load(long formId, List<PastAudit> past) {
        FormVersion form = forms.latest(formId);
        Map<Long, FormItem> items = new HashMap<>();
        form.items().forEach(i -> items.put(i.id(), i));
        List<Double[]> scores = new ArrayList<>();
        List<String> results = new ArrayList<>();
        List<Scorecard> cards = new ArrayList<>();
        List<List<Answer>> answered = new ArrayList<>();
        for (PastAudit a : past) {
            List<Answer> answers = a.answers().stream().map(x -> new Answer(0, 0, x.itemId(), x.choice(), x.scale(),
                    x.measured(), x.text(), x.notApplicable(), decimal(score(items.get(x.itemId()), x)), "", 0, a.startedAt()))
                    .toList();
            Scorecard card = audits.scorecard(form, answers);
            cards.add(card);
            answered.add(answers);
            scores.add(new Double[] {card.overall()});
            results.add(card.result());
        }
        int[] at = {0};
        List<Long> ids = BatchInsert.returningIds(jdbc, """
                INSERT INTO audit (outlet_id, form_version_id, due_on, auditor_id, status, started_at, submitted_at, score,
                    result, signed_off_by, signed_off_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", past, (ps, a) -> {
                    int i = at[0]++;
                    ps.setLong(1, a.outletId());
                    ps.setLong(2, form.id());
                    ps.setObject(3, a.dueOn() == null ? null : Date.valueOf(a.dueOn()), Types.DATE);
                    ps.setLong(4, a.auditorId());
                    ps.setString(5, a.signedOffBy() == null ? "SUBMITTED" : "SIGNED_OFF");
                    ps.setTimestamp(6, Timestamp.from(a.startedAt().toInstant()));
                    ps.setTimestamp(7, Timestamp.from(a.submittedAt().toInstant()));
                    Double s = scores.get(i)[0];
                    ps.setObject(8, s == null ? null : BigDecimal.valueOf(s).setScale(4, RoundingMode.HALF_UP),
                            Types.NUMERIC);
                    ps.setString(9, results.get(i));
                    ps.setObject(10, a.signedOffBy(), Types.BIGINT);
                    ps.setObject(11, a.signedOffBy() == null ? null : Timestamp.from(a.submittedAt().plusDays(1).toInstant()),
                            Types.TIMESTAMP);
                });
        List<Object[]> answerRows = new ArrayList<>();
        List<Object[]> actionRows = new ArrayList<>();
        List<AuditFeeds.Submitted> fed = new ArrayList<>();
        for (int i = 0; i < past.size(); i++) {
            PastAudit a = past.get(i);
            long id = ids.get(i);
            fed.add(new AuditFeeds.Submitted(id, a.outletId(), a.submittedAt(), form, cards.get(i), answered.get(i)));
            for (PastAnswer x : a.answers()) {
                Double s = score(items.get(x.itemId()), x);
                answerRows.add(new Object[] {id, x.itemId(), x.choice(), x.scale(), x.measured(), x.text(),
                        x.notApplicable(), s == null ? null : BigDecimal.valueOf(s), "import-" + id + "-" + x.itemId(),
                        a.auditorId(), Timestamp.from(a.startedAt().toInstant())});
            }
            for (PastAction c : a.actions()) {
                actionRows.add(new Object[] {id, c.itemId(), a.outletId(), c.ownerId(), Date.valueOf(c.dueOn()),
                        c.description(), c.doneAt() == null ? "OPEN" : "DONE", a.auditorId(),
                        Timestamp.from(a.submittedAt().toInstant()),
                        c.doneAt() == null ? null : Timestamp.from(c.doneAt().toInstant())});
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO audit_answer (audit_id, item_id, choice, scale, measured, text, not_applicable, score,
                    idempotency_key, answered_by, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", answerRows,
                new int[] {Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.INTEGER, Types.NUMERIC, Types.VARCHAR,
                        Types.BOOLEAN, Types.NUMERIC, Types.VARCHAR, Types.BIGINT, Types.TIMESTAMP});
        jdbc.batchUpdate("""
                INSERT INTO audit_action (audit_id, item_id, outlet_id, owner_id, due_on, description, status, created_by,
                    created_at, done_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", actionRows,
                new int[] {Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.DATE, Types.VARCHAR, Types.VARCHAR,
                        Types.BIGINT, Types.TIMESTAMP, Types.TIMESTAMP});
        rollup.add(ids);
        feeds.feed(fed);
        return past.size();
    }

    private static BigDecimal decimal(Double score) {
        return score == null ? null : BigDecimal.valueOf(score);
    }

    private static Double score(FormItem item, PastAnswer x) {
        Double s = Scoring.itemScore(item, x.notApplicable(), x.choice(), x.scale(), x.measured());
        return s == null ? null : BigDecimal.valueOf(s).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }
}
