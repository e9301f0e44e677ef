package com.serviceloop.team;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.Messages;
import com.serviceloop.standard.Standard;
import com.serviceloop.standard.StandardService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's training record, the gaps of the caller's outlets, and the evaluation form. */
@Controller
class TrainingRecordPages {
    private final TrainingRecords records;
    private final ProgrammeService programmes;
    private final EvaluationService evaluations;
    private final StandardService standards;
    private final OrgService org;
    private final MessageSource messages;
    private final Clock clock;

    TrainingRecordPages(TrainingRecords records, ProgrammeService programmes, EvaluationService evaluations,
                        StandardService standards, OrgService org, MessageSource messages, Clock clock) {
        this.records = records;
        this.programmes = programmes;
        this.evaluations = evaluations;
        this.standards = standards;
        this.org = org;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/training/people/{id}")
    public String person(@AuthenticationPrincipal AppUser user, @PathVariable long id, Model model) {
        TrainingRecord r = records.of(user, id);
        model.addAttribute("r", r);
        List<Long> missing = r.gap() == null ? List.of() : r.gap().missing();
        model.addAttribute("standardsById", standards(missing));
        // where each missing standard is taught
        Map<Long, String> names = new LinkedHashMap<>();
        programmes.list(null).forEach(p -> names.put(p.id(), p.name()));
        Map<Long, List<Long>> teaching = programmes.teaching(missing);
        model.addAttribute("programmeNames", names);
        model.addAttribute("teaching", teaching);
        return "team/training-person";
    }

    private Map<Long, Standard> standards(Collection<Long> ids) {
        Map<Long, Standard> out = new LinkedHashMap<>();
        new LinkedHashSet<>(ids).forEach(id -> standards.current(id).ifPresent(s -> out.put(id, s)));
        return out;
    }

    @GetMapping("/training/gaps")
    public String gaps(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long outletId, Model model) {
        Long chosen = outletId != null && org.scopeOf(user).contains(outletId) ? outletId : null;
        TrainingGaps gaps = records.gaps(user, chosen);
        model.addAttribute("gaps", gaps);
        model.addAttribute("outletId", chosen);
        model.addAttribute("outlets", org.visibleOutlets(user));
        Set<Long> missing = new LinkedHashSet<>();
        gaps.persons().forEach(p -> missing.addAll(p.missing()));
        model.addAttribute("standardsById", standards(missing));
        return "team/training-gaps";
    }

    @GetMapping("/training/programmes/{id}/evaluate")
    public String form(@PathVariable long id, Model model) {
        return form(id, Map.of(), model);
    }

    /** The form, with what was chosen so far when a submission is shown again. */
    private String form(long id, Map<String, String> answers, Model model) {
        model.addAttribute("programme", programmes.get(id));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("items", IntStream.rangeClosed(1, EvaluationScoring.ITEMS).boxed().toList());
        model.addAttribute("answers", answers);
        return "team/training-evaluate";
    }

    /**
     * The form's "score1" … "score20"; an item left unanswered is refused by its number, and the form
     * comes back with the answers given so far.
     */
    @Roles.Measures
    @PostMapping("/training/programmes/{id}/evaluations")
    public String submit(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                         @RequestParam Map<String, String> form, Locale locale, Model model, RedirectAttributes flash) {
        try {
            List<Integer> scores = new ArrayList<>();
            for (int i = 1; i <= EvaluationScoring.ITEMS; i++) {
                String v = form.getOrDefault("score" + i, "").strip();
                if (!v.matches("[1-5]")) {
                    throw BadInputException.of("scores", "error.training.itemUnanswered", String.valueOf(i));
                }
                scores.add(Integer.valueOf(v));
            }
            Evaluation e = evaluations.submit(user, id, new EvaluationForm(scores,
                    SessionPages.day("evaluatedOn", form.get("evaluatedOn")), form.get("comment")));
            flash.addFlashAttribute("saved", messages.getMessage("training.evaluate.thanks", new Object[] {e.total(),
                    e.band().label(locale), e.improveNow().isEmpty() ? "-" : e.improveNow().stream().map(String::valueOf)
                    .collect(Collectors.joining(", "))}, locale));
            return "redirect:/training/programmes/" + id + "#evaluations";
        } catch (BadInputException e) {
            model.addAttribute("problem", Messages.refusal(e, messages, locale));
            return form(id, form, model);
        }
    }
}
