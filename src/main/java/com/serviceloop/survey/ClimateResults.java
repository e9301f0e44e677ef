package com.serviceloop.survey;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.UnitKind;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.OutletScope;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The service climate per outlet (see {@link ClimateIndex}) for one quarter, within the caller's
 * scope: the outlets of a unit side by side, the unit as a whole, its statements, and the quarters
 * before. An outlet with fewer than three answers in a quarter shows how many it has, never what they
 * say, and is left out of every total of that quarter, so its answers cannot be worked out by
 * subtracting the other outlets from the whole.
 */
@Service
class ClimateResults {
    /** The built-in instrument the results read. */
    static final String SURVEY = "climate";
    /** The trend shows the selected quarter and up to this many before it. */
    static final int EARLIER_QUARTERS = 7;
    private final SurveyRepository surveys;
    private final ClimateRepository repo;
    private final OrgService org;
    private final MessageSource messages;
    private final Clock clock;

    ClimateResults(SurveyRepository surveys, ClimateRepository repo, OrgService org, MessageSource messages, Clock clock) {
        this.surveys = surveys;
        this.repo = repo;
        this.org = org;
        this.messages = messages;
        this.clock = clock;
    }

    public record DimensionIndex(ClimateDimension dimension, Double index) {
    }

    /** An outlet in one quarter: its answers, and its figures when there are enough of them. */
    public record QuarterPoint(String quarter, long answers, boolean shown, Double index) {
    }

    public record OutletResult(long outletId, String name, long answers, boolean shown, Double index,
                               List<DimensionIndex> dimensions, List<QuarterPoint> trend) {
    }

    /** The unit in a quarter: the answers of the outlets shown, and what they come to together. */
    public record Pool(String quarter, long answers, int outletsShown, int outletsHidden, Double index,
                       List<DimensionIndex> dimensions) {
    }

    public record ItemResult(int itemNo, ClimateDimension dimension, String text, Double mean, Double index) {
    }

    public record Result(Long unitId, String unitName, String quarter, List<String> quarters, int minAnswers, String rule,
                         Pool overall, List<OutletResult> outlets, List<ItemResult> items, List<Pool> trend) {
    }

    /**
     * A climate survey is read only through these results: the answer-by-answer views of other
     * surveys (the survey page's figures, question figures, trend, ranking, exports, PDF report) would
     * show a small team's answers one by one. 400 naming the survey for those.
     */
    static Survey readOnlyAsResults(Survey s) {
        if (SurveyKind.CLIMATE.is(s.kind())) {
            throw BadInputException.of("surveyId", "error.climate.onlyResults", String.valueOf(s.id()));
        }
        return s;
    }

    Survey survey() {
        return surveys.byCode(SURVEY).orElseThrow(() -> new IllegalStateException("Built-in survey " + SURVEY + " missing"));
    }

    /**
     * The results of a unit (an outlet, a region or the chain; null for the caller's whole scope) in a
     * quarter ({@code 2026-Q2}; null for the latest with answers). 400 for a malformed quarter or a
     * team, 404 for a unit outside the caller's scope.
     */
    Result results(AppUser user, Long unitId, String quarterText, Locale locale) {
        Quarter asked = quarterText == null || quarterText.isBlank() ? null : Quarter.parse(quarterText, "quarter");
        OrgUnit unit = unitId == null ? null : org.get(user, unitId);
        if (unit != null && unit.kind() == UnitKind.TEAM) {
            throw BadInputException.of("unit", "error.climate.unitKind", String.valueOf(unitId));
        }
        List<OrgUnit> outlets = org.visibleOutlets(user).stream().filter(o -> unit == null
                || (unit.kind() == UnitKind.OUTLET ? o.id() == unit.id() : o.path().startsWith(unit.path()))).toList();
        List<Long> ids = unit == null ? null : outlets.stream().map(OrgUnit::id).toList();
        long surveyId = survey().id();
        OutletScope scope = org.scopeOf(user);
        NavigableMap<Quarter, Long> available = ids != null && ids.isEmpty() ? new TreeMap<>()
                : repo.quarters(surveyId, scope, ids);
        Quarter selected = asked != null ? asked : available.isEmpty()
                ? Quarter.of(LocalDate.now(clock.withZone(repo.zone()))) : available.lastKey();
        Quarter first = selected.plus(-EARLIER_QUARTERS);
        Quarter until = selected.plus(1);

        Map<Long, Map<Quarter, Long>> counts = new HashMap<>();
        Map<Long, Map<Quarter, List<ClimateIndex.ItemSum>>> cells = new HashMap<>();
        if (ids == null || !ids.isEmpty()) {
            repo.counts(surveyId, scope, ids, first, until).forEach(c -> counts.computeIfAbsent(c.outletId(),
                    k -> new HashMap<>()).merge(c.quarter(), c.responses(), Long::sum));
            repo.cells(surveyId, scope, ids, first, until).forEach(c -> cells.computeIfAbsent(c.outletId(),
                    k -> new HashMap<>()).computeIfAbsent(c.quarter(), k -> new ArrayList<>()).add(c.sum()));
        }
        TreeSet<Quarter> trendQuarters = new TreeSet<>();
        counts.values().forEach(m -> trendQuarters.addAll(m.keySet()));
        trendQuarters.add(selected);

        List<OutletResult> rows = new ArrayList<>();
        for (OrgUnit o : outlets) {
            Map<Quarter, Long> n = counts.getOrDefault(o.id(), Map.of());
            Map<Quarter, List<ClimateIndex.ItemSum>> c = cells.getOrDefault(o.id(), Map.of());
            long answers = n.getOrDefault(selected, 0L);
            boolean shown = ClimateIndex.shown(answers);
            ClimateIndex.Score score = shown ? ClimateIndex.score(c.getOrDefault(selected, List.of())) : ClimateIndex.Score.NONE;
            List<QuarterPoint> trend = trendQuarters.stream().map(q -> {
                long a = n.getOrDefault(q, 0L);
                boolean s = ClimateIndex.shown(a);
                return new QuarterPoint(q.toString(), a, s,
                        s ? ClimateIndex.round1(ClimateIndex.score(c.getOrDefault(q, List.of())).index()) : null);
            }).toList();
            rows.add(new OutletResult(o.id(), o.name(), answers, shown, ClimateIndex.round1(score.index()),
                    dimensions(score), trend));
        }
        boolean zh = !"en".equals(locale.getLanguage());
        Map<Integer, String> texts = new HashMap<>();
        surveys.questions(surveyId).forEach(q -> {
            if (q.itemNo() != null) {
                texts.put(q.itemNo(), q.text(zh));
            }
        });
        ClimateIndex.Score pooled = ClimateIndex.score(shownSums(outlets, counts, cells, selected));
        List<ItemResult> items = pooled.items().stream().map(i -> new ItemResult(i.itemNo(), i.dimension(),
                Objects.requireNonNullElse(texts.get(i.itemNo()), ""), ClimateIndex.round2(i.mean()),
                ClimateIndex.round1(i.index()))).toList();
        List<String> quarters = new ArrayList<>(available.keySet().stream().map(Quarter::toString).toList());
        if (!quarters.contains(selected.toString())) {
            quarters.add(selected.toString());
        }
        quarters.sort(null);
        return new Result(unit == null ? null : unit.id(), unit == null ? null : unit.name(), selected.toString(),
                quarters.reversed(), ClimateIndex.MIN_ANSWERS,
                messages.getMessage("climate.rule", new Object[] {ClimateIndex.MIN_ANSWERS}, locale),
                pool(outlets, counts, cells, selected), rows, items,
                trendQuarters.stream().map(q -> pool(outlets, counts, cells, q)).toList());
    }

    /** The statements' sums of the outlets with enough answers in the quarter. */
    private static List<ClimateIndex.ItemSum> shownSums(List<OrgUnit> outlets, Map<Long, Map<Quarter, Long>> counts,
                                                        Map<Long, Map<Quarter, List<ClimateIndex.ItemSum>>> cells,
                                                        Quarter q) {
        List<ClimateIndex.ItemSum> sums = new ArrayList<>();
        for (OrgUnit o : outlets) {
            if (ClimateIndex.shown(counts.getOrDefault(o.id(), Map.of()).getOrDefault(q, 0L))) {
                sums.addAll(cells.getOrDefault(o.id(), Map.of()).getOrDefault(q, List.of()));
            }
        }
        return sums;
    }

    private static Pool pool(List<OrgUnit> outlets, Map<Long, Map<Quarter, Long>> counts,
                             Map<Long, Map<Quarter, List<ClimateIndex.ItemSum>>> cells, Quarter q) {
        long answers = 0;
        int shown = 0;
        int hidden = 0;
        for (OrgUnit o : outlets) {
            long n = counts.getOrDefault(o.id(), Map.of()).getOrDefault(q, 0L);
            if (ClimateIndex.shown(n)) {
                answers += n;
                shown++;
            } else if (n > 0) {
                hidden++;
            }
        }
        ClimateIndex.Score score = ClimateIndex.score(shownSums(outlets, counts, cells, q));
        return new Pool(q.toString(), answers, shown, hidden, ClimateIndex.round1(score.index()), dimensions(score));
    }

    private static List<DimensionIndex> dimensions(ClimateIndex.Score score) {
        return Arrays.stream(ClimateDimension.values())
                .map(d -> new DimensionIndex(d, ClimateIndex.round1(score.dimensions().get(d)))).toList();
    }
}
