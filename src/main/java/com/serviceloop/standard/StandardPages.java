package com.serviceloop.standard;

import com.serviceloop.blueprint.BlueprintService;
import com.serviceloop.blueprint.BlueprintStep;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.FormErrors;
import com.serviceloop.platform.Messages;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
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

/** Standards screens: the catalogue per outlet type, writing with live advice, history, priorities, starters. */
@Controller
class StandardPages {
    private final StandardService standards;
    private final PriorityService priorities;
    private final StarterLibrary library;
    private final StarterService starter;
    private final BlueprintService blueprints;
    private final MessageSource messages;

    public StandardPages(StandardService standards, PriorityService priorities, StarterLibrary library,
                         StarterService starter, BlueprintService blueprints, MessageSource messages) {
        this.standards = standards;
        this.priorities = priorities;
        this.library = library;
        this.starter = starter;
        this.blueprints = blueprints;
        this.messages = messages;
    }

    /** One area with the outlet type's standards in it, for the catalogue. */
    public record AreaRow(StandardArea area, List<Standard> standards) {
    }

    @GetMapping("/standards")
    public String catalogue(@RequestParam(required = false) String outletType,
                            @RequestParam(defaultValue = "false") boolean retired, Model model) {
        List<String> types = standards.outletTypes();
        String type = outletType != null && !outletType.isBlank() ? outletType : types.isEmpty() ? null : types.getFirst();
        List<Standard> list = type == null ? List.of() : standards.list(type, retired);
        List<AreaRow> rows = new ArrayList<>();
        for (StandardArea a : standards.areas()) {
            rows.add(new AreaRow(a, list.stream().filter(s -> s.areaCode().equals(a.code())).toList()));
        }
        model.addAttribute("outletTypes", types);
        model.addAttribute("outletType", type);
        model.addAttribute("retired", retired);
        model.addAttribute("rows", rows);
        model.addAttribute("industries", library.summaries());
        model.addAttribute("suggestedIndustry", library.industryFor(type));
        return "standard/catalogue";
    }

    @Roles.ChainWide
    @PostMapping("/standards/starter")
    public String applyStarter(@AuthenticationPrincipal AppUser user, @RequestParam String industry,
                               @RequestParam String outletType, Locale locale, RedirectAttributes flash) {
        try {
            var applied = starter.apply(user, industry, outletType.strip(), locale);
            flash.addFlashAttribute("notice", applied.standards().size());
        } catch (RuntimeException e) {
            flash.addFlashAttribute("problem", Messages.refusal(e, messages, locale));
        }
        return "redirect:/standards?outletType=" + outletType.strip();
    }

    @Roles.ChainWide
    @GetMapping("/standards/new")
    public String newForm(@RequestParam(required = false) String outletType,
                          @RequestParam(required = false) String area, Model model) {
        model.addAttribute("form", new StandardForm(outletType, area == null ? "TIMELINESS" : area, null, Kind.HARD, null,
                null, null, null, null, null, null, null));
        return form(null, outletType, model, Locale.ENGLISH);
    }

    @GetMapping("/standards/{id}")
    public String detail(@AuthenticationPrincipal AppUser user, @PathVariable long id, Model model, Locale locale) {
        Standard s = standards.get(id);
        model.addAttribute("standard", s);
        model.addAttribute("area", standards.area(s.areaCode()));
        model.addAttribute("versions", standards.history(id));
        model.addAttribute("compliance", standards.compliance(user, id, null, null));
        model.addAttribute("findings", standards.check(toForm(s), id, locale));
        return "standard/detail";
    }

    @Roles.ChainWide
    @GetMapping("/standards/{id}/edit")
    public String editForm(@PathVariable long id, Model model, Locale locale) {
        Standard s = standards.get(id);
        model.addAttribute("form", toForm(s));
        return form(id, s.outletType(), model, locale);
    }

    @Roles.ChainWide
    @PostMapping({"/standards", "/standards/{id}"})
    public String save(@AuthenticationPrincipal AppUser user, @PathVariable(required = false) Long id,
                       @Valid @ModelAttribute("form") StandardForm form, BindingResult errors, Model model,
                       Locale locale) {
        if (!errors.hasErrors()) {
            try {
                Standard s = id == null ? standards.create(user, form) : standards.revise(user, id, form);
                return "redirect:/standards/" + s.id();
            } catch (RuntimeException e) {
                FormErrors.record(e, errors);
            }
        }
        return form(id, form.outletType(), model, locale);
    }

    /** The advice panel, refreshed by htmx while the manager types. */
    @Roles.SignedIn
    @PostMapping("/standards/advice")
    public String advice(@ModelAttribute("form") StandardForm form, BindingResult unparsable,
                         @RequestParam(required = false) Long standardId, Model model, Locale locale) {
        model.addAttribute("findings", standards.check(form, standardId, locale));
        model.addAttribute("oob", true);
        return "standard/form :: advice";
    }

    @Roles.ChainWide
    @PostMapping("/standards/{id}/retire")
    public String retire(@PathVariable long id) {
        standards.retire(id);
        return "redirect:/standards/" + id;
    }

    private String form(Long id, String outletType, Model model, Locale locale) {
        model.addAttribute("standardId", id);
        model.addAttribute("areas", standards.areas());
        model.addAttribute("kinds", Kind.values());
        model.addAttribute("units", TargetUnit.values());
        List<BlueprintStep> steps = outletType == null ? List.of()
                : blueprints.list(outletType).stream().flatMap(b -> blueprints.steps(b.id()).stream()).toList();
        model.addAttribute("steps", steps);
        if (!model.containsAttribute("findings") && model.getAttribute("form") instanceof StandardForm f
                && f.behaviour() != null) {
            model.addAttribute("findings", standards.check(f, id, locale));
        }
        return "standard/form";
    }

    private static StandardForm toForm(Standard s) {
        return new StandardForm(s.outletType(), s.areaCode(), s.behaviour(), s.kind(), s.measure(), s.targetValue(),
                s.targetUnit(), s.targetRate(), s.blueprintStepId(), s.owner(), null, s.version());
    }

    @GetMapping("/standards/priorities")
    public String priorities(@RequestParam String outletType, Model model) {
        model.addAttribute("p", priorities.get(outletType));
        return "standard/priorities";
    }

    @Roles.ChainWide
    @PostMapping("/standards/priorities")
    public String savePriorities(@RequestParam String outletType, @RequestParam int proceduralWeight,
                                 @RequestParam(required = false) List<Long> proceduralOrder,
                                 @RequestParam(required = false) List<Long> personalOrder,
                                 @RequestParam(required = false) Integer version, Locale locale,
                                 RedirectAttributes flash) {
        try {
            priorities.save(outletType, new PriorityForm(proceduralWeight, proceduralOrder == null ? List.of() : proceduralOrder,
                    personalOrder == null ? List.of() : personalOrder, version));
            flash.addFlashAttribute("notice", "priorities.saved");
        } catch (RuntimeException e) {
            flash.addFlashAttribute("problem", Messages.refusal(e, messages, locale));
        }
        return "redirect:/standards/priorities?outletType=" + outletType;
    }
}
