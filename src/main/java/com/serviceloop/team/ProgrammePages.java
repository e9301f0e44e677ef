package com.serviceloop.team;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.Messages;
import com.serviceloop.platform.ScriptJson;
import com.serviceloop.standard.Standard;
import com.serviceloop.standard.StandardService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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

/** Training screens: the programmes with the chain's grading, and a programme with its sessions and evaluations. */
@Controller
class ProgrammePages {
    private final ProgrammeService programmes;
    private final SessionService sessions;
    private final EvaluationService evaluations;
    private final StandardService standards;
    private final JobService jobs;
    private final OrgService org;
    private final ScriptJson scriptJson;
    private final MessageSource messages;

    ProgrammePages(ProgrammeService programmes, SessionService sessions, EvaluationService evaluations,
                   StandardService standards, JobService jobs, OrgService org, ScriptJson scriptJson,
                   MessageSource messages) {
        this.programmes = programmes;
        this.sessions = sessions;
        this.evaluations = evaluations;
        this.standards = standards;
        this.jobs = jobs;
        this.org = org;
        this.scriptJson = scriptJson;
        this.messages = messages;
    }

    @GetMapping("/training")
    public String list(@AuthenticationPrincipal AppUser user, Model model) {
        model.addAttribute("meId", user.id());
        model.addAttribute("programmes", programmes.list(null));
        model.addAttribute("outletTypes", standards.outletTypes());
        model.addAttribute("choices", choices());
        model.addAttribute("grading", evaluations.grading());
        return "team/training";
    }

    /** Every standard in force, of every outlet type: a chain-wide programme may teach any of them. */
    private List<Standard> choices() {
        List<Standard> all = new ArrayList<>();
        standards.outletTypes().forEach(t -> all.addAll(standards.list(t, false)));
        return all;
    }

    @Roles.ChainWide
    @PostMapping("/training/programmes")
    public String create(@RequestParam String name, @RequestParam(required = false) String outletType,
                         @RequestParam(required = false) String description,
                         @RequestParam(required = false) List<Long> standardIds, Locale locale, RedirectAttributes flash) {
        try {
            Programme p = programmes.create(new ProgrammeForm(name, outletType, description, ids(standardIds), null));
            return "redirect:/training/programmes/" + p.id();
        } catch (RuntimeException e) {
            flash.addFlashAttribute("problem", Messages.refusal(e, messages, locale));
            return "redirect:/training";
        }
    }

    private static List<Long> ids(List<Long> ids) {
        return ids == null ? List.of() : ids.stream().filter(Objects::nonNull).toList();
    }

    @GetMapping("/training/programmes/{id}")
    public String detail(@AuthenticationPrincipal AppUser user, @PathVariable long id, Model model, Locale locale) {
        Programme p = programmes.get(id);
        model.addAttribute("programme", p);
        model.addAttribute("programmeStandards", p.standardIds().stream().map(standards::current)
                .flatMap(Optional::stream).toList());
        model.addAttribute("areas", standards.areas().stream().collect(Collectors.toMap(a -> a.code(), a -> a.name(locale))));
        model.addAttribute("sessions", sessions.list(user, id, null));
        EvaluationSummary summary = evaluations.summary(user, id);
        model.addAttribute("summary", summary);
        model.addAttribute("recent", evaluations.list(user, id, true));
        model.addAttribute("chartJson", scriptJson.write(Map.of("title",
                messages.getMessage("training.programme.trendTitle", null, locale), "points", summary.months())));
        if (Roles.manages(user)) {
            model.addAttribute("outlets", org.visibleOutlets(user).stream()
                    .filter(o -> p.outletType() == null || p.outletType().equals(o.outletType())).toList());
            model.addAttribute("people", jobs.assignable(user));
        }
        model.addAttribute("outletTypes", standards.outletTypes());
        model.addAttribute("choices", choices());
        return "team/programme";
    }

    @Roles.ChainWide
    @PostMapping("/training/programmes/{id}")
    public String update(@PathVariable long id, @RequestParam String name, @RequestParam(required = false) String outletType,
                         @RequestParam(required = false) String description,
                         @RequestParam(required = false) List<Long> standardIds, @RequestParam int version, Locale locale,
                         RedirectAttributes flash) {
        return act(id, locale, flash, () -> programmes.update(id, new ProgrammeForm(name, outletType, description,
                ids(standardIds), version)));
    }

    @Roles.ChainWide
    @PostMapping("/training/programmes/{id}/delete")
    public String delete(@PathVariable long id, Locale locale, RedirectAttributes flash) {
        try {
            programmes.delete(id);
            return "redirect:/training";
        } catch (RuntimeException e) {
            flash.addFlashAttribute("problem", Messages.refusal(e, messages, locale));
            return "redirect:/training/programmes/" + id;
        }
    }

    /** Bands as parallel rows (a row with an empty minimum is left out) and the threshold. */
    @Roles.ChainWide
    @PostMapping("/training/grading")
    public String grading(@RequestParam(required = false) List<String> minTotal,
                          @RequestParam(required = false) List<String> labelEn,
                          @RequestParam(required = false) List<String> labelZh, @RequestParam int flagAt, Locale locale,
                          RedirectAttributes flash) {
        List<Grading.Band> bands = new ArrayList<>();
        for (int i = 0; minTotal != null && i < minTotal.size(); i++) {
            String min = minTotal.get(i).strip();
            if (!min.isEmpty()) {
                bands.add(new Grading.Band(min.matches("\\d{1,3}") ? Integer.valueOf(min) : -1, at(labelEn, i), at(labelZh, i)));
            }
        }
        try {
            evaluations.saveGrading(new Grading(bands, flagAt));
            flash.addFlashAttribute("saved", messages.getMessage("training.grading.saved", null, locale));
        } catch (RuntimeException e) {
            flash.addFlashAttribute("problem", Messages.refusal(e, messages, locale));
        }
        return "redirect:/training#grading";
    }

    private static String at(List<String> list, int i) {
        return list == null || i >= list.size() ? "" : list.get(i);
    }

    /** Creates a session of the programme and opens it. */
    @Roles.Managers
    @PostMapping("/training/programmes/{id}/sessions")
    public String newSession(@AuthenticationPrincipal AppUser user, @PathVariable long id, @RequestParam long outletId,
                             @RequestParam String heldOn, @RequestParam long trainerId,
                             @RequestParam(required = false) String note,
                             @RequestParam(required = false) List<Long> attendeeIds, Locale locale,
                             RedirectAttributes flash) {
        try {
            TrainingSession s = sessions.create(user, new SessionForm(id, outletId, SessionPages.day("heldOn", heldOn),
                    trainerId, note, ids(attendeeIds), null));
            return "redirect:/training/sessions/" + s.id();
        } catch (RuntimeException e) {
            flash.addFlashAttribute("problem", Messages.refusal(e, messages, locale));
            return "redirect:/training/programmes/" + id + "#sessions";
        }
    }

    private String act(long id, Locale locale, RedirectAttributes flash, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            flash.addFlashAttribute("problem", Messages.refusal(e, messages, locale));
        }
        return "redirect:/training/programmes/" + id;
    }
}
