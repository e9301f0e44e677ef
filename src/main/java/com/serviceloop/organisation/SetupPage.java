package com.serviceloop.organisation;

import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.FormErrors;
import jakarta.validation.Valid;
import java.util.Arrays;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** First run: the page that creates the first administrator, and the sign-in page. */
@Controller
class SetupPage {
    private final PersonService people;
    private final SingleSignOn sso;
    private final OidcProviders providers;

    public SetupPage(PersonService people, SingleSignOn sso, OidcProviders providers) {
        this.people = people;
        this.sso = sso;
        this.providers = providers;
    }

    /** Before the first administrator exists, SetupGate sends this page to /setup. */
    @GetMapping("/login")
    public String login(@RequestParam(required = false) Long locked, @RequestParam(required = false) Long wait,
                        @RequestParam(required = false) String sso, @RequestParam(required = false) String local, Model model) {
        // numbers only: the page words them, whatever else a crafted link might carry
        model.addAttribute("lockedMinutes", locked == null ? null : String.valueOf(Math.max(1, locked)));
        model.addAttribute("waitSeconds", wait == null ? null : String.valueOf(Math.max(1, wait)));
        // a known reason only, worded by the page (login.sso.*)
        model.addAttribute("ssoProblem", Arrays.stream(SignInRefused.Reason.values())
                .map(r -> r.name().toLowerCase().replace('_', '-')).filter(c -> c.equals(sso)).findFirst().orElse(null));
        model.addAttribute("providers", this.sso.buttons());
        model.addAttribute("showForm", this.sso.formShown(local != null));
        model.addAttribute("adminsOnly", !this.sso.localLogin() && local != null);
        return "login";
    }

    /**
     * A sign-in button: to the provider when its endpoints can be had, else back with the reason (the log says
     * more). Spring's own address for it reaches here only when the provider cannot be had.
     */
    @GetMapping({"/login/sso/{id}", "/oauth2/authorization/{id}"})
    public String signInWith(@PathVariable String id) {
        return providers.resolve(id).isPresent() ? "redirect:/oauth2/authorization/" + id : "redirect:/login?sso=unavailable";
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
