package com.serviceloop.survey;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.platform.BadInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * What the PDF report of a survey shows for one outlet, one region or everything in the caller's
 * scope, over a period. It only gathers: every figure comes from the analysis services.
 */
@Service
class SurveyReports {
    static final int COMMENTS = 10;
    static final int COMMENT_LENGTH = 280;
    static final int WORST_ITEMS = 5;
    /** Up to about a quarter the trend is week by week; longer periods month by month. */
    static final int WEEKLY_UP_TO_DAYS = 92;

    private final SurveyRepository surveys;
    private final SurveyAnalysis analysis;
    private final SurveyFigures figures;
    private final SurveyRates rates;
    private final OrgService org;
    private final Clock clock;
    private final ZoneId zone;

    public SurveyReports(SurveyRepository surveys, SurveyAnalysis analysis, SurveyFigures figures, SurveyRates rates,
                         OrgService org, Clock clock,
                         @Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone) {
        this.surveys = surveys;
        this.analysis = analysis;
        this.figures = figures;
        this.rates = rates;
        this.org = org;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** One SERVQUAL statement: its perception wording, its means and gap; worst = among the largest shortfalls. */
    public record ItemRow(int itemNo, Dimension dimension, String text, Double expectation, Double perception, Double gap,
                          boolean worst) {
    }

    /** The unit is null when the report covers everything in the caller's scope. */
    public record Report(Survey survey, OrgUnit unit, LocalDate from, LocalDate to, ZonedDateTime generatedAt,
                         SurveyAnalysis.Summary summary, SurveyRates.Rates rates, Servqual.Score servqual,
                         List<ItemRow> items, SurveyFigures.Period trendPeriod, List<SurveyFigures.Point> trend,
                         List<SurveyFigures.Rank> ranking, List<SurveyAnalysis.Comment> comments) {

        public record RateRow(String key, SurveyRates.Rate rate) {
        }

        /** The rates in the order the report lists them; the key names their messages. */
        public List<RateRow> rateRows() {
            return List.of(new RateRow("responseRate", rates.responseRate()),
                    new RateRow("invitationRate", rates.invitationResponseRate()),
                    new RateRow("praiseRate", rates.praiseRate()), new RateRow("askByNameRate", rates.askByNameRate()),
                    new RateRow("returnRate", rates.returnRate()));
        }

        /**
         * E.g. {@code post-visit_SH-01_2026-10.pdf}. Unit and survey codes are plain ASCII already
         * (OrgUnitForm); anything else is replaced, so the name needs no RFC 5987 form.
         */
        public String fileName() {
            return ascii(survey.code()) + "_" + (unit == null ? "all" : ascii(unit.code())) + "_" + periodLabel() + ".pdf";
        }

        private String periodLabel() {
            boolean wholeMonth = from.getDayOfMonth() == 1 && to.equals(from.withDayOfMonth(from.lengthOfMonth()));
            return wholeMonth ? from.toString().substring(0, 7) : from + "_" + to;
        }

        private static String ascii(String s) {
            return s.replaceAll("[^A-Za-z0-9._-]", "_");
        }
    }

    /** A period from the request: by default the last full month; one end given, the other follows it. */
    public record Period(LocalDate from, LocalDate to) {
        static Period of(LocalDate from, LocalDate to, LocalDate today) {
            if (from == null && to == null) {
                LocalDate first = today.withDayOfMonth(1).minusMonths(1);
                return new Period(first, first.withDayOfMonth(first.lengthOfMonth()));
            }
            LocalDate end = to != null ? to : today.isBefore(from) ? from : today;
            LocalDate start = from != null ? from : end.withDayOfMonth(1);
            if (start.isAfter(end)) {
                throw BadInputException.of("from", "error.survey.periodBackwardsDates", String.valueOf(start), String.valueOf(end));
            }
            return new Period(start, end);
        }
    }

    /** What the report covers when no dates are given: the last full month, in the business's time zone. */
    public Period defaultPeriod() {
        return Period.of(null, null, LocalDate.now(clock.withZone(zone)));
    }

    /**
     * The period of the survey page, which its figures and its PDF report share: by default the
     * twelve months its month-by-month chart shows, up to today, so that an answer given today is in it.
     */
    public Period pagePeriod(LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return from == null && to == null ? new Period(today.withDayOfMonth(1).minusMonths(11), today)
                : Period.of(from, to, today);
    }

    public Report report(AppUser user, long surveyId, Long outletId, Long regionId, LocalDate from, LocalDate to,
                         boolean zh) {
        Survey survey = ClimateResults.readOnlyAsResults(surveys.get(surveyId));
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        Period period = Period.of(from, to, now.toLocalDate());
        var filter = analysis.filter(user, outletId, regionId, period.from(), period.to());
        OrgUnit unit = outletId != null ? org.get(user, outletId) : regionId != null ? org.get(user, regionId) : null;

        Servqual.Score servqual = SurveyKind.SERVQUAL.is(survey.kind()) ? analysis.servqual(user, surveyId, filter) : null;
        SurveyFigures.Period trendPeriod = ChronoUnit.DAYS.between(period.from(), period.to()) + 1 <= WEEKLY_UP_TO_DAYS
                ? SurveyFigures.Period.WEEK : SurveyFigures.Period.MONTH;
        // ranking within the region, or across everything in scope; a single outlet ranks against nothing
        List<SurveyFigures.Rank> ranking = outletId != null ? List.of()
                : figures.ranking(user, surveyId, filter, SurveyFigures.GroupBy.OUTLET);
        return new Report(survey, unit, period.from(), period.to(), now.truncatedTo(ChronoUnit.MINUTES),
                analysis.summary(user, surveyId, filter), rates.rates(user, surveyId, filter), servqual,
                servqual == null ? List.of() : items(servqual, surveys.questions(surveyId), zh), trendPeriod,
                figures.trend(user, surveyId, filter, trendPeriod), ranking,
                analysis.comments(user, surveyId, filter, COMMENTS).stream().map(this::shown).toList());
    }

    /** Unknown, outside the caller's scope, or not of the kind asked for: all three are "not found". */
    static List<ItemRow> items(Servqual.Score score, List<Question> questions, boolean zh) {
        Map<Integer, String> texts = new HashMap<>();
        questions.stream().filter(q -> "PERCEPTION".equals(q.side()) && q.itemNo() != null)
                .forEach(q -> texts.put(q.itemNo(), q.text(zh)));
        Set<Integer> worst = score.items().stream()
                .filter(g -> g.gap() != null && g.gap() < 0)
                .sorted(Comparator.comparing(Servqual.ItemGap::gap).thenComparing(Servqual.ItemGap::itemNo))
                .limit(WORST_ITEMS).map(Servqual.ItemGap::itemNo).collect(Collectors.toSet());
        return score.items().stream().map(g -> new ItemRow(g.itemNo(), g.dimension(),
                Objects.requireNonNullElse(texts.get(g.itemNo()), ""), g.expectation(), g.perception(), g.gap(),
                worst.contains(g.itemNo()))).toList();
    }

    /** On one line, cut at a length that fits the page, and at the business's time. */
    private SurveyAnalysis.Comment shown(SurveyAnalysis.Comment c) {
        String text = c.text().strip().replaceAll("\\s+", " ");
        if (text.codePointCount(0, text.length()) > COMMENT_LENGTH) {
            text = text.substring(0, text.offsetByCodePoints(0, COMMENT_LENGTH - 1)).strip() + "…";
        }
        return new SurveyAnalysis.Comment(c.responseId(), c.submittedAt().atZoneSameInstant(zone).toOffsetDateTime(),
                c.outletId(), c.outlet(), text, c.caseId());
    }
}
