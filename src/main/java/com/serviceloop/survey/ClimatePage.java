package com.serviceloop.survey;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.Roles;
import com.serviceloop.organisation.UnitKind;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.Messages;
import com.serviceloop.platform.ScriptJson;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Service climate": how far the organisation supports good service when the manager is not
 * watching, per outlet and quarter, from the staff's anonymous answers; and the outlets' staff links.
 */
@Controller
class ClimatePage {
    private final ClimateResults results;
    private final SurveyLinks links;
    private final SurveyActivity activity;
    private final PublicAddress address;
    private final OrgService org;
    private final MessageSource messages;
    private final ScriptJson scriptJson;

    ClimatePage(ClimateResults results, SurveyLinks links, SurveyActivity activity, PublicAddress address, OrgService org,
                MessageSource messages, ScriptJson scriptJson) {
        this.results = results;
        this.links = links;
        this.activity = activity;
        this.address = address;
        this.org = org;
        this.messages = messages;
        this.scriptJson = scriptJson;
    }

    @Roles.Oversight
    @GetMapping("/surveys/climate")
    public String view(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long unit,
                       @RequestParam(required = false) String quarter, Locale locale, Model model) {
        ClimateResults.Result result;
        try {
            result = results.results(user, unit, quarter, locale);
        } catch (BadInputException e) {
            // a hand-edited address: say what was wrong and show the default view
            model.addAttribute("error", Messages.refusal(e, messages, locale));
            result = results.results(user, null, null, locale);
        }
        Survey survey = results.survey();
        boolean zh = !"en".equals(locale.getLanguage());
        model.addAttribute("zh", zh);
        model.addAttribute("survey", survey);
        model.addAttribute("result", result);
        model.addAttribute("chartJson", scriptJson.write(chart(result, locale)));
        List<OrgUnit> units = org.visibleUnits(user).stream().filter(u -> u.kind() != UnitKind.TEAM).toList();
        model.addAttribute("units", units);
        model.addAttribute("dimensions", Arrays.asList(ClimateDimension.values()));
        List<OrgUnit> outlets = units.stream().filter(u -> u.kind() == UnitKind.OUTLET).toList();
        model.addAttribute("outlets", outlets);
        List<SurveyLink> staffLinks = Roles.manages(user) ? links.list(user, survey.id()) : List.of();
        model.addAttribute("links", staffLinks);
        model.addAttribute("outletNames", outlets.stream().collect(Collectors.toMap(OrgUnit::id, OrgUnit::name)));
        model.addAttribute("linkAnswers", activity.perLink(staffLinks.stream().map(SurveyLink::token).toList()));
        model.addAttribute("linkUrls", staffLinks.stream().collect(Collectors.toMap(SurveyLink::token,
                l -> address.link(l.token()))));
        return "survey/climate";
    }

    @Roles.Managers
    @PostMapping("/surveys/climate/links")
    public String link(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long outletId,
                       @RequestParam(defaultValue = "QR") String channel, Locale locale, RedirectAttributes flash) {
        try {
            links.create(user, results.survey().id(), new SurveyLinks.LinkForm(outletId, channel, false, null));
            flash.addFlashAttribute("success", messages.getMessage("climate.link.made", null, locale));
        } catch (BadInputException e) {
            flash.addFlashAttribute("error", Messages.refusal(e, messages, locale));
        }
        return "redirect:/surveys/climate#links";
    }

    /** The bars: the index of each outlet shown, and of each area for the unit; the line: the unit per quarter. */
    private Map<String, Object> chart(ClimateResults.Result r, Locale locale) {
        List<ClimateResults.OutletResult> shown = r.outlets().stream().filter(ClimateResults.OutletResult::shown).toList();
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("index", messages.getMessage("climate.index", null, locale));
        chart.put("outlets", shown.stream().map(ClimateResults.OutletResult::name).toList());
        chart.put("outletIndex", shown.stream().map(ClimateResults.OutletResult::index).toList());
        chart.put("dimensions", r.overall().dimensions().stream()
                .map(d -> messages.getMessage("climate.dim." + d.dimension(), null, locale)).toList());
        chart.put("dimensionIndex", r.overall().dimensions().stream().map(ClimateResults.DimensionIndex::index).toList());
        chart.put("quarters", r.trend().stream().map(ClimateResults.Pool::quarter).toList());
        chart.put("trendIndex", r.trend().stream().map(ClimateResults.Pool::index).toList());
        return chart;
    }
}
