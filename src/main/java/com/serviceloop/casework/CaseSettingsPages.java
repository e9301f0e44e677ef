package com.serviceloop.casework;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.Messages;
import com.serviceloop.platform.NotFoundException;
import jakarta.validation.Validator;
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
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case settings: SLA targets, business hours, case topics and the industry per outlet type, SQI
 * failure types, weights and target, webhooks.
 */
@Controller
class CaseSettingsPages {
    private final SlaTargets targets;
    private final CalendarRepository calendars;
    private final Sqi sqi;
    private final Webhooks webhooks;
    private final OrgService org;
    private final CaseTopics topics;
    private final Validator validator;
    private final MessageSource messages;
    private final SqiStandardLinks sqiLinks;

    public CaseSettingsPages(SlaTargets targets, CalendarRepository calendars, Sqi sqi, Webhooks webhooks,
                             OrgService org, CaseTopics topics, Validator validator, MessageSource messages,
                             SqiStandardLinks sqiLinks) {
        this.sqiLinks = sqiLinks;
        this.messages = messages;
        this.validator = validator;
        this.targets = targets;
        this.calendars = calendars;
        this.sqi = sqi;
        this.webhooks = webhooks;
        this.org = org;
        this.topics = topics;
    }

    @Roles.Managers
    @GetMapping("/settings/cases")
    public String settings(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long outletId,
                           @RequestParam(required = false) String topicType, Model model) {
        List<OrgUnit> outlets = org.visibleOutlets(user);
        Long outlet = outletId != null ? outletId : outlets.isEmpty() ? null : outlets.getFirst().id();
        model.addAttribute("defaults", targets.defaults());
        model.addAttribute("links", targets.links());
        model.addAttribute("failureTypes", sqi.types());
        model.addAttribute("sqiTarget", sqi.target());
        model.addAttribute("sqiLinks", sqiLinks.list());
        model.addAttribute("industries", TopicDefaults.INDUSTRIES);
        List<String> outletTypes = org.outletTypes();
        String type = topicType != null && outletTypes.contains(topicType) ? topicType
                : outlets.stream().map(OrgUnit::outletType).filter(t -> t != null).findFirst()
                .orElse(outletTypes.isEmpty() ? null : outletTypes.getFirst());
        model.addAttribute("outletTypes", outletTypes);
        model.addAttribute("topicType", type);
        if (type != null) {
            model.addAttribute("industry", topics.industry(type));
            model.addAttribute("topics", topics.list(type));
        }
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

    @Roles.ChainWide
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

    @Roles.ChainWide
    @PostMapping("/settings/cases/link")
    public String link(@RequestParam long standardId, @RequestParam(required = false) SlaKind clockKind,
                       @RequestParam(required = false) CaseType caseType, @RequestParam(required = false) Severity severity,
                       Locale locale, RedirectAttributes flash) {
        try {
            if (!targets.link(standardId, clockKind, caseType, severity)) {
                throw new NotFoundException("Standard", standardId);
            }
            flash.addFlashAttribute("notice", "case.saved");
        } catch (BadInputException e) {
            flash.addFlashAttribute("error", Messages.refusal(e, messages, locale));
        }
        return "redirect:/settings/cases";
    }

    /** Hours come as one line per weekday, e.g. "09:00-12:00, 13:30-21:00"; holidays one date per line. */
    @Roles.Managers
    @PostMapping("/settings/cases/calendar")
    public String calendar(@AuthenticationPrincipal AppUser user, @RequestParam long outletId,
                           @RequestParam(required = false) String timeZone, @RequestParam Map<String, String> form,
                           Locale locale, RedirectAttributes flash) {
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
                        throw BadInputException.of("day" + day, "error.casework.hoursFormat", span);
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
            flash.addFlashAttribute("error", Messages.refusal(e, messages, locale));
        } catch (DateTimeException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/settings/cases?outletId=" + outletId;
    }

    @Roles.ChainWide
    @PostMapping("/settings/cases/failure-type")
    public String failureType(@RequestParam(required = false) String code, @RequestParam(required = false) String nameEn,
                              @RequestParam(required = false) String nameZh, @RequestParam(required = false) Integer weight,
                              @RequestParam(defaultValue = "false") boolean active,
                              @RequestParam(defaultValue = "") String industry, RedirectAttributes flash) {
        // an unticked box sends nothing: here that means "does not count", where the API reads a missing field as true
        Sqi.FailureTypeForm f = new Sqi.FailureTypeForm(code, nameEn, nameZh, weight, active, industry);
        if (valid(f, flash)) {
            sqi.saveType(f);
            flash.addFlashAttribute("notice", "case.saved");
        }
        return "redirect:/settings/cases";
    }

    @Roles.ChainWide
    @PostMapping("/settings/cases/sqi-target")
    public String sqiTarget(@RequestParam(required = false) Double target, Locale locale, RedirectAttributes flash) {
        try {
            sqi.setTarget(target == null ? -1 : target);
            flash.addFlashAttribute("notice", "case.saved");
        } catch (BadInputException e) {
            flash.addFlashAttribute("error", Messages.refusal(e, messages, locale));
        }
        return "redirect:/settings/cases";
    }

    @Roles.ChainWide
    @PostMapping("/settings/cases/topic")
    public String topic(@RequestParam String outletType, @RequestParam(required = false) String code,
                        @RequestParam(required = false) String nameEn, @RequestParam(required = false) String nameZh,
                        @RequestParam(defaultValue = "false") boolean active, Locale locale,
                        RedirectAttributes flash) {
        CaseTopics.TopicForm f = new CaseTopics.TopicForm(code == null || code.isBlank() ? codeOf(nameEn) : code, nameEn,
                nameZh, active);
        if (valid(f, flash)) {
            try {
                topics.save(outletType, f);
                flash.addFlashAttribute("notice", "case.saved");
            } catch (BadInputException e) {
                flash.addFlashAttribute("error", Messages.refusal(e, messages, locale));
            }
        }
        flash.addAttribute("topicType", outletType);
        return "redirect:/settings/cases#topics";
    }

    /** A new topic's code from its English name ("Children's menu" → CHILDREN_S_MENU), so nobody types codes. */
    static String codeOf(String nameEn) {
        String code = nameEn == null ? "" : nameEn.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        code = code.length() > 32 ? code.substring(0, 32) : code;
        return code.isEmpty() ? "TOPIC_" + Math.abs(nameEn == null ? 0 : nameEn.hashCode()) : code;
    }

    @Roles.ChainWide
    @PostMapping("/settings/cases/industry")
    public String industry(@RequestParam String outletType, @RequestParam String industry, Locale locale,
                           RedirectAttributes flash) {
        try {
            topics.setIndustry(outletType, industry);
            flash.addFlashAttribute("notice", "case.saved");
        } catch (BadInputException e) {
            flash.addFlashAttribute("error", Messages.refusal(e, messages, locale));
        }
        flash.addAttribute("topicType", outletType);
        return "redirect:/settings/cases#topics";
    }

    @Roles.Admin
    @PostMapping("/settings/cases/webhook")
    public String addWebhook(@RequestParam String url, Locale locale, RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("webhookSecret", webhooks.create(url));
        } catch (BadInputException e) {
            flash.addFlashAttribute("error", Messages.refusal(e, messages, locale));
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
