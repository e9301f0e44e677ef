package com.serviceloop.audit;

import com.serviceloop.audit.AuditHistoryImport.PastAnswer;
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
 * Past mystery visits in a few set-based statements (the demo's 18 months), scored by the same rules as a visit
 * submitted through the API. Open visits (ASSIGNED) carry no answers.
 */
@Service
public class MysteryHistoryImport {
    private final JdbcTemplate jdbc;
    private final AuditForms forms;
    private final Audits audits;

    MysteryHistoryImport(JdbcTemplate jdbc, AuditForms forms, Audits audits) {
        this.jdbc = jdbc;
        this.forms = forms;
        this.audits = audits;
    }

    /** What the outlet team heard after the visit. */
    public record PastDebrief(LocalDate heldOn, String wentWell, String toImprove, String actions, String attendees) {
    }

    /** {@code status}: ASSIGNED, SUBMITTED, RETURNED, ACCEPTED or REJECTED; a reviewed visit has its rating. */
    public record PastVisit(long outletId, long shopperId, Long scenarioId, LocalDate plannedOn, OffsetDateTime visitedAt,
                            String status, Integer rating, String reviewComment, List<PastAnswer> answers,
                            PastDebrief debrief) {
    }

    /** Loads visits of a programme on the latest published version of its form; the number loaded. */
    @Transactional
    public int load(MysteryProgramme programme, long assignedBy, long reviewerId, List<PastVisit> past) {
        FormVersion form = forms.latest(programme.formId());
        Map<Long, FormItem> items = new HashMap<>();
        form.items().forEach(i -> items.put(i.id(), i));
        List<Scorecard> cards = new ArrayList<>();
        for (PastVisit v : past) {
            List<Answer> answers = v.answers().stream().map(x -> new Answer(0, 0, x.itemId(), x.choice(), x.scale(),
                    x.measured(), x.text(), x.notApplicable(), score(items.get(x.itemId()), x), "", 0, v.visitedAt()))
                    .toList();
            cards.add(audits.scorecard(form, answers));
        }
        int[] at = {0};
        List<Long> ids = BatchInsert.returningIds(jdbc, """
                INSERT INTO mystery_visit (programme_id, outlet_id, shopper_id, scenario_id, form_version_id, planned_on,
                    status, visited_at, receipt_key, receipt_type, submitted_at, score, result, review_comment,
                    quality_rating, reviewed_by, reviewed_at, assigned_by, assigned_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", past, (ps, v) -> {
                    Scorecard card = cards.get(at[0]++);
                    boolean done = !v.status().equals("ASSIGNED");
                    boolean reviewed = done && !v.status().equals("SUBMITTED");
                    ps.setLong(1, programme.id());
                    ps.setLong(2, v.outletId());
                    ps.setLong(3, v.shopperId());
                    ps.setObject(4, v.scenarioId(), Types.BIGINT);
                    ps.setLong(5, form.id());
                    ps.setDate(6, Date.valueOf(v.plannedOn()));
                    ps.setString(7, v.status());
                    ps.setObject(8, done ? Timestamp.from(v.visitedAt().toInstant()) : null, Types.TIMESTAMP);
                    // the demo's receipts are not in the object store: the report shows no photo
                    ps.setObject(9, null, Types.VARCHAR);
                    ps.setObject(10, null, Types.VARCHAR);
                    ps.setObject(11, done ? Timestamp.from(v.visitedAt().plusHours(3).toInstant()) : null, Types.TIMESTAMP);
                    ps.setObject(12, done && card.overall() != null
                            ? BigDecimal.valueOf(card.overall()).setScale(4, RoundingMode.HALF_UP) : null, Types.NUMERIC);
                    ps.setObject(13, done ? card.result() : null, Types.VARCHAR);
                    ps.setObject(14, v.reviewComment(), Types.VARCHAR);
                    ps.setObject(15, reviewed ? v.rating() : null, Types.INTEGER);
                    ps.setObject(16, reviewed ? reviewerId : null, Types.BIGINT);
                    ps.setObject(17, reviewed ? Timestamp.from(v.visitedAt().plusDays(2).toInstant()) : null,
                            Types.TIMESTAMP);
                    ps.setLong(18, assignedBy);
                    ps.setTimestamp(19, Timestamp.from(v.plannedOn().minusDays(10).atStartOfDay()
                            .atZone(v.visitedAt().getOffset()).toInstant()));
                });
        List<Object[]> answerRows = new ArrayList<>();
        List<Object[]> debriefRows = new ArrayList<>();
        for (int i = 0; i < past.size(); i++) {
            PastVisit v = past.get(i);
            long id = ids.get(i);
            for (PastAnswer x : v.answers()) {
                answerRows.add(new Object[] {id, x.itemId(), x.choice(), x.scale(), x.measured(), x.text(),
                        x.notApplicable(), score(items.get(x.itemId()), x), "import-" + id + "-" + x.itemId(),
                        v.shopperId(), Timestamp.from(v.visitedAt().toInstant())});
            }
            PastDebrief d = v.debrief();
            if (d != null) {
                debriefRows.add(new Object[] {id, Date.valueOf(d.heldOn()), d.wentWell(), d.toImprove(), d.actions(),
                        d.attendees(), reviewerId, Timestamp.from(d.heldOn().atStartOfDay()
                        .atZone(v.visitedAt().getOffset()).plusHours(18).toInstant())});
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO mystery_answer (visit_id, item_id, choice, scale, measured, text, not_applicable, score,
                    idempotency_key, answered_by, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", answerRows,
                new int[] {Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.INTEGER, Types.NUMERIC, Types.VARCHAR,
                        Types.BOOLEAN, Types.NUMERIC, Types.VARCHAR, Types.BIGINT, Types.TIMESTAMP});
        jdbc.batchUpdate("""
                INSERT INTO mystery_debrief (visit_id, held_on, went_well, to_improve, actions, attendees, recorded_by,
                    recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", debriefRows,
                new int[] {Types.BIGINT, Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                        Types.BIGINT, Types.TIMESTAMP});
        return past.size();
    }

    private static BigDecimal score(FormItem item, PastAnswer x) {
        Double s = Scoring.itemScore(item, x.notApplicable(), x.choice(), x.scale(), x.measured());
        return s == null ? null : BigDecimal.valueOf(s).setScale(4, RoundingMode.HALF_UP);
    }
}
