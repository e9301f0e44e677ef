package com.serviceloop.customer;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.FormErrors;
import jakarta.validation.Valid;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Editing a service profile in the browser: the whole profile in one form (all nine
 * characteristics, four tiers, eight needs), saved as a new version like a PUT of the API.
 */
@Controller
class ServiceProfileEditPages {
    private final ServiceProfileService profiles;

    ServiceProfileEditPages(ServiceProfileService profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/customers/profile/edit")
    public String edit(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long outletId,
                       @RequestParam(required = false) String type, Model model) {
        ServiceProfile p = outletId != null ? profiles.outlet(user, outletId, null) : profiles.template(type, null);
        return form(model, p, complete(p.content()));
    }

    @Roles.Managers
    @PostMapping("/customers/profile/outlet/{outletId}")
    public String saveOutlet(@AuthenticationPrincipal AppUser user, @PathVariable long outletId,
                             @Valid @ModelAttribute("profileForm") ServiceProfileForm form, BindingResult errors,
                             Model model, RedirectAttributes flash) {
        if (!errors.hasErrors()) {
            try {
                profiles.saveOutlet(user, outletId, form);
                flash.addFlashAttribute("notice", "profile.saved");
                return "redirect:/customers/profile?outletId=" + outletId;
            } catch (RuntimeException e) {
                FormErrors.record(e, errors);
            }
        }
        return form(model, profiles.outlet(user, outletId, null), form);
    }

    @Roles.ChainWide
    @PostMapping("/customers/profile/template/{type}")
    public String saveTemplate(@AuthenticationPrincipal AppUser user, @PathVariable String type,
                               @Valid @ModelAttribute("profileForm") ServiceProfileForm form, BindingResult errors,
                               Model model, RedirectAttributes flash) {
        if (!errors.hasErrors()) {
            try {
                profiles.saveTemplate(user, type, form);
                flash.addFlashAttribute("notice", "profile.saved");
                return "redirect:/customers/profile?type=" + URLEncoder.encode(type, StandardCharsets.UTF_8);
            } catch (RuntimeException e) {
                FormErrors.record(e, errors);
            }
        }
        return form(model, profiles.template(type, null), form);
    }

    private static String form(Model model, ServiceProfile p, ServiceProfileForm form) {
        model.addAttribute("profile", p);
        model.addAttribute("profileForm", form.normalised());
        model.addAttribute("ageBands", Customer.AgeBand.values());
        model.addAttribute("incomeBands", Customer.IncomeBand.values());
        model.addAttribute("educations", Customer.Education.values());
        model.addAttribute("socialClasses", Customer.SocialClass.values());
        model.addAttribute("dimensions", ServqualDimension.values());
        return "customer/profile-edit";
    }

    /** Every characteristic, tier and need gets a row; what was not written yet starts in the middle of the scale. */
    static ServiceProfileForm complete(ServiceProfileForm f) {
        Map<ServiceCharacteristic, ServiceProfileForm.Characteristic> chars = f.characteristics().stream()
                .collect(Collectors.toMap(ServiceProfileForm.Characteristic::code, Function.identity()));
        List<ServiceProfileForm.Characteristic> c = new ArrayList<>();
        for (ServiceCharacteristic s : ServiceCharacteristic.values()) {
            c.add(chars.getOrDefault(s, new ServiceProfileForm.Characteristic(s, 3, null)));
        }
        Map<FrequencyTier, ServiceProfileForm.SilhouetteRow> rows = f.silhouette().stream()
                .collect(Collectors.toMap(ServiceProfileForm.SilhouetteRow::tier, Function.identity()));
        List<ServiceProfileForm.SilhouetteRow> s = new ArrayList<>();
        for (FrequencyTier t : FrequencyTier.values()) {
            s.add(rows.getOrDefault(t, new ServiceProfileForm.SilhouetteRow(t, 3, 3, 3, 3, 3)));
        }
        Map<CustomerNeed, ServiceProfileForm.NeedRating> needs = f.needs().stream()
                .collect(Collectors.toMap(ServiceProfileForm.NeedRating::need, Function.identity()));
        List<ServiceProfileForm.NeedRating> n = new ArrayList<>();
        for (CustomerNeed need : CustomerNeed.values()) {
            n.add(needs.getOrDefault(need, new ServiceProfileForm.NeedRating(need, 3, null, null, null)));
        }
        return new ServiceProfileForm(f.statement(), f.tradeArea(), f.targetAgeBands(), f.targetIncomeBands(),
                f.targetEducations(), f.targetSocialClasses(), c, s, n, f.version());
    }
}
