package com.serviceloop.customer;

import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.FormErrors;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The thresholds behind tiers, customer value and loyalty: the same for every outlet, so changed chain-wide only. */
@Controller
class SettingsPage {
    private final InsightSettingsService settings;

    public SettingsPage(InsightSettingsService settings) {
        this.settings = settings;
    }

    @Roles.Managers
    @GetMapping("/settings")
    public String form(Model model) {
        if (!model.containsAttribute("settings")) {
            model.addAttribute("settings", settings.current());
        }
        return "customer/settings";
    }

    @Roles.ChainWide
    @PostMapping("/settings")
    public String save(@Valid @ModelAttribute("settings") InsightSettings form, BindingResult errors,
                       RedirectAttributes flash) {
        if (!errors.hasErrors()) {
            try {
                settings.save(form);
                flash.addFlashAttribute("notice", "settings.saved");
                return "redirect:/settings";
            } catch (RuntimeException e) {
                FormErrors.record(e, errors);
            }
        }
        return "customer/settings";
    }
}
