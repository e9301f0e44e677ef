package com.serviceloop.survey;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Answers given in the past, loaded in bulk with the time each was given (the demo chain's months
 * of answers, or answers carried over from an earlier system). Each goes the way a public answer
 * goes — the same checks, satisfaction index, writer and case rule, through a link of its outlet —
 * and the daily aggregates are brought up to date at the end. Only the submission time is the
 * caller's. A case is raised when the answers are loaded, as for a live answer, so a caller
 * loading old answers decides whether low ones belong among them.
 */
@Service
public class SurveyBackfill {
    static final int CHUNK = 1000;
    private final SurveyRepository surveys;
    private final SurveyLinks links;
    private final SurveyResponses responses;
    private final ResponseWriter writer;
    private final SurveyRollup rollup;
    private final ObjectMapper json;
    private final Clock clock;

    SurveyBackfill(SurveyRepository surveys, SurveyLinks links, SurveyResponses responses, ResponseWriter writer,
                   SurveyRollup rollup, ObjectMapper json, Clock clock) {
        this.surveys = surveys;
        this.links = links;
        this.responses = responses;
        this.writer = writer;
        this.rollup = rollup;
        this.json = json;
        this.clock = clock;
    }

    /**
     * One past response: answers by question id, valued as a respondent's page sends them (whole
     * numbers for ratings, points and one choice, a list of numbers for several, text). A known
     * customer answers through a single-use link made for them the day before (an invitation they
     * took up); the others share one open link per outlet.
     */
    public record PastResponse(long outletId, OffsetDateTime submittedAt, Long customerId, Map<Long, ?> answers) {
    }

    public record Loaded(int responses, int cases) {
    }

    /** The questions of a survey by its code (a built-in one such as "servqual"), to key the answers by. */
    public List<Question> questions(String code) {
        return surveys.questions(survey(code).id());
    }

    /**
     * Stores the responses, all complete, in Chinese, through links of the channel given (LINK, QR,
     * KIOSK, BOX or CALL) for answers without a customer. A malformed answer refuses the whole load
     * (BadInputException naming the question), as it would refuse a public response.
     */
    @Transactional
    public Loaded load(String code, String channel, List<PastResponse> past) {
        Survey survey = survey(code);
        List<Question> questions = surveys.questions(survey.id());
        OffsetDateTime now = OffsetDateTime.now(clock);
        rollup.holdMark();
        Map<Long, SurveyLink> shared = new HashMap<>();
        List<SurveyLink> newLinks = new ArrayList<>();
        List<ResponseWriter.NewResponse> all = new ArrayList<>();
        List<SurveyLink> through = new ArrayList<>();
        for (PastResponse p : past) {
            if (p.submittedAt().isAfter(now)) {
                throw new IllegalArgumentException("A past response submitted at " + p.submittedAt() + ", after now");
            }
            SurveyLink link = p.customerId() != null
                    ? new SurveyLink(SurveyLinks.newToken(), survey.id(), p.outletId(), "EMAIL", p.customerId(), true,
                            p.submittedAt(), true, p.submittedAt().minusDays(1))
                    : shared.computeIfAbsent(p.outletId(), o -> sharedLink(survey.id(), o, channel, past, newLinks));
            if (link.singleUse()) {
                newLinks.add(link);
            }
            Map<String, Object> byKey = new LinkedHashMap<>();
            p.answers().forEach((q, v) -> byKey.put(String.valueOf(q), v));
            List<AnswerCheck.Answer> answers = AnswerCheck.check(json.valueToTree(byKey), questions, true);
            BigDecimal satisfaction = SurveyResponses.satisfaction(answers, questions);
            all.add(new ResponseWriter.NewResponse(survey.id(), p.outletId(), link.token(), link.channel(), link.customerId(),
                    null, "zh", true, satisfaction, p.submittedAt(), UUID.randomUUID().toString(), answers));
            through.add(link);
        }
        links.storeAll(newLinks);
        int cases = 0;
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<ResponseWriter.NewResponse> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            List<Long> ids = writer.insert(chunk);
            for (int i = 0; i < chunk.size(); i++) {
                ResponseWriter.NewResponse r = chunk.get(i);
                SurveyLink link = through.get(from + i);
                Survey low = responses.raisesCase(link, survey.version(), r.satisfaction());
                if (low != null && responses.raiseCase(low, link, ids.get(i), r.satisfaction(), r.answers(), questions) != null) {
                    cases++;
                }
            }
        }
        while (rollup.step() == SurveyRollup.BATCH) {
            // fold until a batch comes back short
        }
        return new Loaded(all.size(), cases);
    }

    private Survey survey(String code) {
        return surveys.byCode(code).orElseThrow(() -> new IllegalArgumentException("No survey with the code " + code));
    }

    /** The outlet's open link of this channel, or a new one dated from the outlet's first past answer. */
    private SurveyLink sharedLink(long surveyId, long outletId, String channel, List<PastResponse> past,
                                  List<SurveyLink> newLinks) {
        if (!List.of("LINK", "QR", "KIOSK", "BOX", "CALL").contains(channel)) {
            throw new IllegalArgumentException("Not a channel for shared links: " + channel);
        }
        var open = links.shared(surveyId, outletId, channel);
        if (open.isPresent()) {
            return open.get();
        }
        OffsetDateTime first = past.stream().filter(p -> p.outletId() == outletId).map(PastResponse::submittedAt)
                .min(OffsetDateTime::compareTo).orElseThrow();
        SurveyLink link = new SurveyLink(SurveyLinks.newToken(), surveyId, outletId, channel, null, false, null, true, first);
        newLinks.add(link);
        return link;
    }
}
