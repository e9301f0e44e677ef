package com.serviceloop.survey;

import com.serviceloop.platform.BatchInsert;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.GroupCommit;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores public survey responses by group commit (see {@link GroupCommit}): a QR code at a busy
 * counter or a kiosk sends many small responses at once. A replayed submission key fails its
 * batch on the unique key (link, submission key); it is then refused alone with a 409 while the
 * others of its batch are stored.
 */
@Component
class ResponseWriter extends GroupCommit<ResponseWriter.NewResponse, Long> {
    private static final String INSERT_RESPONSE = """
            INSERT INTO survey_response (survey_id, outlet_id, link_token, channel, customer_id, staff_id, language,
                complete, satisfaction, submitted_at, submission_key)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_ANSWER =
            "INSERT INTO survey_answer (response_id, question_id, num_value, text_value) VALUES (?, ?, ?, ?)";

    /** One response as it is stored. */
    record NewResponse(long surveyId, Long outletId, String token, String channel, Long customerId, Long staffId,
                       String language, boolean complete, BigDecimal satisfaction, OffsetDateTime submittedAt,
                       String submissionKey, List<AnswerCheck.Answer> answers) {
    }

    private final JdbcTemplate jdbc;

    ResponseWriter(JdbcTemplate jdbc, TransactionTemplate tx,
                   @Value("${serviceloop.surveys.writers:2}") int writers,
                   @Value("${serviceloop.surveys.write-queue:20000}") int capacity) {
        super("survey-writer", tx, writers, capacity, 200);
        this.jdbc = jdbc;
    }

    @Override
    protected RuntimeException refused(RuntimeException e) {
        return e instanceof DuplicateKeyException ? ConflictException.of("error.survey.responseReceived") : e;
    }

    @Override
    protected List<Long> insert(List<NewResponse> rows) {
        List<Long> ids = BatchInsert.returningIds(jdbc, INSERT_RESPONSE, rows, (ps, r) -> {
            ps.setLong(1, r.surveyId());
            ps.setObject(2, r.outletId(), Types.BIGINT);
            ps.setString(3, r.token());
            ps.setString(4, r.channel());
            ps.setObject(5, r.customerId(), Types.BIGINT);
            ps.setObject(6, r.staffId(), Types.BIGINT);
            ps.setString(7, r.language());
            ps.setBoolean(8, r.complete());
            ps.setBigDecimal(9, r.satisfaction());
            ps.setObject(10, r.submittedAt());
            ps.setString(11, r.submissionKey());
        });
        List<Object[]> answers = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            for (AnswerCheck.Answer a : rows.get(i).answers()) {
                answers.add(new Object[] {ids.get(i), a.questionId(), a.number(), a.text()});
            }
        }
        if (!answers.isEmpty()) {
            jdbc.batchUpdate(INSERT_ANSWER, answers, new int[] {Types.BIGINT, Types.BIGINT, Types.NUMERIC, Types.VARCHAR});
        }
        return ids;
    }
}
