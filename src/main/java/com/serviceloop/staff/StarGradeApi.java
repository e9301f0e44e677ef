package com.serviceloop.staff;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/stars")
@Tag(name = "Outlet star grade", description = "Star levels with their thresholds, each outlet's monthly grade with the "
        + "reasons for every missed star, trends and each region's distribution")
class StarGradeApi {
    private final StarGradeRules rules;
    private final StarGradeService grades;

    StarGradeApi(StarGradeRules rules, StarGradeService grades) {
        this.rules = rules;
        this.grades = grades;
    }

    @Operation(summary = "The star levels 1-5 with their thresholds (null: the level does not ask for that indicator)")
    @Roles.SignedIn
    @GetMapping("/rules")
    public List<StarGradeRule> starRules() {
        return rules.list();
    }

    @Operation(summary = "Set a star level's thresholds; a higher star must ask at least as much as a lower one (400 "
            + "naming the field otherwise); 'version' detects conflicts")
    @Roles.ChainWide
    @PutMapping("/rules/{stars}")
    public List<StarGradeRule> updateStarRule(@PathVariable int stars, @Valid @RequestBody StarGradeRuleForm form) {
        return rules.update(stars, form);
    }

    @Operation(summary = "Set all five star levels at once (levels[0] is one star), checked as a whole")
    @Roles.ChainWide
    @PutMapping("/rules")
    public List<StarGradeRule> replaceStarRules(@Valid @RequestBody StarGradeLevelsForm form) {
        return rules.replaceAll(form);
    }

    @Operation(summary = "The month's grades of the caller's outlets (of those under unitId when given), best first, "
            + "with the thresholds each missed; month like 2026-10, default this month")
    @Roles.SignedIn
    @GetMapping("/grades")
    public List<StarGradeView> starGrades(@AuthenticationPrincipal AppUser user,
                                          @RequestParam(required = false) String month,
                                          @RequestParam(required = false) Long unitId) {
        return grades.month(user, StarMonths.parse("month", month, grades.thisMonth()), unitId);
    }

    @Operation(summary = "One outlet's grades of the last months (default 18, at most 60), oldest first")
    @Roles.SignedIn
    @GetMapping("/outlets/{outletId}")
    public List<StarGradeView> outletStarGrades(@AuthenticationPrincipal AppUser user, @PathVariable long outletId,
                                                @RequestParam(defaultValue = "18") int months) {
        return grades.outlet(user, outletId, StarMonths.span("months", months));
    }

    @Operation(summary = "Per region: how many of its outlets got 0, 1, 2, 3, 4 and 5 stars in the month")
    @Roles.SignedIn
    @GetMapping("/distribution")
    public List<StarGradeService.RegionCount> starDistribution(@AuthenticationPrincipal AppUser user,
                                                                @RequestParam(required = false) String month) {
        return grades.distribution(user, StarMonths.parse("month", month, grades.thisMonth()));
    }

    @Operation(summary = "Grade the caller's outlets for a month now (the monthly job grades the month just ended)")
    @Roles.Managers
    @PostMapping("/grades/compute")
    public Map<String, Object> computeStarGrades(@AuthenticationPrincipal AppUser user,
                                                 @RequestParam(required = false) String month) {
        var m = StarMonths.parse("month", month, grades.thisMonth());
        return Map.of("month", m.toString(), "outlets", grades.compute(user, m));
    }
}
