package com.serviceloop.survey;

import com.serviceloop.casework.CaseForm;
import com.serviceloop.casework.CaseService;
import com.serviceloop.casework.CaseType;
import com.serviceloop.casework.Channel;
import com.serviceloop.casework.Severity;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.OutletScope;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** A customer's comment in a survey turned into a case, so that it is followed up like a complaint at the counter. */
@Service
class SurveyComments {
    private final JdbcClient jdbc;
    private final OrgService org;
    private final SurveyRepository surveys;
    private final CaseService cases;
    private final TransactionTemplate tx;
    private final MessageSource messages;

    public SurveyComments(JdbcClient jdbc, OrgService org, SurveyRepository surveys, CaseService cases,
                          TransactionTemplate tx, MessageSource messages) {
        this.jdbc = jdbc;
        this.org = org;
        this.surveys = surveys;
        this.cases = cases;
        this.tx = tx;
        this.messages = messages;
    }

    private record Response(Long outletId, Long customerId, Long caseId) {
    }

    /**
     * Makes a case of a response's comments for its outlet, recorded by the caller, in the caller's
     * language. Once per response: 409 when it already became a case (by a manager, or raised by its
     * low score); 404 outside the caller's scope; 400 without an outlet or a comment.
     */
    public long toCase(AppUser user, long surveyId, long responseId, CaseType type, Locale locale) {
        OutletScope scope = org.scopeOf(user);
        Response r = scope.bind(jdbc.sql("SELECT r.outlet_id, r.customer_id, r.case_id FROM survey_response r "
                        + "WHERE r.id = :id AND r.survey_id = :s AND " + scope.sqlFilter("r.outlet_id")))
                .param("id", responseId).param("s", surveyId)
                .query((rs, i) -> new Response(rs.getObject(1, Long.class), rs.getObject(2, Long.class),
                        rs.getObject(3, Long.class)))
                .optional().orElseThrow(() -> new NotFoundException("Survey response", responseId));
        if (r.caseId() != null) {
            throw ConflictException.of("error.survey.alreadyCase", String.valueOf(r.caseId()));
        }
        if (r.outletId() == null) {
            throw BadInputException.of("responseId", "error.survey.noOutletForCase");
        }
        List<String> texts = jdbc.sql("""
                        SELECT a.text_value FROM survey_answer a JOIN survey_question q ON q.id = a.question_id
                        WHERE a.response_id = :id AND q.qtype = 'TEXT' AND (q.purpose IS NULL OR q.purpose <> 'ASK_BY_NAME')
                          AND a.text_value IS NOT NULL ORDER BY q.position""")
                .param("id", responseId).query(String.class).list();
        if (texts.isEmpty()) {
            throw BadInputException.of("responseId", "error.survey.noComment");
        }
        boolean zh = !"en".equals(locale.getLanguage());
        String from = messages.getMessage("surveys.comment.caseSource",
                new Object[] {surveys.get(surveyId).title(zh), responseId}, locale);
        String description = String.join("\n", texts) + "\n\n" + from;
        return tx.execute(status -> {
            long caseId = cases.create(user, CaseForm.of(r.outletId(), r.customerId(), Channel.SURVEY, type, Severity.MEDIUM,
                    description.length() > 4000 ? description.substring(0, 4000) : description)).id();
            if (jdbc.sql("UPDATE survey_response SET case_id = :c WHERE id = :id AND case_id IS NULL")
                    .param("c", caseId).param("id", responseId).update() == 0) {
                throw ConflictException.of("error.survey.justBecameCase");
            }
            return caseId;
        });
    }
}
