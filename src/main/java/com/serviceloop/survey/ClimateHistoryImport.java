package com.serviceloop.survey;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.UnitKind;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.OutletScope;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Climate answers given before (the demo, a round on paper): each outlet's answers are stored on its
 * staff link (made when it has none), complete and anonymous, as if they had come through it then.
 */
@Service
public class ClimateHistoryImport {
    private final ClimateResults results;
    private final ClimateRepository repo;
    private final SurveyRepository surveys;
    private final SurveyLinks links;
    private final ResponseWriter writer;
    private final OrgService org;
    private final Clock clock;

    ClimateHistoryImport(ClimateResults results, ClimateRepository repo, SurveyRepository surveys, SurveyLinks links,
                         ResponseWriter writer, OrgService org, Clock clock) {
        this.clock = clock;
        this.results = results;
        this.repo = repo;
        this.surveys = surveys;
        this.links = links;
        this.writer = writer;
        this.org = org;
    }

    /** One colleague's answer: the ratings 1–7 of every statement, in the questionnaire's order. */
    public record PastAnswer(long outletId, OffsetDateTime submittedAt, List<Integer> ratings) {
    }

    /** The number of statements an answer rates. */
    public int statements() {
        return statements(results.survey().id()).size();
    }

    private List<Question> statements(long surveyId) {
        return surveys.questions(surveyId).stream().filter(q -> q.itemNo() != null)
                .sorted(Comparator.comparing(Question::itemNo)).toList();
    }

    /** Stores the answers, all or none; 400 naming the answer for a rating or outlet out of place. The number stored. */
    @Transactional
    public int load(AppUser by, List<PastAnswer> past) {
        long surveyId = results.survey().id();
        List<Question> questions = statements(surveyId);
        OutletScope scope = org.scopeOf(by);
        Map<Long, String> tokens = new HashMap<>();
        List<ResponseWriter.NewResponse> rows = new ArrayList<>();
        for (int i = 0; i < past.size(); i++) {
            PastAnswer a = past.get(i);
            String field = "past[" + i + "]";
            if (!scope.contains(a.outletId()) || org.find(a.outletId()).filter(u -> u.kind() == UnitKind.OUTLET).isEmpty()) {
                throw BadInputException.of(field + ".outletId", "error.climate.pastOutlet", String.valueOf(i + 1),
                        String.valueOf(a.outletId()));
            }
            if (a.submittedAt() == null || a.submittedAt().isAfter(OffsetDateTime.now(clock))) {
                throw BadInputException.of(field + ".submittedAt", "error.climate.pastWhen", String.valueOf(i + 1));
            }
            List<Integer> ratings = a.ratings();
            if (ratings == null || ratings.size() != questions.size()
                    || ratings.stream().anyMatch(r -> r == null || r < ClimateIndex.LOWEST || r > ClimateIndex.HIGHEST)) {
                throw BadInputException.of(field + ".ratings", "error.climate.pastRatings", String.valueOf(i + 1),
                        String.valueOf(questions.size()));
            }
            String token = tokens.computeIfAbsent(a.outletId(), outlet -> {
                String open = repo.activeLink(surveyId, outlet);
                return open != null ? open
                        : links.create(by, surveyId, new SurveyLinks.LinkForm(outlet, "LINK", false, null)).token();
            });
            List<AnswerCheck.Answer> answers = new ArrayList<>();
            for (int q = 0; q < questions.size(); q++) {
                answers.add(new AnswerCheck.Answer(questions.get(q).id(), BigDecimal.valueOf(ratings.get(q)), null));
            }
            rows.add(new ResponseWriter.NewResponse(surveyId, a.outletId(), token, "LINK", null, null, "zh", true, null,
                    a.submittedAt(), UUID.randomUUID().toString(), answers));
        }
        if (!rows.isEmpty()) {
            writer.insert(rows);
        }
        return rows.size();
    }
}
