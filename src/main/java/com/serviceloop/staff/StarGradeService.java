package com.serviceloop.staff;

import com.serviceloop.audit.OutletMonthAudits;
import com.serviceloop.casework.OutletMonthCases;
import com.serviceloop.customer.OutletMonthVisits;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.UnitKind;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.OutletScope;
import com.serviceloop.survey.OutletMonthSatisfaction;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each outlet's monthly star grade: the month's figures of all outlets in a scope are read with one
 * grouped statement per indicator from the modules that own them, graded ({@link StarGrading}) and
 * stored with the reasons, all in one transaction. Audit scores count the month and the two before
 * (not every outlet is audited every month).
 */
@Service
public class StarGradeService {
    static final int AUDIT_MONTHS = 3;
    private final StarGradeRepository repo;
    private final StarGradeRules rules;
    private final OutletMonthCases cases;
    private final OutletMonthVisits visits;
    private final OutletMonthSatisfaction satisfaction;
    private final OutletMonthAudits audits;
    private final OrgService org;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ZoneId zone;

    StarGradeService(StarGradeRepository repo, StarGradeRules rules, OutletMonthCases cases, OutletMonthVisits visits,
                     OutletMonthSatisfaction satisfaction, OutletMonthAudits audits, OrgService org,
                     TransactionTemplate tx, Clock clock,
                     @Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone) {
        this.repo = repo;
        this.rules = rules;
        this.cases = cases;
        this.visits = visits;
        this.satisfaction = satisfaction;
        this.audits = audits;
        this.org = org;
        this.tx = tx;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    YearMonth thisMonth() {
        return YearMonth.now(clock.withZone(zone));
    }

    /** Grades every outlet of the chain for the month; the number of outlets graded. */
    public int computeAll(YearMonth month) {
        return compute(OutletScope.EVERYTHING, month);
    }

    /** Grades the caller's outlets for a month that has begun. */
    int compute(AppUser user, YearMonth month) {
        if (month.isAfter(thisMonth())) {
            throw BadInputException.of("month", "error.staff.monthAhead", month.toString());
        }
        return compute(org.scopeOf(user), month);
    }

    int compute(OutletScope scope, YearMonth month) {
        List<StarGradeRule> levels = rules.list();
        var caseFigures = cases.forMonth(scope, month);
        var visitCounts = visits.forMonth(scope, month);
        var satisfied = satisfaction.forMonth(scope, month);
        var audited = audits.forMonths(scope, month.minusMonths(AUDIT_MONTHS - 1L), month);
        List<Long> outlets = repo.outlets(scope);
        List<StarGradeRepository.Graded> graded = new ArrayList<>();
        for (long o : outlets) {
            var c = caseFigures.getOrDefault(o, new OutletMonthCases.Figures(0, 0, 0));
            var s = satisfied.get(o);
            var a = audited.get(o);
            StarGradeFigures f = StarGradeFigures.of(s == null ? null : s.index(), s == null ? 0 : s.rated(),
                    c.clocksDue(), c.clocksOnTime(), c.complaints(), visitCounts.getOrDefault(o, 0L),
                    a == null ? null : a.meanScore(), a == null ? 0 : a.audits());
            // an outlet with nothing at all to count that month (not yet open, closed) gets no grade
            if (!f.isEmpty()) {
                graded.add(new StarGradeRepository.Graded(o, f, StarGrading.grade(levels, f)));
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        tx.executeWithoutResult(t -> repo.replace(outlets, month, graded, now));
        return graded.size();
    }

    /** The month's grades in the caller's scope, of the outlets under one unit when given. */
    List<StarGradeView> month(AppUser user, YearMonth month, Long unitId) {
        OutletScope scope = org.scopeOf(user);
        if (unitId != null) {
            org.find(unitId).filter(u -> u.kind() != UnitKind.TEAM).filter(u -> visible(user, u))
                    .orElseThrow(() -> BadInputException.of("unitId", "error.staff.unknownUnit", String.valueOf(unitId)));
        }
        var misses = repo.misses(scope, null, month, month);
        return repo.month(scope, month, unitId).stream()
                .map(r -> StarGradeView.of(r, misses.get(StarGradeRepository.key(r.outletId(), r.gradeMonth())))).toList();
    }

    private boolean visible(AppUser user, OrgUnit unit) {
        return org.visibleUnits(user).stream().anyMatch(u -> u.id() == unit.id());
    }

    /** An outlet's grades of the last {@code months} months, oldest first (404 outside the caller's scope). */
    List<StarGradeView> outlet(AppUser user, long outletId, int months) {
        OutletScope scope = org.scopeOf(user);
        if (!scope.contains(outletId) || org.find(outletId).filter(u -> u.kind() == UnitKind.OUTLET).isEmpty()) {
            throw new NotFoundException("Outlet", outletId);
        }
        YearMonth from = thisMonth().minusMonths(months - 1L);
        var misses = repo.misses(scope, outletId, from, thisMonth());
        return repo.outlet(scope, outletId, from).stream()
                .map(r -> StarGradeView.of(r, misses.get(StarGradeRepository.key(r.outletId(), r.gradeMonth())))).toList();
    }

    /** Per region: how many of its outlets got 0, 1, … 5 stars in the month. */
    record RegionCount(Long regionId, String regionName, List<Long> outletsPerStars) {
    }

    List<RegionCount> distribution(AppUser user, YearMonth month) {
        Map<Long, String> names = new LinkedHashMap<>();
        org.visibleUnits(user).forEach(u -> names.put(u.id(), u.name()));
        Map<Long, long[]> counts = new LinkedHashMap<>();
        for (StarGradeView g : month(user, month, null)) {
            counts.computeIfAbsent(g.regionId(), k -> new long[6])[g.stars()]++;
        }
        List<RegionCount> out = new ArrayList<>();
        // an outlet manager does not see the region above; its name still labels the bars
        counts.forEach((id, c) -> out.add(new RegionCount(id, names.computeIfAbsent(id, k -> k == null ? "-"
                        : org.find(k).map(OrgUnit::name).orElse("-")),
                Arrays.stream(c).boxed().toList())));
        out.sort(Comparator.comparing(RegionCount::regionName));
        return out;
    }
}
