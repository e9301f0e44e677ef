package com.serviceloop.team;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.Messages;
import com.serviceloop.standard.Standard;
import com.serviceloop.standard.StandardService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Job screens: the list per outlet type, a new job, a job with its description, standards and holders. */
@Controller
class JobPages {
    private final JobService jobs;
    private final DescriptionService descriptions;
    private final StandardService standards;
    private final MessageSource messages;

    JobPages(JobService jobs, DescriptionService descriptions, StandardService standards, MessageSource messages) {
        this.jobs = jobs;
        this.descriptions = descriptions;
        this.standards = standards;
        this.messages = messages;
    }

    @GetMapping("/jobs")
    public String list(@RequestParam(required = false) String outletType, Model model) {
        List<String> types = standards.outletTypes();
        String chosen = outletType != null && types.contains(outletType) ? outletType : null;
        model.addAttribute("outletTypes", types);
        model.addAttribute("outletType", chosen);
        model.addAttribute("jobs", jobs.list(chosen));
        model.addAttribute("choices", choices(chosen, types));
        return "team/jobs";
    }

    /** The standards a new job may list: those of its outlet type, or of every type for a chain-wide job. */
    private List<Standard> choices(String outletType, List<String> types) {
        if (outletType != null) {
            return standards.list(outletType, false);
        }
        List<Standard> all = new ArrayList<>();
        types.forEach(t -> all.addAll(standards.list(t, false)));
        return all;
    }

    @Roles.ChainWide
    @PostMapping("/jobs")
    public String create(@RequestParam String name, @RequestParam(required = false) String outletType,
                         @RequestParam(required = false) List<Long> standardIds, Locale locale,
                         RedirectAttributes flash) {
        try {
            Job job = jobs.create(new JobForm(name, outletType, standardIds == null ? List.of() : standardIds, null));
            return "redirect:/jobs/" + job.id();
        } catch (RuntimeException e) {
            flash.addFlashAttribute("problem", Messages.refusal(e, messages, locale));
            return "redirect:/jobs" + (outletType == null || outletType.isBlank() ? "" : "?outletType=" + outletType);
        }
    }

    @GetMapping("/jobs/{id}")
    public String detail(@AuthenticationPrincipal AppUser user, @PathVariable long id, Model model, Locale locale) {
        Job job = jobs.get(id);
        Map<Long, Standard> byId = job.standardIds().stream().map(standards::current)
                .flatMap(Optional::stream).collect(Collectors.toMap(Standard::id, Function.identity()));
        model.addAttribute("job", job);
        model.addAttribute("jobStandards", job.standardIds().stream().map(byId::get).filter(s -> s != null).toList());
        model.addAttribute("areas", standards.areas().stream()
                .collect(Collectors.toMap(a -> a.code(), a -> a.name(locale))));
        model.addAttribute("d", descriptions.current(id, locale));
        model.addAttribute("versions", descriptions.versions(id));
        model.addAttribute("holders", jobs.holders(user, id));
        model.addAttribute("assignable", Roles.manages(user) ? jobs.assignable(user) : List.of());
        return "team/job";
    }

    @Roles.ChainWide
    @PostMapping("/jobs/{id}/review")
    public String review(@PathVariable long id, Locale locale) {
        descriptions.review(id, locale);
        return "redirect:/jobs/" + id;
    }

    @Roles.Managers
    @PostMapping("/jobs/{id}/people")
    public String assign(@AuthenticationPrincipal AppUser user, @PathVariable long id, @RequestParam long personId,
                         Locale locale, RedirectAttributes flash) {
        try {
            jobs.assign(user, id, personId);
        } catch (RuntimeException e) {
            flash.addFlashAttribute("problem", Messages.refusal(e, messages, locale));
        }
        return "redirect:/jobs/" + id;
    }

    @Roles.Managers
    @PostMapping("/jobs/{id}/people/release")
    public String release(@AuthenticationPrincipal AppUser user, @PathVariable long id, @RequestParam long personId,
                          Locale locale, RedirectAttributes flash) {
        try {
            jobs.release(user, id, personId);
        } catch (RuntimeException e) {
            flash.addFlashAttribute("problem", Messages.refusal(e, messages, locale));
        }
        return "redirect:/jobs/" + id;
    }
}
