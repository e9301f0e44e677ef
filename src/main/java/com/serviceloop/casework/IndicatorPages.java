package com.serviceloop.casework;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.Messages;
import com.serviceloop.platform.ScriptJson;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The case indicators page: figures, charts, the outlets against their region, topics, the SQI. */
@Controller
class IndicatorPages {
    private static final Map<String, String> CHART_LABELS = Map.of("rate", "indicators.complaintRate",
            "onTime", "indicators.onTimeAll", "sqiRate", "indicators.sqiRate", "target", "indicators.sqiTarget",
            "fast", "indicators.returnFast", "slow", "indicators.returnSlow", "cases", "indicators.topicCases",
            "satisfaction", "indicators.satisfaction", "noTopic", "case.noTopic");
    private final CaseIndicators indicators;
    private final OutletComparison comparison;
    private final Sqi sqi;
    private final CaseTopics topics;
    private final OrgService org;
    private final ScriptJson scriptJson;
    private final Clock clock;
    private final MessageSource messages;

    IndicatorPages(CaseIndicators indicators, OutletComparison comparison, Sqi sqi, CaseTopics topics, OrgService org,
                   ScriptJson scriptJson, Clock clock, MessageSource messages) {
        this.indicators = indicators;
        this.comparison = comparison;
        this.sqi = sqi;
        this.topics = topics;
        this.org = org;
        this.scriptJson = scriptJson;
        this.clock = clock;
        this.messages = messages;
    }

    /** A ready-made range offered above the figures. */
    record QuickPeriod(String key, LocalDate from, LocalDate to) {
    }

    /** This month, last month, the last 30 days, and the last 12 calendar months with this one. */
    static List<QuickPeriod> quickPeriods(LocalDate today) {
        LocalDate month = today.withDayOfMonth(1);
        return List.of(new QuickPeriod("thisMonth", month, today),
                new QuickPeriod("lastMonth", month.minusMonths(1), month.minusDays(1)),
                new QuickPeriod("last30Days", today.minusDays(29), today),
                new QuickPeriod("months12", month.minusMonths(11), today));
    }

    @GetMapping("/cases/indicators")
    public String indicators(@AuthenticationPrincipal AppUser user,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                             @RequestParam(defaultValue = "OUTLET") CaseIndicators.GroupBy groupBy,
                             @RequestParam(defaultValue = "MONTH") CaseIndicators.Period period,
                             @RequestParam(required = false) Long outletId, Locale locale, Model model) throws Exception {
        LocalDate today = LocalDate.now(clock);
        List<QuickPeriod> quick = quickPeriods(today);
        IndicatorApi.Range r = IndicatorApi.Range.of(from == null && to == null ? quick.getLast().from() : from, to, clock);
        // one outlet is always shown as an outlet, against its region
        CaseIndicators.Report report = indicators.report(user, r.from(), r.to(),
                outletId == null ? groupBy : CaseIndicators.GroupBy.OUTLET, period, outletId);
        model.addAttribute("report", report);
        model.addAttribute("rows", comparison.compare(report));
        model.addAttribute("figures", OutletComparison.Figure.values());
        model.addAttribute("quickPeriods", quick);
        model.addAttribute("sqiTarget", sqi.target());
        var texts = new HashMap<String, String>();
        CHART_LABELS.forEach((k, v) -> texts.put(k, messages.getMessage(v, null, locale)));
        model.addAttribute("chartJson", scriptJson.write(Map.of("report", report, "labels", texts,
                "target", sqi.target(), "zh", "zh".equals(locale.getLanguage()))));
        model.addAttribute("groupBys", CaseIndicators.GroupBy.values());
        model.addAttribute("periods", CaseIndicators.Period.values());
        List<OrgUnit> outlets = org.visibleOutlets(user);
        model.addAttribute("outlets", outlets);
        model.addAttribute("failureTypes", sqi.types(outlets.stream().map(o -> topics.industry(o.outletType()))
                .distinct().toList()));
        return "casework/indicators";
    }

    @Roles.Measures
    @PostMapping("/cases/indicators/sqi-event")
    public String recordFailure(@AuthenticationPrincipal AppUser user, @RequestParam Long outletId,
                                @RequestParam String failureCode,
                                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredOn,
                                @RequestParam(defaultValue = "1") Integer quantity, @RequestParam(required = false) String note,
                                Locale locale, RedirectAttributes flash) {
        try {
            sqi.record(user, new Sqi.EventForm(outletId, failureCode, occurredOn, quantity, note));
            flash.addFlashAttribute("notice", "case.saved");
        } catch (BadInputException e) {
            flash.addFlashAttribute("error", Messages.refusal(e, messages, locale));
        }
        return "redirect:/cases/indicators";
    }
}
