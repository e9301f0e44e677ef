package com.serviceloop.customer;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.platform.ScriptJson;
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
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The service profile page: an outlet's profile (or its type's template) with the measured
 * customer mix, the concepts per tier, the silhouette beside the SERVQUAL perceptions and the needs review.
 */
@Controller
class ServiceProfilePages {
    private final ServiceProfileService profiles;
    private final ProfileFigures figures;
    private final OrgService org;
    private final MessageSource messages;
    private final ScriptJson scriptJson;

    ServiceProfilePages(ServiceProfileService profiles, ProfileFigures figures, OrgService org, MessageSource messages,
                        ScriptJson scriptJson) {
        this.profiles = profiles;
        this.figures = figures;
        this.org = org;
        this.messages = messages;
        this.scriptJson = scriptJson;
    }

    @GetMapping("/customers/profile")
    public String page(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long outletId,
                       @RequestParam(required = false) String type, @RequestParam(required = false) Integer version,
                       Model model, Locale locale) {
        List<OrgUnit> outlets = org.visibleOutlets(user);
        model.addAttribute("outlets", outlets);
        model.addAttribute("types", profiles.outletTypes());
        Long chosen = outletId != null ? outletId : type == null && !outlets.isEmpty() ? outlets.getFirst().id() : null;
        if (chosen == null) {
            String t = type != null ? type : profiles.outletTypes().stream().findFirst().orElse(null);
            model.addAttribute("type", t);
            if (t != null) {
                model.addAttribute("profile", profiles.template(t, version));
                model.addAttribute("versions", profiles.templateVersions(t));
            }
            return "customer/profile";
        }
        ServiceProfile profile = profiles.outlet(user, chosen, version);
        model.addAttribute("outletId", chosen);
        model.addAttribute("type", profile.outletType());
        model.addAttribute("profile", profile);
        model.addAttribute("versions", profiles.outletVersions(user, chosen));
        ProfileViews.ActualMix mix = figures.actualMix(user, chosen);
        ProfileViews.Silhouette silhouette = figures.silhouette(user, chosen);
        model.addAttribute("mix", mix);
        model.addAttribute("concepts", figures.concepts(user, chosen));
        model.addAttribute("silhouette", silhouette);
        model.addAttribute("needs", figures.needs(user, chosen));
        model.addAttribute("chartJson", scriptJson.write(charts(mix, silhouette, locale)));
        return "customer/profile";
    }

    /** Labels in the page's language and the numbers the charts draw; the script only lays them out. */
    private Map<String, Object> charts(ProfileViews.ActualMix mix, ProfileViews.Silhouette silhouette, Locale locale) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> parts = new ArrayList<>();
        for (ProfileViews.MixPart p : mix.parts()) {
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("id", "mix-" + p.field());
            part.put("labels", p.bands().stream().map(b -> say(p.field() + "." + b.band(), locale)).toList());
            part.put("shares", p.bands().stream().map(ProfileViews.Band::share).toList());
            part.put("targeted", p.bands().stream().map(ProfileViews.Band::targeted).toList());
            parts.add(part);
        }
        out.put("mix", parts);
        out.put("shareName", say("profile.actualShare", locale));
        out.put("factors", ProfileFigures.FACTORS.stream().map(f -> say("profile.factor." + f, locale)).toList());
        out.put("tiers", silhouette.rows().stream().map(r -> Map.of("name", say("tier." + r.tier().name(), locale),
                "value", r.weights())).toList());
        if (silhouette.perceptions() != null) {
            List<String> dims = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            for (ServqualDimension d : ServqualDimension.values()) {
                dims.add(say("surveys.dim." + d.name(), locale));
                values.add(silhouette.perceptions().get(d.name()));
            }
            out.put("dimensions", dims);
            out.put("perceptions", values);
            out.put("perceptionName", say("profile.perception", locale));
        }
        return out;
    }

    private String say(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
