package com.serviceloop.survey;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.TableWriter;
import com.serviceloop.platform.XlsxDownload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/surveys")
@Tag(name = "Surveys", description = "Instruments, public links and the satisfaction figures")
class SurveyApi {
    private final SurveyRepository surveys;
    private final SurveyLinks links;
    private final SurveyAnalysis analysis;
    private final SurveyExports exports;
    private final SurveyInvitations invitations;
    private final SurveyFigures figures;
    private final SurveyRollup rollup;
    private final SurveyRates rates;
    private final QuestionFigures questionFigures;
    private final Clock clock;

    public SurveyApi(SurveyRepository surveys, SurveyLinks links, SurveyAnalysis analysis, SurveyExports exports,
                     SurveyInvitations invitations, SurveyFigures figures, SurveyRollup rollup, SurveyRates rates,
                     QuestionFigures questionFigures, Clock clock) {
        this.questionFigures = questionFigures;
        this.clock = clock;
        this.rates = rates;
        this.figures = figures;
        this.rollup = rollup;
        this.exports = exports;
        this.invitations = invitations;
        this.surveys = surveys;
        this.links = links;
        this.analysis = analysis;
    }

    @Roles.SignedIn
    @GetMapping
    public List<Survey> list() {
        return surveys.all();
    }

    public record SurveyWithQuestions(Survey survey, List<Question> questions) {
    }

    @Roles.SignedIn
    @GetMapping("/{id}")
    public SurveyWithQuestions get(@PathVariable long id) {
        return new SurveyWithQuestions(surveys.get(id), surveys.questions(id));
    }

    @Operation(summary = "Make a public link (per outlet and channel), or a single-use invitation for one customer")
    @Roles.Managers
    @PostMapping("/{id}/links")
    @ResponseStatus(HttpStatus.CREATED)
    public SurveyLink link(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                           @RequestBody SurveyLinks.LinkForm form) {
        return links.create(user, id, form);
    }

    @Roles.Managers
    @GetMapping("/{id}/links")
    public List<SurveyLink> links(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        return links.list(user, id);
    }

    public record ActiveLink(@NotNull Boolean active) {
    }

    @Operation(summary = "Retire a link (a lost QR code: its page and submissions answer 404 from then on) or take it "
            + "back into use; its answers so far still count")
    @Roles.Managers
    @PutMapping("/links/{token}/active")
    public SurveyLink linkActive(@AuthenticationPrincipal AppUser user, @PathVariable String token,
                                 @Valid @RequestBody ActiveLink form) {
        return links.setActive(user, token, form.active());
    }

    @Operation(summary = "Per question (free text left out): answers, the mean of a rating or points question, and "
            + "how many gave each scale point or choice, with their share in whole per cent")
    @Roles.SignedIn
    @GetMapping("/{id}/questions/figures")
    public List<QuestionFigures.Stat> questionFigures(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                                      @RequestParam(required = false) Long outletId,
                                                      @RequestParam(required = false) Long regionId,
                                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                                      @RequestParam(defaultValue = "en") String language) {
        ClimateResults.readOnlyAsResults(surveys.get(id));
        return questionFigures.stats(user, id, analysis.filter(user, outletId, regionId, from, to), surveys.questions(id),
                "zh".equals(language));
    }

    @Operation(summary = "SERVQUAL gaps per item and dimension, unweighted and weighted by importance")
    @Roles.SignedIn
    @GetMapping("/{id}/servqual")
    public Servqual.Score servqual(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                   @RequestParam(required = false) Long outletId,
                                   @RequestParam(required = false) Long regionId,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return analysis.servqual(user, id, analysis.filter(user, outletId, regionId, from, to));
    }

    @Operation(summary = "The five-gap model per dimension and overall: gap 1 (managers' estimate of customers' "
            + "expectations − customers' expectations), gaps 2-4 (standards, delivery, communication: rating − 7) and "
            + "gap 5 (customers' perception − expectation), with the responses behind each; for an outlet, a region "
            + "or the caller's whole scope")
    @Roles.Oversight
    @GetMapping("/five-gaps")
    public FiveGaps.Result fiveGaps(@AuthenticationPrincipal AppUser user,
                                    @RequestParam(required = false) Long outletId,
                                    @RequestParam(required = false) Long regionId,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return analysis.fiveGaps(user, outletId, regionId, from, to);
    }

    @Operation(summary = "Responses, satisfaction index (0-100), would-recommend score (promoters - detractors), ask-by-name")
    @Roles.SignedIn
    @GetMapping("/{id}/summary")
    public SurveyAnalysis.Summary summary(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                          @RequestParam(required = false) Long outletId,
                                          @RequestParam(required = false) Long regionId,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        ClimateResults.readOnlyAsResults(surveys.get(id));
        return analysis.summary(user, id, analysis.filter(user, outletId, regionId, from, to));
    }

    public record ThresholdForm(@DecimalMin("0") @DecimalMax("100")
                                BigDecimal threshold) {
    }

    @Operation(summary = "Raise a complaint case for every response whose satisfaction index (0-100) is at or below "
            + "this; null switches it off")
    @Roles.ChainWide
    @PutMapping("/{id}/case-threshold")
    public Survey threshold(@PathVariable long id, @Valid @RequestBody ThresholdForm form) {
        surveys.get(id);
        surveys.setCaseThreshold(id, form.threshold());
        return surveys.get(id);
    }

    @Operation(summary = "Responses as CSV: one row per response, one column per question (q1, q2 ... by position)")
    @Roles.Oversight
    @GetMapping(value = "/{id}/responses/export", produces = "text/csv")
    public void export(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                       @RequestParam(required = false) Long outletId,
                       @RequestParam(required = false) Long regionId,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                       HttpServletResponse response) throws IOException {
        responses(user, id, analysis.filter(user, outletId, regionId, from, to), response, false);
    }

    private void responses(AppUser user, long id, SurveyAnalysis.Filter filter, HttpServletResponse response, boolean excel)
            throws IOException {
        ClimateResults.readOnlyAsResults(surveys.get(id));
        exports.export(user, id, filter, TableWriter.download(response, "survey-" + id + "-responses", excel, "responses"));
    }

    @Operation(summary = "The same responses as an Excel workbook (xlsx): numbers and times typed")
    @Roles.Oversight
    @GetMapping(value = "/{id}/responses/export.xlsx", produces = XlsxDownload.CONTENT_TYPE)
    public void exportXlsx(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                           @RequestParam(required = false) Long outletId,
                           @RequestParam(required = false) Long regionId,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                           HttpServletResponse response) throws IOException {
        responses(user, id, analysis.filter(user, outletId, regionId, from, to), response, true);
    }

    @Operation(summary = "E-mail invitations (single-use links) to the outlet's customers who agreed to surveys")
    @Roles.Managers
    @PostMapping("/{id}/invitations")
    public SurveyInvitations.Result invite(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                           @RequestBody SurveyInvitations.Invite invite) {
        return invitations.invite(user, id, invite);
    }

    @Operation(summary = "Outlets or regions ranked by satisfaction index, with responses and would-recommend score")
    @Roles.SignedIn
    @GetMapping("/{id}/ranking")
    public List<SurveyFigures.Rank> ranking(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                            @RequestParam(defaultValue = "OUTLET") SurveyFigures.GroupBy groupBy,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        ClimateResults.readOnlyAsResults(surveys.get(id));
        return figures.ranking(user, id, new SurveyAnalysis.Filter(null, from, to), groupBy);
    }

    @Operation(summary = "Responses, satisfaction index and would-recommend score per day, week or month")
    @Roles.SignedIn
    @GetMapping("/{id}/trend")
    public List<SurveyFigures.Point> trend(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                           @RequestParam(defaultValue = "MONTH") SurveyFigures.Period period,
                                           @RequestParam(required = false) Long outletId,
                                           @RequestParam(required = false) Long regionId,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        ClimateResults.readOnlyAsResults(surveys.get(id));
        return figures.trend(user, id, analysis.filter(user, outletId, regionId, from, to), period);
    }

    public record Folded(long responses, long mark, long millis) {
    }

    @Operation(summary = "Fold settled responses into the daily aggregates now (the job does it every 30 s)")
    @Roles.Admin
    @PostMapping("/rollup")
    public Folded rollup() {
        long start = System.nanoTime();
        long folded = 0;
        int n;
        while ((n = rollup.step()) > 0) {
            folded += n;
        }
        return new Folded(folded, rollup.mark(), (System.nanoTime() - start) / 1_000_000);
    }

    @Operation(summary = "Response, invitation response, praise (美誉度), ask-by-name (指名度) and return (回头率) rates, "
            + "each with its parts; the last 30 days unless from/to are given")
    @Roles.SignedIn
    @GetMapping("/{id}/rates")
    public SurveyRates.Rates rates(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                   @RequestParam(required = false) Long outletId,
                                   @RequestParam(required = false) Long regionId,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        ClimateResults.readOnlyAsResults(surveys.get(id));
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        LocalDate start = from == null ? end.minusDays(29) : from;
        return rates.rates(user, id, analysis.filter(user, outletId, regionId, start, end));
    }
}
