package com.serviceloop.organisation;

import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.FormErrors;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** First run: the page that creates the first administrator, and the sign-in page. */
@Controller
class SetupPage {
    private final PersonService people;

    public SetupPage(PersonService people) {
        this.people = people;
    }

    /** Before the first administrator exists, SetupGate sends this page to /setup. */
    @GetMapping("/login")
    public String login(@RequestParam(required = false) Long locked, @RequestParam(required = false) Long wait, Model model) {
        // numbers only: the page words them, whatever else a crafted link might carry
        model.addAttribute("lockedMinutes", locked == null ? null : String.valueOf(Math.max(1, locked)));
        model.addAttribute("waitSeconds", wait == null ? null : String.valueOf(Math.max(1, wait)));
        return "login";
    }

    @GetMapping("/setup")
    public String form(Model model) {
        if (people.setupDone()) {
            return "redirect:/login";
        }
        model.addAttribute("setupForm", new OrganisationApi.SetupRequest("", "", ""));
        return "setup";
    }

    @PostMapping("/setup")
    public String submit(@Valid @ModelAttribute("setupForm") OrganisationApi.SetupRequest form, BindingResult errors) {
        if (errors.hasErrors()) {
            return "setup";
        }
        try {
            people.createFirstAdmin(form.displayName(), form.username(), form.password());
        } catch (ConflictException e) {
            return "redirect:/login";
        } catch (BadInputException e) {
            FormErrors.record(e, errors);
            return "setup";
        }
        return "redirect:/login?setup";
    }
}
