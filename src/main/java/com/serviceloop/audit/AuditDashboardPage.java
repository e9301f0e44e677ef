package com.serviceloop.audit;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.Messages;
import com.serviceloop.platform.ScriptJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit dashboard of a unit: the monthly mean score as a line (a point opens its audits), the weak spots. */
@Controller
class AuditDashboardPage {
    private static final int MONTHS = 12;
    private final AuditDashboard dashboard;
    private final CorrectiveActions actions;
    private final Schedules schedules;
    private final OrgService org;
    private final ScriptJson scriptJson;
    private final MessageSource messages;
    private final AuditDrillDown drill;

    AuditDashboardPage(AuditDashboard dashboard, CorrectiveActions actions, Schedules schedules, OrgService org,
                       ScriptJson scriptJson, MessageSource messages, AuditDrillDown drill) {
        this.drill = drill;
        this.dashboard = dashboard;
        this.actions = actions;
        this.schedules = schedules;
        this.org = org;
        this.scriptJson = scriptJson;
        this.messages = messages;
    }

    @GetMapping("/audits/dashboard")
    public String page(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long unitId,
                       Locale locale, Model model) {
        var units = org.visibleUnits(user);
        // a unit the caller cannot see shows what they can see, not someone else's figures
        Long unit = unitId != null && units.stream().anyMatch(u -> u.id() == unitId) ? unitId : null;
        Dashboard d = dashboard.of(user, unit, MONTHS);
        model.addAttribute("d", d);
        model.addAttribute("units", units);
        model.addAttribute("unitId", unit);
        var chart = new LinkedHashMap<String, Object>();
        chart.put("points", d.months());
        chart.put("label", messages.getMessage("audits.dashboard.mean", null, locale));
        chart.put("audits", messages.getMessage("audits.dashboard.audits", null, locale));
        chart.put("audit", messages.getMessage("audits.dashboard.audit", null, locale));
        chart.put("base", "/audits/");
        chart.put("drill", "/api/v1/audit-dashboard/audits");
        chart.put("unitId", unit);
        model.addAttribute("chartJson", scriptJson.write(chart));
        Set<Long> under = drill.outlets(user, unit).stream().map(OrgUnit::id).collect(Collectors.toSet());
        model.addAttribute("overdue", schedules.due(user).stream().filter(s -> s.state().equals("OVERDUE"))
                .filter(s -> under.contains(s.outletId())).toList());
        model.addAttribute("open", actions.list(user, false, null, "OPEN").stream()
                .filter(c -> under.contains(c.outletId())).toList());
        return "audit/dashboard";
    }

    /** The audits behind a month of the chart or a row of the outlet table: of one month, or of the whole period. */
    @GetMapping("/audits/dashboard/audits")
    public String audits(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long unitId,
                         @RequestParam(required = false) String month, Locale locale, Model model) {
        var units = org.visibleUnits(user);
        Long unit = unitId != null && units.stream().anyMatch(u -> u.id() == unitId) ? unitId : null;
        model.addAttribute("unitId", unit);
        model.addAttribute("unitName", units.stream().filter(u -> unit != null && u.id() == unit).map(OrgUnit::name)
                .findFirst().orElse(null));
        model.addAttribute("month", month == null || month.isBlank() ? null : month.strip());
        try {
            model.addAttribute("audits", drill.audits(user, unit, month, MONTHS));
        } catch (BadInputException e) {
            model.addAttribute("error", Messages.refusal(e, messages, locale));
            model.addAttribute("month", null);
            model.addAttribute("audits", List.of());
        }
        return "audit/dashboard-audits";
    }
}
