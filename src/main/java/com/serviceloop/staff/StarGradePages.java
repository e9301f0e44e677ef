package com.serviceloop.staff;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.Messages;
import com.serviceloop.platform.ScriptJson;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The star grade pages: the month's grades with each region's distribution and the rules, and one outlet's trend. */
@Controller
class StarGradePages {
    static final int TREND_MONTHS = 18;
    private final StarGradeService grades;
    private final StarGradeRules rules;
    private final OrgService org;
    private final ScriptJson scriptJson;
    private final MessageSource messages;

    StarGradePages(StarGradeService grades, StarGradeRules rules, OrgService org, ScriptJson scriptJson,
                   MessageSource messages) {
        this.grades = grades;
        this.rules = rules;
        this.org = org;
        this.scriptJson = scriptJson;
        this.messages = messages;
    }

    @GetMapping("/staff/stars")
    public String stars(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) String month,
                        Locale locale, Model model) {
        YearMonth m;
        try {
            m = StarMonths.parse("month", month, grades.thisMonth().minusMonths(1));
        } catch (BadInputException e) {
            model.addAttribute("problem", Messages.refusal(e, messages, locale));
            m = grades.thisMonth().minusMonths(1);
        }
        List<StarGradeView> list = grades.month(user, m, null);
        var regions = grades.distribution(user, m);
        model.addAttribute("month", m.toString());
        model.addAttribute("grades", list);
        model.addAttribute("regions", regions);
        model.addAttribute("rules", rules.list());
        model.addAttribute("indicators", StarGradeIndicator.values());
        model.addAttribute("manages", Roles.manages(user));
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("stars", List.of("0", "1", "2", "3", "4", "5").stream()
                .map(s -> messages.getMessage("stars.count", new Object[] {s}, locale)).toList());
        chart.put("regions", regions);
        model.addAttribute("chartJson", scriptJson.write(chart));
        return "staff/stars";
    }

    @GetMapping("/staff/stars/outlets/{id}")
    public String outlet(@AuthenticationPrincipal AppUser user, @PathVariable long id, Locale locale, Model model) {
        List<StarGradeView> trend = grades.outlet(user, id, TREND_MONTHS);
        model.addAttribute("outlet", org.get(user, id));
        model.addAttribute("trend", trend.reversed());
        model.addAttribute("latest", trend.isEmpty() ? null : trend.getLast());
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("months", trend.stream().map(StarGradeView::month).toList());
        chart.put("stars", trend.stream().map(StarGradeView::stars).toList());
        chart.put("label", messages.getMessage("stars.grade", null, locale));
        model.addAttribute("chartJson", scriptJson.write(chart));
        return "staff/stars-outlet";
    }

    /** The outlet section alone, for an outlet's other pages to load. */
    @GetMapping("/staff/stars/outlets/{id}/section")
    public String section(@AuthenticationPrincipal AppUser user, @PathVariable long id, Model model) {
        List<StarGradeView> trend = grades.outlet(user, id, TREND_MONTHS);
        model.addAttribute("outletId", id);
        model.addAttribute("latest", trend.isEmpty() ? null : trend.getLast());
        return "staff/stars-outlet :: star-section";
    }

    @Roles.ChainWide
    @PostMapping("/staff/stars/rules/{stars}")
    public String updateRule(@PathVariable int stars, @RequestParam Map<String, String> form, Locale locale,
                             RedirectAttributes flash) {
        try {
            rules.update(stars, new StarGradeRuleForm(number(form, "minSatisfaction", "100"),
                    number(form, "minOnTime", "100"), number(form, "maxComplaintsPpm", "1000000"),
                    number(form, "minAudit", "100"), null));
            flash.addFlashAttribute("saved", messages.getMessage("stars.rules.saved", new Object[] {stars}, locale));
        } catch (BadInputException e) {
            flash.addFlashAttribute("problem", Messages.refusal(e, messages, locale));
        }
        return "redirect:/staff/stars#rules";
    }

    @Roles.Managers
    @PostMapping("/staff/stars/compute")
    public String compute(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) String month,
                          Locale locale, RedirectAttributes flash) {
        try {
            YearMonth m = StarMonths.parse("month", month, grades.thisMonth());
            int n = grades.compute(user, m);
            flash.addFlashAttribute("saved", messages.getMessage("stars.computed", new Object[] {n, m.toString()}, locale));
            return "redirect:/staff/stars?month=" + m;
        } catch (BadInputException e) {
            flash.addFlashAttribute("problem", Messages.refusal(e, messages, locale));
            return "redirect:/staff/stars";
        }
    }

    /** A threshold as typed in the form: empty means none; a number from 0 to {@code max}. */
    private static BigDecimal number(Map<String, String> form, String field, String max) {
        String v = form.getOrDefault(field, "").strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(v);
            if (d.signum() < 0 || d.compareTo(new BigDecimal(max)) > 0 || d.scale() > 2) {
                throw BadInputException.of(field, "error.staff.threshold", max);
            }
            return d;
        } catch (NumberFormatException e) {
            throw BadInputException.of(field, "error.staff.threshold", max);
        }
    }
}
