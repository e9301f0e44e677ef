package com.serviceloop.staff;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.Messages;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
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

/** The scoreboards on a phone: one's own figures and the people board; the team board; one person's or team's figures. */
@Controller
class ScoreboardPages {
    private static final int MAX_MIN_EVENTS = 10000;
    private final Scoreboards boards;
    private final StaffSettings settings;
    private final OrgService org;
    private final MessageSource messages;

    ScoreboardPages(Scoreboards boards, StaffSettings settings, OrgService org, MessageSource messages) {
        this.boards = boards;
        this.settings = settings;
        this.org = org;
        this.messages = messages;
    }

    /** What a page does once its inputs are checked. */
    @FunctionalInterface
    private interface Body {
        String fill();
    }

    private String refusing(Body body, Locale locale, Model model, HttpServletResponse response) {
        try {
            return body.fill();
        } catch (BadInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", Messages.refusal(e, messages, locale));
            return "staff/refused";
        }
    }

    @GetMapping("/scoreboards")
    public String mine(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long outletId,
                       @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                       @RequestParam(required = false) ScoreboardMeasure measure, Locale locale, Model model,
                       HttpServletResponse response) {
        return refusing(() -> {
            ScoreboardBoard board = boards.personBoard(user, outletId, from, to, measure);
            model.addAttribute("board", board);
            model.addAttribute("view", boards.person(user, user.id(), board.from(), board.to()));
            common(user, model, board);
            return "staff/scoreboard";
        }, locale, model, response);
    }

    @GetMapping("/scoreboards/teams")
    public String teams(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long outletId,
                        @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                        @RequestParam(required = false) ScoreboardMeasure measure, Locale locale, Model model,
                        HttpServletResponse response) {
        return refusing(() -> {
            ScoreboardBoard board = boards.teamBoard(user, outletId, from, to, measure);
            model.addAttribute("board", board);
            common(user, model, board);
            return "staff/team-board";
        }, locale, model, response);
    }

    private void common(AppUser user, Model model, ScoreboardBoard board) {
        model.addAttribute("outlets", org.visibleOutlets(user));
        model.addAttribute("measures", ScoreboardMeasure.values());
        model.addAttribute("manages", Roles.manages(user));
        model.addAttribute("settings", settings.current());
    }

    /** The chain's fairness settings, from the team board; an unticked box is "no". */
    @Roles.ChainWide
    @PostMapping("/scoreboards/settings")
    public String settings(@RequestParam(required = false) String colleaguesMayWrite,
                           @RequestParam(required = false) String hideNames, @RequestParam(required = false) String minEvents,
                           Locale locale, Model model, RedirectAttributes flash, HttpServletResponse response) {
        return refusing(() -> {
            int min;
            try {
                min = Integer.parseInt(minEvents == null ? "" : minEvents.strip());
            } catch (NumberFormatException e) {
                throw BadInputException.of("minEvents", "error.staff.minEvents", String.valueOf(MAX_MIN_EVENTS));
            }
            if (min < 1 || min > MAX_MIN_EVENTS) {
                throw BadInputException.of("minEvents", "error.staff.minEvents", String.valueOf(MAX_MIN_EVENTS));
            }
            settings.update(new StaffSettingsForm(colleaguesMayWrite != null, hideNames != null, min));
            flash.addFlashAttribute("saved", messages.getMessage("staff.settings.saved", null, locale));
            return "redirect:/scoreboards/teams";
        }, locale, model, response);
    }

    @GetMapping("/scoreboards/people/{id}")
    public String person(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                         @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                         Locale locale, Model model, HttpServletResponse response) {
        return refusing(() -> {
            model.addAttribute("view", boards.person(user, id, from, to));
            return "staff/figures";
        }, locale, model, response);
    }

    @GetMapping("/scoreboards/teams/{id}")
    public String team(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                       @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                       Locale locale, Model model, HttpServletResponse response) {
        return refusing(() -> {
            model.addAttribute("view", boards.team(user, id, from, to));
            return "staff/figures";
        }, locale, model, response);
    }
}
