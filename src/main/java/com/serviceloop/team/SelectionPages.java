package com.serviceloop.team;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.Messages;
import com.serviceloop.platform.ScriptJson;
import com.serviceloop.standard.StandardArea;
import com.serviceloop.standard.StandardService;
import java.util.ArrayList;
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

/** A job's selection page: the interview guide, and for managers the candidates, scoring and comparison. */
@Controller
class SelectionPages {
    private final SelectionService selection;
    private final StandardService standards;
    private final OrgService org;
    private final ScriptJson scriptJson;
    private final MessageSource messages;

    SelectionPages(SelectionService selection, StandardService standards, OrgService org, ScriptJson scriptJson,
                   MessageSource messages) {
        this.selection = selection;
        this.standards = standards;
        this.org = org;
        this.scriptJson = scriptJson;
        this.messages = messages;
    }

    @GetMapping("/jobs/{id}/selection")
    public String page(@AuthenticationPrincipal AppUser user, @PathVariable long id, Model model, Locale locale) {
        InterviewGuide guide = selection.guide(id, locale);
        Map<String, String> areaNames = new LinkedHashMap<>();
        standards.areas().forEach(a -> areaNames.put(a.code(), a.name(locale)));
        model.addAttribute("guide", guide);
        model.addAttribute("areaNames", areaNames);
        model.addAttribute("allAreas", standards.areas().stream().map(StandardArea::code).toList());
        if (Roles.manages(user)) {
            Comparison cmp = selection.comparison(user, id);
            model.addAttribute("candidates", selection.candidates(user, id));
            model.addAttribute("comparison", cmp);
            model.addAttribute("outlets", org.visibleOutlets(user));
            model.addAttribute("chartJson", scriptJson.write(chart(cmp, areaNames, locale)));
        }
        return "team/selection";
    }

    /** One group of bars per area, one bar per candidate (an anonymised one by number). */
    private Map<String, Object> chart(Comparison cmp, Map<String, String> areaNames, Locale locale) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (Comparison.CandidateRow r : cmp.candidates()) {
            series.add(Map.of("name", r.name() == null ? "#" + r.candidateId() : r.name(),
                    "data", cmp.areaCodes().stream().map(a -> r.areaMeans().get(a)).toList()));
        }
        return Map.of("labels", cmp.areaCodes().stream().map(areaNames::get).toList(), "series", series,
                "title", messages.getMessage("team.selection.chartLabel", null, locale));
    }

    @Roles.ChainWide
    @PostMapping("/jobs/{id}/selection/guide")
    public String saveGuide(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                            @RequestParam(required = false) List<String> areaCode,
                            @RequestParam(required = false) List<String> question,
                            @RequestParam(required = false) List<String> followUp, @RequestParam int version,
                            Locale locale, RedirectAttributes flash) {
        List<InterviewGuide.GuideQuestion> questions = new ArrayList<>();
        for (int i = 0; areaCode != null && question != null && i < Math.min(areaCode.size(), question.size()); i++) {
            if (!question.get(i).isBlank()) {
                questions.add(new InterviewGuide.GuideQuestion(areaCode.get(i), question.get(i),
                        followUp != null && i < followUp.size() ? followUp.get(i) : null));
            }
        }
        return act(id, locale, flash, () -> selection.saveGuide(user, id, new GuideForm(questions, version), locale));
    }

    @Roles.Managers
    @PostMapping("/jobs/{id}/selection/candidates")
    public String addCandidate(@AuthenticationPrincipal AppUser user, @PathVariable long id, @RequestParam String name,
                               @RequestParam(required = false) String contact, @RequestParam long outletId,
                               Locale locale, RedirectAttributes flash) {
        return act(id, locale, flash, () -> selection.addCandidate(user, id, new CandidateForm(name, contact, outletId, null)));
    }

    @Roles.Managers
    @PostMapping("/jobs/{id}/selection/scores")
    public String score(@AuthenticationPrincipal AppUser user, @PathVariable long id, @RequestParam long candidateId,
                        @RequestParam List<String> areaCode, @RequestParam List<Integer> score,
                        @RequestParam(required = false) List<String> note, Locale locale, RedirectAttributes flash) {
        List<ScoreForm.AreaScore> scores = new ArrayList<>();
        for (int i = 0; i < Math.min(areaCode.size(), score.size()); i++) {
            if (score.get(i) != null) {
                scores.add(new ScoreForm.AreaScore(areaCode.get(i), score.get(i),
                        note != null && i < note.size() ? note.get(i) : null));
            }
        }
        return act(id, locale, flash, () -> selection.score(user, id, new ScoreForm(candidateId, scores)));
    }

    private String act(long id, Locale locale, RedirectAttributes flash, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            flash.addFlashAttribute("problem", Messages.refusal(e, messages, locale));
        }
        return "redirect:/jobs/" + id + "/selection";
    }
}
