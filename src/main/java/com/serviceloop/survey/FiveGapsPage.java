package com.serviceloop.survey;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.Roles;
import com.serviceloop.organisation.UnitKind;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.Messages;
import com.serviceloop.platform.ScriptJson;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The five-gap model: customers, managers and staff side by side, per dimension. */
@Controller
class FiveGapsPage {
    private final SurveyAnalysis analysis;
    private final SurveyRepository surveys;
    private final OrgService org;
    private final MessageSource messages;
    private final ScriptJson scriptJson;

    public FiveGapsPage(SurveyAnalysis analysis, SurveyRepository surveys, OrgService org, MessageSource messages,
                        ScriptJson scriptJson) {
        this.analysis = analysis;
        this.surveys = surveys;
        this.org = org;
        this.messages = messages;
        this.scriptJson = scriptJson;
    }

    @Roles.Oversight
    @GetMapping("/surveys/five-gaps")
    public String view(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long outletId,
                       @RequestParam(required = false) Long regionId,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                       Locale locale, Model model) {
        boolean zh = !"en".equals(locale.getLanguage());
        FiveGaps.Result result = null;
        try {
            result = analysis.fiveGaps(user, outletId, regionId, from, to);
        } catch (BadInputException e) {
            model.addAttribute("error", Messages.refusal(e, messages, locale));
        }
        model.addAttribute("zh", zh);
        model.addAttribute("result", result);
        if (result != null) {
            model.addAttribute("chartJson", scriptJson.write(chart(result, locale)));
        }
        var units = org.visibleUnits(user);
        model.addAttribute("outlets", units.stream().filter(u -> u.kind() == UnitKind.OUTLET).toList());
        model.addAttribute("regions", units.stream().filter(u -> u.kind() == UnitKind.REGION).toList());
        model.addAttribute("outletId", outletId);
        model.addAttribute("regionId", regionId);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("customerSurvey", surveys.byCode(SurveyAnalysis.CUSTOMER_SURVEY).orElseThrow());
        model.addAttribute("managementSurvey", surveys.byCode(SurveyAnalysis.MANAGEMENT_SURVEY).orElseThrow());
        model.addAttribute("staffSurvey", surveys.byCode(SurveyAnalysis.STAFF_SURVEY).orElseThrow());
        return "survey/five-gaps";
    }

    /** Categories (the dimensions, then overall) and one series per gap, for the grouped bar chart. */
    private Map<String, Object> chart(FiveGaps.Result r, Locale locale) {
        List<String> labels = new ArrayList<>(Dimension.labels(messages, locale));
        labels.add(messages.getMessage("fivegaps.overall", null, locale));
        List<FiveGaps.Row> rows = new ArrayList<>(r.dimensions());
        rows.add(r.overall());
        List<Map<String, Object>> series = new ArrayList<>();
        List<Function<FiveGaps.Row, Double>> gaps = List.of(FiveGaps.Row::gap1, FiveGaps.Row::gap2,
                FiveGaps.Row::gap3, FiveGaps.Row::gap4, FiveGaps.Row::gap5);
        for (int g = 0; g < gaps.size(); g++) {
            var column = gaps.get(g);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", messages.getMessage("fivegaps.gap" + (g + 1), null, locale));
            s.put("data", rows.stream().map(row -> column.apply(row) == null ? null
                    : Math.round(column.apply(row) * 100) / 100.0).toList());
            series.add(s);
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", labels);
        chart.put("series", series);
        return chart;
    }
}
