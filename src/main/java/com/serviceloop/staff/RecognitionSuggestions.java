package com.serviceloop.staff;

import com.serviceloop.casework.StaffCaseFigures;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.platform.OutletScope;
import com.serviceloop.survey.StaffSatisfaction;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * What a manager could recognise with one click: praise cases owned by a person, and customer
 * survey comments that name a person with a high score, from the last 30 days, that no note points
 * at yet.
 */
@Service
public class RecognitionSuggestions {
    static final int DAYS = 30;
    static final BigDecimal HIGH_SATISFACTION = BigDecimal.valueOf(80);
    private static final int LIMIT = 50;
    private final StaffCaseFigures cases;
    private final StaffSatisfaction surveys;
    private final RecognitionRepository repo;
    private final OrgService org;
    private final Clock clock;

    RecognitionSuggestions(StaffCaseFigures cases, StaffSatisfaction surveys, RecognitionRepository repo, OrgService org,
                           Clock clock) {
        this.cases = cases;
        this.surveys = surveys;
        this.repo = repo;
        this.org = org;
        this.clock = clock;
    }

    /** One suggestion: whom to recognise, for what (the customer's words) and the link the note will carry. */
    public record Suggestion(RecognitionLink sourceKind, long sourceId, long outletId, long personId, String personName,
                             String customerWords, BigDecimal satisfaction, OffsetDateTime at) {
    }

    public List<Suggestion> forManager(AppUser user) {
        OutletScope scope = org.scopeOf(user);
        OffsetDateTime since = OffsetDateTime.now(clock).minusDays(DAYS);
        var praise = cases.praiseOwned(scope, since, LIMIT);
        var comments = surveys.commentsNamingPeople(scope, since, HIGH_SATISFACTION, LIMIT);
        Set<Long> doneCases = repo.linked(RecognitionLink.CASE, praise.stream().map(StaffCaseFigures.PraiseCase::caseId).toList());
        Set<Long> doneResponses = repo.linked(RecognitionLink.SURVEY_RESPONSE,
                comments.stream().map(StaffSatisfaction.NamedComment::responseId).toList());
        Set<Long> people = new HashSet<>();
        praise.forEach(p -> people.add(p.personId()));
        comments.forEach(c -> people.add(c.personId()));
        Map<Long, String> names = repo.names(people);
        List<Suggestion> out = new ArrayList<>();
        praise.stream().filter(p -> !doneCases.contains(p.caseId()) && p.personId() != user.id())
                .forEach(p -> out.add(new Suggestion(RecognitionLink.CASE, p.caseId(), p.outletId(), p.personId(),
                        names.get(p.personId()), p.description(), null, p.createdAt())));
        comments.stream().filter(c -> !doneResponses.contains(c.responseId()) && c.personId() != user.id()
                        && names.containsKey(c.personId()))
                .forEach(c -> out.add(new Suggestion(RecognitionLink.SURVEY_RESPONSE, c.responseId(), c.outletId(),
                        c.personId(), names.get(c.personId()), c.comment(), c.satisfaction(), c.submittedAt())));
        out.sort(Comparator.comparing(Suggestion::at).reversed());
        return out;
    }
}
