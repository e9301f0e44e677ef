package com.serviceloop.casework;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.PageRequest;
import com.serviceloop.platform.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Case indicators", description = "Complaint rate, on-time rates, times, return after complaints, "
        + "follow-up satisfaction, topics, SQI")
class IndicatorApi {
    static final int MAX_DAYS = 800;
    private final CaseIndicators indicators;
    private final Sqi sqi;
    private final Clock clock;
    private final OutletComparison comparison;

    public IndicatorApi(CaseIndicators indicators, Sqi sqi, Clock clock, OutletComparison comparison) {
        this.comparison = comparison;
        this.indicators = indicators;
        this.sqi = sqi;
        this.clock = clock;
    }

    /** Defaults to the last 90 days up to today; at most about two years at once. */
    record Range(LocalDate from, LocalDate to) {
        static Range of(LocalDate from, LocalDate to, Clock clock) {
            LocalDate end = to == null ? LocalDate.now(clock) : to;
            LocalDate start = from == null ? end.minusDays(89) : from;
            if (start.isAfter(end)) {
                throw BadInputException.of("from", "error.casework.rangeReversed");
            }
            if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
                throw BadInputException.of("from", "error.casework.rangeTooLong", String.valueOf(MAX_DAYS));
            }
            return new Range(start, end);
        }
    }

    @Operation(summary = "Case indicators per outlet or region for a range (or one outlet's), with a series per day, "
            + "week or month, the months and the cases per topic")
    @Roles.SignedIn
    @GetMapping("/case-indicators")
    public CaseIndicators.Report report(@AuthenticationPrincipal AppUser user,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                        @RequestParam(defaultValue = "OUTLET") CaseIndicators.GroupBy groupBy,
                                        @RequestParam(defaultValue = "MONTH") CaseIndicators.Period period,
                                        @RequestParam(required = false) Long outletId) {
        Range r = Range.of(from, to, clock);
        return indicators.report(user, r.from(), r.to(), groupBy, period, outletId);
    }

    @Operation(summary = "Each outlet (or one) against its region's average, with BETTER / SAME / WORSE per figure")
    @Roles.SignedIn
    @GetMapping("/case-indicators/outlets")
    public List<OutletComparison.Row> outlets(@AuthenticationPrincipal AppUser user,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                              @RequestParam(required = false) Long outletId) {
        Range r = Range.of(from, to, clock);
        return comparison.compare(indicators.report(user, r.from(), r.to(), CaseIndicators.GroupBy.OUTLET,
                CaseIndicators.Period.MONTH, outletId));
    }

    @Operation(summary = "SQI failure types and their weights; with outletId, those the outlet's industry records")
    @Roles.SignedIn
    @GetMapping("/sqi/failure-types")
    public List<Sqi.FailureType> types(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long outletId) {
        return outletId == null ? sqi.types() : sqi.typesAt(user, outletId);
    }

    @Schema(name = "SqiTarget")
    record Target(@NotNull @DecimalMin("0") @DecimalMax("100000") Double perThousandVisits) {
    }

    @Operation(summary = "The SQI target: weighted failures per 1,000 visits (lower is better)")
    @Roles.SignedIn
    @GetMapping("/sqi/target")
    public Target target() {
        return new Target(sqi.target());
    }

    @Roles.ChainWide
    @PutMapping("/sqi/target")
    public Target setTarget(@Valid @RequestBody Target target) {
        sqi.setTarget(target.perThousandVisits());
        return target();
    }

    @Operation(summary = "Add a failure type, or change one's names, weight or whether it counts")
    @Roles.ChainWide
    @PutMapping("/sqi/failure-types")
    public Sqi.FailureType saveType(@Valid @RequestBody Sqi.FailureTypeForm form) {
        return sqi.saveType(form);
    }

    @Operation(summary = "Record failure events (a lost item, a missed pick-up ...) at an outlet on a day")
    @Roles.Measures
    @PostMapping("/sqi/events")
    @ResponseStatus(HttpStatus.CREATED)
    public Sqi.Event record(@AuthenticationPrincipal AppUser user, @Valid @RequestBody Sqi.EventForm form) {
        return sqi.record(user, form);
    }

    @Roles.SignedIn
    @GetMapping("/sqi/events")
    public PageResult<Sqi.Event> events(@AuthenticationPrincipal AppUser user,
                                        @RequestParam(required = false) Long outletId,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size) {
        return sqi.events(user, outletId, from, to, PageRequest.of(page, size));
    }

    @Operation(summary = "The SQI per day (weighted count of failure events) for an outlet or everything in scope")
    @Roles.SignedIn
    @GetMapping("/sqi/daily")
    public List<Sqi.Day> daily(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long outletId,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Range r = Range.of(from, to, clock);
        return sqi.daily(user, outletId, r.from(), r.to());
    }
}
