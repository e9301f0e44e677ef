package com.serviceloop.staff;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.Messages;
import com.serviceloop.team.JobService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The review pages: the reader's reviews (a manager's also of their people) and one review with its step forms. */
@Controller
class ReviewPages {
    private final ReviewService reviews;
    private final JobService jobs;
    private final MessageSource messages;
    private final Clock clock;

    ReviewPages(ReviewService reviews, JobService jobs, MessageSource messages, Clock clock) {
        this.reviews = reviews;
        this.jobs = jobs;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/staff/reviews")
    public String list(@AuthenticationPrincipal AppUser user, Model model) {
        model.addAttribute("reviews", reviews.list(user, null));
        boolean manages = Roles.manages(user);
        model.addAttribute("manages", manages);
        model.addAttribute("people", manages ? jobs.assignable(user).stream().filter(p -> p.id() != user.id()).toList()
                : List.of());
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("from", today.minusMonths(6).withDayOfMonth(1));
        model.addAttribute("to", today.withDayOfMonth(1).minusDays(1));
        return "staff/reviews";
    }

    @GetMapping("/staff/reviews/{id}")
    public String review(@AuthenticationPrincipal AppUser user, @PathVariable long id, Model model) {
        Review r = reviews.get(user, id);
        model.addAttribute("r", r);
        model.addAttribute("mine", r.personId() == user.id());
        model.addAttribute("manages", Roles.manages(user) && r.personId() != user.id());
        model.addAttribute("today", LocalDate.now(clock));
        return "staff/review";
    }

    @Roles.Managers
    @PostMapping("/staff/reviews")
    public String prepare(@AuthenticationPrincipal AppUser user, @RequestParam Map<String, String> form, Locale locale,
                          RedirectAttributes flash) {
        return step(locale, flash, "/staff/reviews", () -> "/staff/reviews/" + reviews.prepare(user,
                new ReviewForms.Prepare(id("personId", form.get("personId")), required("periodFrom", form.get("periodFrom")),
                        required("periodTo", form.get("periodTo")))).id());
    }

    @Roles.FrontLine
    @PostMapping("/staff/reviews/{id}/assessment")
    public String assess(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                         @RequestParam Map<String, String> form, Locale locale, RedirectAttributes flash) {
        return step(locale, flash, "/staff/reviews/" + id, () -> {
            List<ReviewForms.Rating> ratings = new ArrayList<>();
            form.forEach((k, v) -> {
                if (k.startsWith("rating_") && v != null && !v.isBlank()) {
                    if (!v.strip().matches("[1-5]")) {
                        throw BadInputException.of("ratings", "error.staff.rating");
                    }
                    ratings.add(new ReviewForms.Rating(id("ratings", k.substring(7)), Integer.valueOf(v.strip())));
                }
            });
            reviews.assess(user, id, new ReviewForms.Assess(text("note", form.get("note"), 2000), ratings));
            return "/staff/reviews/" + id;
        });
    }

    @Roles.Managers
    @PostMapping("/staff/reviews/{id}/discussion")
    public String discuss(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                          @RequestParam Map<String, String> form, Locale locale, RedirectAttributes flash) {
        return step(locale, flash, "/staff/reviews/" + id, () -> {
            List<ReviewForms.Goal> goals = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                String goal = text("goals", form.get("goal" + i), 500);
                if (goal != null) {
                    String standard = form.get("goalStandard" + i);
                    LocalDate due = day("goals", form.get("goalDue" + i));
                    if (due == null) {
                        throw BadInputException.of("goals", "error.staff.goalNeedsDue", String.valueOf(i));
                    }
                    goals.add(new ReviewForms.Goal(standard == null || standard.isBlank() ? null : id("goals", standard),
                            goal, due));
                }
            }
            if (goals.isEmpty()) {
                throw BadInputException.of("goals", "error.staff.noGoal");
            }
            LocalDate on = day("discussedOn", form.get("discussedOn"));
            reviews.discuss(user, id, new ReviewForms.Discuss(on == null ? LocalDate.now(clock) : on,
                    text("meetingNotes", form.get("meetingNotes"), 4000), text("strengths", form.get("strengths"), 2000),
                    goals));
            return "/staff/reviews/" + id;
        });
    }

    @Roles.Managers
    @PostMapping("/staff/reviews/{id}/previous-goals/{goalId}")
    public String check(@AuthenticationPrincipal AppUser user, @PathVariable long id, @PathVariable long goalId,
                        @RequestParam String outcome, Locale locale, RedirectAttributes flash) {
        return step(locale, flash, "/staff/reviews/" + id, () -> {
            if (!outcome.matches("MET|PARTLY|NOT_MET")) {
                throw BadInputException.of("outcome", "error.staff.outcome");
            }
            reviews.check(user, id, goalId, new ReviewForms.Check(outcome));
            return "/staff/reviews/" + id;
        });
    }

    /** Runs a step; a refusal comes back on the page it was sent from. */
    private String step(Locale locale, RedirectAttributes flash, String back, Supplier<String> work) {
        try {
            String to = work.get();
            flash.addFlashAttribute("saved", messages.getMessage("reviews.saved", null, locale));
            return "redirect:" + to;
        } catch (BadInputException | ConflictException e) {
            flash.addFlashAttribute("problem", Messages.refusal(e, messages, locale));
            return "redirect:" + back;
        }
    }

    private static Long id(String field, String text) {
        try {
            long v = Long.parseLong(text == null ? "" : text.strip());
            if (v <= 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw BadInputException.of(field, "error.staff.choose");
        }
    }

    private static LocalDate day(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(text.strip());
            if (d.getYear() < 2000 || d.getYear() > 2200) {
                throw BadInputException.of(field, "error.staff.periodRange", d.toString());
            }
            return d;
        } catch (DateTimeParseException e) {
            throw BadInputException.of(field, "error.staff.notADay");
        }
    }

    private static LocalDate required(String field, String text) {
        LocalDate d = day(field, text);
        if (d == null) {
            throw BadInputException.of(field, "error.staff.notADay");
        }
        return d;
    }

    private static String text(String field, String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.indexOf('\0') >= 0) {
            throw BadInputException.of(field, "error.platform.nul");
        }
        if (text.strip().length() > max) {
            throw BadInputException.of(field, "error.staff.tooLong", String.valueOf(max));
        }
        return text.strip();
    }
}
