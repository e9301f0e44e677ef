package com.serviceloop.survey;

import com.serviceloop.casework.CaseService;
import com.serviceloop.casework.CaseType;
import com.serviceloop.casework.Channel;
import com.serviceloop.casework.Severity;
import com.serviceloop.casework.SupportCase;
import com.serviceloop.platform.ConflictException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Accepts public responses. A response is stored once: an invitation link (single use) takes one
 * response, and every filling-in carries a submission key, so a resend is refused (409) rather
 * than counted twice. Partial answers are kept (complete = false) and required questions are only
 * enforced on a complete response.
 */
@Service
class SurveyResponses {
    private final JdbcClient jdbc;
    private final ResponseWriter writer;
    private final TransactionTemplate tx;
    private final SurveyLinks links;
    private final SurveyRepository surveys;
    private final CaseService cases;
    private final Clock clock;

    public SurveyResponses(JdbcClient jdbc, ResponseWriter writer, TransactionTemplate tx, SurveyLinks links, SurveyRepository surveys,
                           CaseService cases, Clock clock) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.tx = tx;
        this.links = links;
        this.surveys = surveys;
        this.cases = cases;
        this.clock = clock;
    }

    public record Submission(JsonNode answers, String submissionKey, String language, Boolean complete, Long staffId) {
    }

    public record Accepted(long id, boolean complete, BigDecimal satisfaction, Long caseId) {
    }

    /**
     * Checks and stores a response. Ordinary responses are stored by group commit (ResponseWriter);
     * an invitation's response (its link is used up with it) and one that raises a case are stored
     * in a transaction of their own, so that the response and what it changes commit together.
     */
    public Accepted submit(String token, Submission s) {
        return submit(links.opened(token), s);
    }

    /** The same, for a link the caller has already opened. */
    public Accepted submit(SurveyLinks.Opened opened, Submission s) {
        SurveyLink link = opened.link();
        String token = link.token();
        if (link.singleUse() && link.usedAt() != null) {
            throw ConflictException.of("error.survey.invitationAnswered");
        }
        boolean complete = s.complete() == null || s.complete();
        List<Question> questions = surveys.questions(link.surveyId(), opened.surveyVersion());
        List<AnswerCheck.Answer> answers = AnswerCheck.check(s.answers(), questions, complete);
        BigDecimal satisfaction = satisfaction(answers, questions);
        var response = new ResponseWriter.NewResponse(link.surveyId(), link.outletId(), token, link.channel(),
                link.customerId(), s.staffId(), s.language(), complete, satisfaction, OffsetDateTime.now(clock),
                s.submissionKey(), answers);
        Survey raisesCase = raisesCase(link, opened.surveyVersion(), satisfaction);
        if (!link.singleUse() && raisesCase == null) {
            return new Accepted(writer.write(response), complete, satisfaction, null);
        }
        try {
            return tx.execute(status -> {
                if (link.singleUse() && jdbc.sql("UPDATE survey_link SET used_at = :now WHERE token = :t AND used_at IS NULL")
                        .param("now", response.submittedAt()).param("t", token).update() == 0) {
                    throw ConflictException.of("error.survey.invitationAnswered");
                }
                long id = writer.store(response);
                Long caseId = raisesCase == null ? null : raiseCase(raisesCase, link, id, satisfaction, answers, questions);
                return new Accepted(id, complete, satisfaction, caseId);
            });
        } catch (DuplicateKeyException e) {
            throw writer.refused(e);
        }
    }

    /** The survey, when this response is at or below its threshold and there is an outlet to raise a case for. */
    Survey raisesCase(SurveyLink link, int surveyVersion, BigDecimal satisfaction) {
        if (satisfaction == null || link.outletId() == null) {
            return null; // nothing to judge, or nowhere to raise it: no need to read the survey
        }
        Survey survey = surveys.get(link.surveyId(), surveyVersion);
        boolean low = survey.caseThreshold() != null && satisfaction.compareTo(survey.caseThreshold()) <= 0;
        return low ? survey : null;
    }

    /**
     * A stored response at or below the survey's threshold becomes a complaint case for the outlet's
     * manager, noted on the response. Null when the outlet has no manager to own it.
     */
    Long raiseCase(Survey survey, SurveyLink link, long responseId, BigDecimal satisfaction,
                   List<AnswerCheck.Answer> answers, List<Question> questions) {
        // in both languages: the case is read by whoever works it, in either
        StringBuilder text = new StringBuilder("问卷“" + survey.titleZh() + "”的第 " + responseId + " 份回答：满意度 "
                + satisfaction + "/100，不高于 " + survey.caseThreshold() + "。\nSurvey response " + responseId + " ("
                + survey.titleEn() + "): satisfaction " + satisfaction + "/100, at or below " + survey.caseThreshold() + ".");
        var byId = new HashMap<Long, Question>();
        questions.forEach(q -> byId.put(q.id(), q));
        for (AnswerCheck.Answer a : answers) {
            Question q = byId.get(a.questionId());
            if (a.text() != null && q.qtype() == QuestionType.TEXT) {
                text.append("\n").append(q.textZh()).append(" / ").append(q.textEn()).append(" ").append(a.text());
            }
        }
        Long caseId = cases.raise(link.outletId(), link.customerId(), Channel.SURVEY,
                CaseType.COMPLAINT, Severity.MEDIUM, text.toString())
                .map(SupportCase::id).orElse(null);
        if (caseId != null) {
            jdbc.sql("UPDATE survey_response SET case_id = :c WHERE id = :id").param("c", caseId).param("id", responseId).update();
        }
        return caseId;
    }

    /**
     * The response's satisfaction index, 0-100: the mean of its rating answers, each scaled from its
     * scale's lowest (0) to highest (100) point. Only ratings of the service count: SERVQUAL
     * expectations and importance points say nothing about this visit, and the managers' and staff
     * ratings of the five-gap surveys are not customer satisfaction. Null when the response has no rating.
     */
    static BigDecimal satisfaction(List<AnswerCheck.Answer> answers, List<Question> questions) {
        var byId = new HashMap<Long, Question>();
        questions.forEach(q -> byId.put(q.id(), q));
        double sum = 0;
        int n = 0;
        for (AnswerCheck.Answer a : answers) {
            Question q = byId.get(a.questionId());
            if (q.qtype().isScale() && (q.side() == null || "PERCEPTION".equals(q.side()))) {
                sum += (a.number().doubleValue() - q.qtype().min()) * 100.0 / (q.qtype().max() - q.qtype().min());
                n++;
            }
        }
        return n == 0 ? null : BigDecimal.valueOf(sum / n).setScale(2, RoundingMode.HALF_UP);
    }
}
