package com.serviceloop.staff;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.Messages;
import com.serviceloop.platform.Text;
import com.serviceloop.standard.StandardService;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "My recognition" with the writing form and a manager's suggestions, and the shop-floor wall. */
@Controller
class RecognitionPages {
    private final Recognitions notes;
    private final RecognitionSuggestions suggestions;
    private final Scoreboards boards;
    private final StandardService standards;
    private final MessageSource messages;

    RecognitionPages(Recognitions notes, RecognitionSuggestions suggestions, Scoreboards boards, StandardService standards,
                     MessageSource messages) {
        this.notes = notes;
        this.suggestions = suggestions;
        this.boards = boards;
        this.standards = standards;
        this.messages = messages;
    }

    @GetMapping("/recognition")
    public String page(@AuthenticationPrincipal AppUser user, Model model) {
        model.addAttribute("notes", notes.mine(user, 50));
        boolean mayWrite = notes.mayWrite(user);
        model.addAttribute("mayWrite", mayWrite);
        if (mayWrite) {
            model.addAttribute("people", notes.recipients(user));
            model.addAttribute("teams", notes.teams(user));
            model.addAttribute("standards", standards.list(null, false));
        }
        model.addAttribute("suggestions", Roles.manages(user) ? suggestions.forManager(user) : List.of());
        return "staff/recognition";
    }

    /** The recipient comes as "p:12" (a person) or "t:5" (a team), from one picker. */
    @Roles.FrontLine
    @PostMapping("/recognition")
    public String write(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) String to,
                        @RequestParam(required = false) String text, @RequestParam(required = false) String standardId,
                        @RequestParam(required = false) String sourceKind, @RequestParam(required = false) String sourceId,
                        Locale locale, Model model, RedirectAttributes flash, HttpServletResponse response) {
        try {
            String recipient = Text.blankToNull(to);
            Long personId = recipient != null && recipient.startsWith("p:") ? id("to", recipient.substring(2)) : null;
            Long teamId = recipient != null && recipient.startsWith("t:") ? id("to", recipient.substring(2)) : null;
            RecognitionLink kind = null;
            if (Text.blankToNull(sourceKind) != null) {
                try {
                    kind = RecognitionLink.valueOf(sourceKind.strip());
                } catch (IllegalArgumentException e) {
                    throw BadInputException.of("sourceKind", "error.staff.sourceKind");
                }
            }
            notes.write(user, new RecognitionForm(personId, teamId, text, optionalId("standardId", standardId), null, kind,
                    optionalId("sourceId", sourceId)));
            flash.addFlashAttribute("saved", messages.getMessage("staff.recognition.saved", null, locale));
            return "redirect:/recognition";
        } catch (BadInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", Messages.refusal(e, messages, locale));
            model.addAttribute("draftTo", to);
            model.addAttribute("draftText", text);
            return page(user, model);
        }
    }

    private static Long optionalId(String field, String value) {
        return Text.blankToNull(value) == null ? null : id(field, value);
    }

    private static Long id(String field, String value) {
        try {
            long id = Long.parseLong(value.strip());
            if (id <= 0) {
                throw BadInputException.of(field, "error.staff.badId");
            }
            return id;
        } catch (NumberFormatException e) {
            throw BadInputException.of(field, "error.staff.badId");
        }
    }

    /** The wall for a screen on the shop floor: the page, whose list reloads itself. */
    @GetMapping("/recognition/wall")
    public String wall(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long outletId,
                       @RequestParam(required = false) Long teamId, Locale locale, Model model, HttpServletResponse response) {
        return wallModel(user, outletId, teamId, locale, model, response) ? "staff/wall" : "staff/refused";
    }

    @GetMapping("/recognition/wall/part")
    public String wallPart(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long outletId,
                           @RequestParam(required = false) Long teamId, Locale locale, Model model,
                           HttpServletResponse response) {
        return wallModel(user, outletId, teamId, locale, model, response) ? "staff/wall :: part" : "staff/refused";
    }

    private boolean wallModel(AppUser user, Long outletId, Long teamId, Locale locale, Model model,
                              HttpServletResponse response) {
        try {
            long outlet = teamId == null ? boards.outlet(user, outletId) : -1;
            model.addAttribute("notes", teamId != null ? notes.teamWall(user, teamId) : notes.outletWall(user, outlet));
            model.addAttribute("board", teamId == null ? boards.wallBoard(user, outlet)
                    : null);
            model.addAttribute("outletId", teamId == null ? outlet : null);
            model.addAttribute("teamId", teamId);
            return true;
        } catch (BadInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", Messages.refusal(e, messages, locale));
            return false;
        }
    }
}
