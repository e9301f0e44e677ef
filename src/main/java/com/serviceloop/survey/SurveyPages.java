package com.serviceloop.survey;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.Role;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.Messages;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.ScriptJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/** Survey screens for managers: the instruments, their links and QR posters, and the figures. */
@Controller
class SurveyPages {
    private static final int COMMENTS = 50;
    private final SurveyRepository surveys;
    private final SurveyLinks links;
    private final SurveyAnalysis analysis;
    private final OrgService org;
    private final MessageSource messages;
    private final ScriptJson scriptJson;
    private final SurveyFigures figures;
    private final SurveyReports reports;
    private final SurveyReportPdf pdf;
    private final SurveyActivity activity;
    private final QuestionFigures questionFigures;
    private final PublicAddress address;

    public SurveyPages(SurveyRepository surveys, SurveyLinks links, SurveyAnalysis analysis, OrgService org,
                       MessageSource messages, ScriptJson scriptJson, SurveyFigures figures, SurveyReports reports,
                       SurveyReportPdf pdf, SurveyActivity activity, QuestionFigures questionFigures, PublicAddress address) {
        this.reports = reports;
        this.pdf = pdf;
        this.figures = figures;
        this.messages = messages;
        this.scriptJson = scriptJson;
        this.surveys = surveys;
        this.links = links;
        this.analysis = analysis;
        this.org = org;
        this.activity = activity;
        this.questionFigures = questionFigures;
        this.address = address;
    }

    @GetMapping("/surveys")
    public String list(@AuthenticationPrincipal AppUser user, Model model) {
        model.addAttribute("surveys", surveys.all());
        model.addAttribute("activity", activity.perSurvey(user));
        model.addAttribute("noActivity", SurveyActivity.Activity.NONE);
        return "survey/list";
    }

    /** The figures of one outlet (or all in scope) over the period of the page's fields, which the PDF report shares. */
    @GetMapping("/surveys/{id}")
    public String detail(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                         @RequestParam(required = false) Long outletId,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                         Locale locale, Model model) {
        Survey s = surveys.get(id);
        if (SurveyKind.CLIMATE.is(s.kind())) {
            // its answers are shown only as results per outlet, and its staff links are made there too;
            // staff, who answer it and do not read the results, see the questionnaire
            return user.role() == Role.STAFF ? "redirect:/surveys/" + id + "/preview" : "redirect:/surveys/climate";
        }
        boolean zh = !"en".equals(locale.getLanguage());
        SurveyReports.Period period;
        try {
            period = reports.pagePeriod(from, to);
        } catch (BadInputException e) {
            model.addAttribute("error", shown(e, locale));
            period = reports.pagePeriod(null, null);
        }
        var filter = new SurveyAnalysis.Filter(outletId, period.from(), period.to());
        model.addAttribute("zh", zh);
        model.addAttribute("survey", s);
        List<Question> questions = surveys.questions(id);
        model.addAttribute("questions", questions);
        model.addAttribute("summary", analysis.summary(user, id, filter));
        model.addAttribute("ranking", figures.ranking(user, id, filter, SurveyFigures.GroupBy.OUTLET));
        model.addAttribute("questionStats", questionFigures.stats(user, id, filter, questions, zh));
        model.addAttribute("comments", analysis.comments(user, id, filter, COMMENTS));
        var trend = new LinkedHashMap<String, Object>();
        trend.put("points", figures.trend(user, id, filter, SurveyFigures.Period.MONTH));
        trend.put("index", messages.getMessage("surveys.index", null, locale));
        trend.put("recommend", messages.getMessage("surveys.recommend", null, locale));
        trend.put("responses", messages.getMessage("surveys.responses", null, locale));
        model.addAttribute("trendJson", scriptJson.write(trend));
        Servqual.Score score = questions.stream().anyMatch(Question::servqualItem) ? analysis.servqual(user, id, filter) : null;
        model.addAttribute("servqual", score);
        if (score != null) {
            var chart = new LinkedHashMap<String, Object>();
            chart.put("score", score);
            chart.put("labels", Dimension.labels(messages, locale));
            chart.put("expectation", messages.getMessage("surveys.expectation", null, locale));
            chart.put("perception", messages.getMessage("surveys.perception", null, locale));
            model.addAttribute("servqualJson", scriptJson.write(chart));
        }
        var outlets = org.visibleOutlets(user);
        model.addAttribute("outlets", outlets);
        model.addAttribute("outletNames", outlets.stream().collect(Collectors.toMap(
                OrgUnit::id, OrgUnit::name)));
        model.addAttribute("outletId", outletId);
        model.addAttribute("period", period);
        List<SurveyLink> surveyLinks = links.list(user, id);
        model.addAttribute("links", surveyLinks);
        model.addAttribute("linkAnswers", activity.perLink(surveyLinks.stream().map(SurveyLink::token).toList()));
        model.addAttribute("linkUrls", surveyLinks.stream().collect(Collectors.toMap(SurveyLink::token,
                l -> address.link(l.token()))));
        model.addAttribute("posterLink", surveyLinks.stream().filter(SurveyLink::active)
                .filter(l -> "QR".equals(l.channel())).findFirst().orElse(null));
        model.addAttribute("loopback", address.loopback());
        model.addAttribute("publicBase", address.configured());
        return "survey/detail";
    }

    /** The PDF report from the survey's page; a period that runs backwards goes back to the page with a message. */
    @Roles.Oversight
    @GetMapping("/surveys/{id}/report.pdf")
    public ResponseEntity<byte[]> report(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                         @RequestParam(required = false) Long outletId,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                         @RequestParam(required = false) String language, Locale locale,
                                         HttpServletRequest request, HttpServletResponse response) {
        // not "lang": that would also switch the language of the screens (LocaleChangeInterceptor)
        try {
            Locale reportLocale = SurveyReportPdf.language(language, locale);
            var report = reports.report(user, id, outletId, null, from, to, "zh".equals(reportLocale.getLanguage()));
            return pdf.download(report, reportLocale);
        } catch (BadInputException e) {
            // relative: an absolute address would be built from the request's Host header
            String back = UriComponentsBuilder.fromPath(request.getContextPath()).path("/surveys/{id}")
                    .queryParamIfPresent("outletId", Optional.ofNullable(outletId)).buildAndExpand(id).toUriString();
            RequestContextUtils.getOutputFlashMap(request).put("error", shown(e, locale));
            RequestContextUtils.saveOutputFlashMap(back, request, response);
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(back)).build();
        }
    }

    /** A period that runs backwards in the page's own words; other refusals from their message key. */
    private String shown(BadInputException e, Locale locale) {
        return "from".equals(e.field()) ? messages.getMessage("surveys.period.backwards", null, locale)
                : Messages.refusal(e, messages, locale);
    }

    @Roles.Managers
    @PostMapping("/surveys/{id}/links")
    public String link(@AuthenticationPrincipal AppUser user, @PathVariable long id, @RequestParam(required = false) Long outletId,
                       @RequestParam(defaultValue = "QR") String channel, Locale locale, RedirectAttributes flash) {
        try {
            links.create(user, id, new SurveyLinks.LinkForm(outletId, channel, false, null));
        } catch (BadInputException e) {
            flash.addFlashAttribute("error", Messages.refusal(e, messages, locale));
        }
        return "redirect:/surveys/" + id;
    }

    /** The QR code of a link (managers print it; the link itself is public). */
    @Roles.Managers
    @GetMapping(value = "/surveys/links/{token}/qr.svg")
    public ResponseEntity<String> qr(@PathVariable String token) {
        links.find(token).orElseThrow(() -> new NotFoundException("Survey link", "with this address"));
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml")).body(QrSvg.svg(address.link(token)));
    }

    @Roles.Managers
    @GetMapping("/surveys/links/{token}/poster")
    public String poster(@AuthenticationPrincipal AppUser user, @PathVariable String token, Model model) {
        SurveyLink link = links.find(token).orElseThrow(() -> new NotFoundException("Survey link", "with this address"));
        model.addAttribute("survey", surveys.get(link.surveyId()));
        model.addAttribute("outlet", link.outletId() == null ? null : org.get(user, link.outletId()));
        model.addAttribute("token", token);
        model.addAttribute("url", address.link(token));
        return "survey/poster";
    }
}
