package com.serviceloop.casework;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.ScriptJson;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The indicators page with its charts, and the case settings: SLA targets, business hours, SQI weights, webhooks. */
@Controller
class CaseSettingsPages {
    private final CaseIndicators indicators;
    private final SlaTargets targets;
    private final CalendarRepository calendars;
    private final Sqi sqi;
    private final Webhooks webhooks;
    private final OrgService org;
    private final ScriptJson scriptJson;
    private final Clock clock;
    private final MessageSource messages;
    private final Validator validator;

    public CaseSettingsPages(CaseIndicators indicators, SlaTargets targets, CalendarRepository calendars, Sqi sqi,
                             Webhooks webhooks, OrgService org, ScriptJson scriptJson, Clock clock,
                             MessageSource messages, Validator validator) {
        this.messages = messages;
        this.validator = validator;
        this.indicators = indicators;
        this.targets = targets;
        this.calendars = calendars;
        this.sqi = sqi;
        this.webhooks = webhooks;
        this.org = org;
        this.scriptJson = scriptJson;
        this.clock = clock;
    }

    @GetMapping("/cases/indicators")
    public String indicators(@AuthenticationPrincipal AppUser user,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                             @RequestParam(defaultValue = "OUTLET") CaseIndicators.GroupBy groupBy,
                             @RequestParam(defaultValue = "MONTH") CaseIndicators.Period period,
                             Locale locale, Model model) throws Exception {
        IndicatorApi.Range r = IndicatorApi.Range.of(from == null && to == null ? LocalDate.now(clock).minusMonths(12) : from,
                to, clock);
        CaseIndicators.Report report = indicators.report(user, r.from(), r.to(), groupBy, period);
        model.addAttribute("report", report);
        model.addAttribute("reportJson", scriptJson.write(report));
        Map<String, String> labels = Map.of("rate", "indicators.complaintRate", "onTime", "indicators.onTimeAll",
                "sqi", "indicators.sqi", "fast", "indicators.returnFast", "slow", "indicators.returnSlow");
        var texts = new HashMap<String, String>();
        labels.forEach((k, v) -> texts.put(k, messages.getMessage(v, null, locale)));
        model.addAttribute("labelsJson", scriptJson.write(texts));
        model.addAttribute("groupBys", CaseIndicators.GroupBy.values());
        model.addAttribute("periods", CaseIndicators.Period.values());
        model.addAttribute("failureTypes", sqi.types());
        model.addAttribute("outlets", org.visibleOutlets(user));
        return "casework/indicators";
    }

    @PostMapping("/cases/indicators/sqi-event")
    public String recordFailure(@AuthenticationPrincipal AppUser user, @RequestParam Long outletId,
                                @RequestParam String failureCode,
                                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredOn,
                                @RequestParam(defaultValue = "1") Integer quantity, @RequestParam(required = false) String note,
                                RedirectAttributes flash) {
        try {
            sqi.record(user, new Sqi.EventForm(outletId, failureCode, occurredOn, quantity, note));
            flash.addFlashAttribute("notice", "case.saved");
        } catch (BadInputException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/cases/indicators";
    }

    @Roles.Managers
    @GetMapping("/settings/cases")
    public String settings(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long outletId,
                           Model model) {
        List<OrgUnit> outlets = org.visibleOutlets(user);
        Long outlet = outletId != null ? outletId : outlets.isEmpty() ? null : outlets.getFirst().id();
        model.addAttribute("defaults", targets.defaults());
        model.addAttribute("links", targets.links());
        model.addAttribute("failureTypes", sqi.types());
        model.addAttribute("outlets", outlets);
        model.addAttribute("outletId", outlet);
        if (outlet != null) {
            org.get(user, outlet);
            CalendarRepository.Settings settings = calendars.settings(outlet);
            model.addAttribute("calendar", settings);
            Map<Integer, String> dayLines = new HashMap<>();
            for (CalendarRepository.Hours h : settings.hours()) {
                dayLines.merge(h.dayOfWeek(), h.opens() + "-" + h.closes(), (a, b) -> a + ", " + b);
            }
            model.addAttribute("dayLines", dayLines);
        }
        if (user.isAdmin()) {
            model.addAttribute("webhooks", webhooks.list());
        }
        model.addAttribute("kinds", SlaKind.values());
        model.addAttribute("types", CaseType.values());
        model.addAttribute("severities", Severity.values());
        return "casework/settings";
    }

    @Roles.Admin
    @PostMapping("/settings/cases/target")
    public String setTarget(@RequestParam CaseType caseType, @RequestParam Severity severity, @RequestParam SlaKind clockKind,
                            @RequestParam(required = false) Integer minutes, RedirectAttributes flash) {
        CaseAdminApi.TargetForm f = new CaseAdminApi.TargetForm(caseType, severity, clockKind, minutes);
        if (valid(f, flash)) {
            targets.setDefault(new SlaTargets.Target(f.caseType(), f.severity(), f.clockKind(), f.minutes()));
            flash.addFlashAttribute("notice", "case.saved");
        }
        return "redirect:/settings/cases";
    }

    /** The API's own constraints on a form the page has put together; what breaks them goes to the page. */
    private boolean valid(Object form, RedirectAttributes flash) {
        var violations = validator.validate(form);
        if (!violations.isEmpty()) {
            flash.addFlashAttribute("error", violations.stream().map(v -> v.getPropertyPath() + ": " + v.getMessage())
                    .sorted().collect(Collectors.joining("; ")));
        }
        return violations.isEmpty();
    }

    @Roles.Managers
    @PostMapping("/settings/cases/link")
    public String link(@RequestParam long standardId, @RequestParam(required = false) SlaKind clockKind,
                       @RequestParam(required = false) CaseType caseType, @RequestParam(required = false) Severity severity,
                       RedirectAttributes flash) {
        try {
            if (!targets.link(standardId, clockKind, caseType, severity)) {
                throw new NotFoundException("Standard", standardId);
            }
            flash.addFlashAttribute("notice", "case.saved");
        } catch (BadInputException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/settings/cases";
    }

    /** Hours come as one line per weekday, e.g. "09:00-12:00, 13:30-21:00"; holidays one date per line. */
    @Roles.Managers
    @PostMapping("/settings/cases/calendar")
    public String calendar(@AuthenticationPrincipal AppUser user, @RequestParam long outletId,
                           @RequestParam(required = false) String timeZone, @RequestParam Map<String, String> form,
                           RedirectAttributes flash) {
        org.get(user, outletId);
        try {
            String zone = timeZone == null || timeZone.isBlank() ? null : timeZone.strip();
            List<CalendarRepository.Hours> hours = new ArrayList<>();
            for (int day = 1; day <= 7; day++) {
                String line = form.getOrDefault("day" + day, "").strip();
                if (line.isEmpty() || line.equals("-")) {
                    continue;
                }
                for (String span : line.split("[,，;]")) {
                    String[] ends = span.strip().split("\\s*-\\s*");
                    if (ends.length != 2) {
                        throw new BadInputException("day" + day, "Write hours like 09:00-21:00: " + span);
                    }
                    hours.add(new CalendarRepository.Hours(day, LocalTime.parse(ends[0].strip()),
                            LocalTime.parse(ends[1].strip())));
                }
            }
            List<LocalDate> holidays = form.getOrDefault("holidays", "").lines().map(String::strip)
                    .filter(s -> !s.isEmpty()).map(LocalDate::parse).toList();
            calendars.save(outletId, new CalendarRepository.Settings(zone, hours, holidays));
            flash.addFlashAttribute("notice", "case.saved");
        } catch (BadInputException e) {
            flash.addFlashAttribute("error", e.getMessage());
        } catch (DateTimeException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/settings/cases?outletId=" + outletId;
    }

    @Roles.Admin
    @PostMapping("/settings/cases/failure-type")
    public String failureType(@RequestParam(required = false) String code, @RequestParam(required = false) String nameEn,
                              @RequestParam(required = false) String nameZh, @RequestParam(required = false) Integer weight,
                              @RequestParam(defaultValue = "false") boolean active, RedirectAttributes flash) {
        // an unticked box sends nothing: here that means "does not count", where the API reads a missing field as true
        Sqi.FailureTypeForm f = new Sqi.FailureTypeForm(code, nameEn, nameZh, weight, active);
        if (valid(f, flash)) {
            sqi.saveType(f);
            flash.addFlashAttribute("notice", "case.saved");
        }
        return "redirect:/settings/cases";
    }

    @Roles.Admin
    @PostMapping("/settings/cases/webhook")
    public String addWebhook(@RequestParam String url, RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("webhookSecret", webhooks.create(url));
        } catch (BadInputException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/settings/cases";
    }

    @Roles.Admin
    @PostMapping("/settings/cases/webhook/remove")
    public String removeWebhook(@RequestParam long id) {
        webhooks.deactivate(id);
        return "redirect:/settings/cases";
    }
}
