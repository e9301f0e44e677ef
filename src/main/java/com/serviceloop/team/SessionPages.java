package com.serviceloop.team;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.Messages;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A session's page: who attends, and for managers the three results per attendee and the session's details. */
@Controller
class SessionPages {
    private final SessionService sessions;
    private final JobService jobs;
    private final MessageSource messages;

    SessionPages(SessionService sessions, JobService jobs, MessageSource messages) {
        this.sessions = sessions;
        this.jobs = jobs;
        this.messages = messages;
    }

    /** A day typed into a form; refused naming the field when it is not one. */
    static LocalDate day(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw BadInputException.of(field, "error.training.notADay", text.strip());
        }
    }

    @GetMapping("/training/sessions/{id}")
    public String page(@AuthenticationPrincipal AppUser user, @PathVariable long id, Model model) {
        TrainingSession s = sessions.get(user, id);
        model.addAttribute("s", s);
        model.addAttribute("people", Roles.manages(user) ? jobs.assignable(user) : List.of());
        model.addAttribute("attendeeIds", s.attendees().stream().map(TrainingSession.Attendee::personId).toList());
        return "team/session";
    }

    /**
     * The results form: per attendee "attended-ID", "knowledge-ID", "skill-ID" (empty, true or false)
     * with "attendedOn-ID" and so on. An attendee the form does not name keeps what was recorded.
     */
    @Roles.Managers
    @PostMapping("/training/sessions/{id}/results")
    public String results(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                          @RequestParam Map<String, String> form, Locale locale, RedirectAttributes flash) {
        try {
            Map<Long, ResultForm> results = new LinkedHashMap<>();
            for (TrainingSession.Attendee a : sessions.get(user, id).attendees()) {
                String key = "-" + a.personId();
                if (form.containsKey("attended" + key)) {
                    results.put(a.personId(), new ResultForm(yesNo(form.get("attended" + key)),
                            day("attendedOn", form.get("attendedOn" + key)), yesNo(form.get("knowledge" + key)),
                            day("knowledgeOn", form.get("knowledgeOn" + key)), yesNo(form.get("skill" + key)),
                            day("skillOn", form.get("skillOn" + key))));
                }
            }
            sessions.recordAll(user, id, results);
            flash.addFlashAttribute("saved", messages.getMessage("training.session.saved", null, locale));
        } catch (RuntimeException e) {
            flash.addFlashAttribute("problem", Messages.refusal(e, messages, locale));
        }
        return "redirect:/training/sessions/" + id;
    }

    private static Boolean yesNo(String value) {
        return value == null || value.isBlank() ? null : Boolean.valueOf("true".equals(value));
    }

    @Roles.Managers
    @PostMapping("/training/sessions/{id}")
    public String update(@AuthenticationPrincipal AppUser user, @PathVariable long id, @RequestParam String heldOn,
                         @RequestParam long trainerId, @RequestParam(required = false) String note,
                         @RequestParam(required = false) List<Long> attendeeIds, @RequestParam int version,
                         Locale locale, RedirectAttributes flash) {
        try {
            TrainingSession s = sessions.get(user, id);
            sessions.update(user, id, new SessionForm(s.programmeId(), s.outletId(), day("heldOn", heldOn), trainerId, note,
                    attendeeIds == null ? List.of() : attendeeIds.stream().filter(Objects::nonNull).toList(), version));
        } catch (RuntimeException e) {
            flash.addFlashAttribute("problem", Messages.refusal(e, messages, locale));
        }
        return "redirect:/training/sessions/" + id;
    }
}
