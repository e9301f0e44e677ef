package com.serviceloop.team;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.Messages;
import com.serviceloop.platform.ScriptJson;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Leadership screens: the rounds the person sees, and a round with its self rating, invitations, map and plan. */
@Controller
class LeadershipPages {
    private final LeadershipService rounds;
    private final LeadershipRaters invitations;
    private final LeadershipPlan plan;
    private final ScriptJson scriptJson;
    private final MessageSource messages;

    LeadershipPages(LeadershipService rounds, LeadershipRaters invitations, LeadershipPlan plan,
                    ScriptJson scriptJson, MessageSource messages) {
        this.rounds = rounds;
        this.invitations = invitations;
        this.plan = plan;
        this.scriptJson = scriptJson;
        this.messages = messages;
    }

    @Roles.FrontLine
    @GetMapping("/leadership")
    public String list(@AuthenticationPrincipal AppUser user, Model model) {
        model.addAttribute("rounds", rounds.rounds(user));
        return "team/leadership-list";
    }

    @Roles.FrontLine
    @PostMapping("/leadership/rounds")
    public String start(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) String title,
                        Locale locale, RedirectAttributes flash) {
        try {
            return "redirect:/leadership/rounds/" + rounds.start(user, new LeadershipRoundForm(title)).id();
        } catch (RuntimeException e) {
            flash.addFlashAttribute("problem", Messages.refusal(e, messages, locale));
            return "redirect:/leadership";
        }
    }

    @Roles.FrontLine
    @GetMapping("/leadership/rounds/{id}")
    public String round(@AuthenticationPrincipal AppUser user, @PathVariable long id, Model model, Locale locale) {
        LeadershipRound round = rounds.round(user, id);
        LeadershipResult result = rounds.result(user, id, locale);
        model.addAttribute("round", round);
        model.addAttribute("items", rounds.items(locale));
        model.addAttribute("invitations", invitations.list(user, id));
        model.addAttribute("result", result);
        model.addAttribute("actions", plan.actions(user, id));
        if (result.othersShown()) {
            model.addAttribute("chartJson", scriptJson.write(LeadershipChart.of(result, messages, locale)));
        }
        return "team/leadership-round";
    }

    @Roles.FrontLine
    @PostMapping("/leadership/rounds/{id}/self")
    public String rateSelf(@AuthenticationPrincipal AppUser user, @PathVariable long id, HttpServletRequest request,
                           Locale locale, RedirectAttributes flash) {
        List<Integer> scores = new ArrayList<>();
        for (int no = 1; no <= Principle.ITEMS; no++) {
            String value = request.getParameter("s" + no);
            scores.add(value != null && value.strip().matches("[1-5]") ? Integer.valueOf(value.strip()) : null);
        }
        return act(id, locale, flash, () -> {
            if (scores.contains(null)) {
                throw BadInputException.of("scores", "error.leadership.answerAll");
            }
            rounds.rateSelf(user, id, new LeadershipScoresForm(scores));
        });
    }

    /** One person per line: a name, and an e-mail address after a comma when the link should be mailed. */
    @Roles.FrontLine
    @PostMapping("/leadership/rounds/{id}/invitations")
    public String invite(@AuthenticationPrincipal AppUser user, @PathVariable long id, @RequestParam String people,
                         @RequestParam(required = false) Integer validDays, Locale locale, RedirectAttributes flash) {
        return act(id, locale, flash,
                () -> invitations.invite(user, id, new LeadershipInvitationForm(invitees(people), validDays)));
    }

    static List<LeadershipInvitationForm.LeadershipInvitee> invitees(String lines) {
        List<LeadershipInvitationForm.LeadershipInvitee> out = new ArrayList<>();
        for (String line : lines.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.strip().split("\\s*[,，;；\\t]\\s*");
            String last = parts[parts.length - 1];
            String email = last.contains("@") ? last : null;
            String name = email == null ? line.strip() : String.join(", ", Arrays.copyOf(parts, parts.length - 1));
            out.add(new LeadershipInvitationForm.LeadershipInvitee(name.isBlank() ? email : name, email));
        }
        return out;
    }

    @Roles.FrontLine
    @PostMapping("/leadership/rounds/{id}/plan")
    public String addAction(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                            @RequestParam Principle principle, @RequestParam String action, @RequestParam String dueOn,
                            Locale locale, RedirectAttributes flash) {
        return act(id, locale, flash,
                () -> plan.add(user, id, new LeadershipActionForm(principle, action, date(dueOn), false, null)));
    }

    @Roles.FrontLine
    @PostMapping("/leadership/rounds/{id}/plan/{actionId}")
    public String updateAction(@AuthenticationPrincipal AppUser user, @PathVariable long id, @PathVariable long actionId,
                               @RequestParam Principle principle, @RequestParam String action,
                               @RequestParam String dueOn, @RequestParam(defaultValue = "false") boolean done,
                               @RequestParam int version, Locale locale, RedirectAttributes flash) {
        return act(id, locale, flash, () -> plan.update(user, id, actionId,
                new LeadershipActionForm(principle, action, date(dueOn), done, version)));
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw BadInputException.of("dueOn", "error.leadership.dueDate");
        }
    }

    private String act(long id, Locale locale, RedirectAttributes flash, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            flash.addFlashAttribute("problem", Messages.refusal(e, messages, locale));
        }
        return "redirect:/leadership/rounds/" + id;
    }
}
