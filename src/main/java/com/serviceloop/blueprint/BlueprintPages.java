package com.serviceloop.blueprint;

import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.FormErrors;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Blueprint screens: the list per outlet type, and one blueprint as swim lanes with its steps. */
@Controller
class BlueprintPages {
    private final BlueprintService blueprints;

    public BlueprintPages(BlueprintService blueprints) {
        this.blueprints = blueprints;
    }

    @GetMapping("/blueprints")
    public String list(@RequestParam(required = false) String outletType, Model model) {
        model.addAttribute("outletType", outletType);
        model.addAttribute("blueprints", blueprints.list(outletType));
        if (!model.containsAttribute("blueprintForm")) {
            model.addAttribute("blueprintForm", new BlueprintForm(outletType, null, null, null));
        }
        return "blueprint/list";
    }

    @Roles.ChainWide
    @PostMapping("/blueprints")
    public String create(@Valid @ModelAttribute("blueprintForm") BlueprintForm form, BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            return "redirect:/blueprints/" + blueprints.create(form).id();
        }
        return list(form.outletType(), model);
    }

    @GetMapping("/blueprints/{id}")
    public String view(@PathVariable long id, Model model) {
        Blueprint b = blueprints.get(id);
        model.addAttribute("blueprint", b);
        model.addAttribute("chain", ChainSatisfaction.of(b.steps()));
        model.addAttribute("cumulative", cumulative(b.steps()));
        model.addAttribute("auditDays", blueprints.auditDays());
        if (!model.containsAttribute("stepForm")) {
            model.addAttribute("stepForm", new StepForm(null, null, null, null, null, null, null, null, null, null, null, null));
        }
        return "blueprint/view";
    }

    /** Satisfaction left after each step, for the chart: how the chain wears it down. */
    static List<BigDecimal> cumulative(List<BlueprintStep> steps) {
        List<BigDecimal> out = new ArrayList<>();
        BigDecimal p = BigDecimal.ONE;
        for (BlueprintStep s : steps) {
            if (s.satisfaction() != null) {
                p = p.multiply(s.satisfaction(), MathContext.DECIMAL64);
            }
            out.add(p.setScale(4, RoundingMode.HALF_UP));
        }
        return out;
    }

    @Roles.ChainWide
    @PostMapping("/blueprints/{id}/steps")
    public String addStep(@PathVariable long id, @Valid @ModelAttribute("stepForm") StepForm form, BindingResult errors,
                          Model model) {
        if (!errors.hasErrors()) {
            try {
                blueprints.addStep(id, form);
                return "redirect:/blueprints/" + id;
            } catch (RuntimeException e) {
                FormErrors.record(e, errors);
            }
        }
        return view(id, model);
    }

    @Roles.ChainWide
    @PostMapping("/blueprints/{id}/steps/{stepId}")
    public String updateStep(@PathVariable long id, @PathVariable long stepId, @Valid @ModelAttribute StepForm form,
                             BindingResult errors, Model model) {
        if (errors.hasErrors()) {
            model.addAttribute("stepProblem", stepId);
            return view(id, model);
        }
        blueprints.updateStep(id, stepId, form);
        return "redirect:/blueprints/" + id + "#step-" + stepId;
    }

    @Roles.ChainWide
    @PostMapping("/blueprints/{id}/steps/{stepId}/delete")
    public String deleteStep(@PathVariable long id, @PathVariable long stepId) {
        blueprints.deleteStep(id, stepId);
        return "redirect:/blueprints/" + id;
    }

    @Roles.ChainWide
    @PostMapping("/blueprints/{id}/steps/{stepId}/move")
    public String move(@PathVariable long id, @PathVariable long stepId, @RequestParam String direction) {
        List<Long> order = new ArrayList<>(blueprints.steps(id).stream().map(BlueprintStep::id).toList());
        int i = order.indexOf(stepId);
        int j = "up".equals(direction) ? i - 1 : i + 1;
        if (i >= 0 && j >= 0 && j < order.size()) {
            order.set(i, order.get(j));
            order.set(j, stepId);
            blueprints.reorder(id, order);
        }
        return "redirect:/blueprints/" + id;
    }
}
