package com.serviceloop.organisation;

import com.serviceloop.platform.FormErrors;
import jakarta.validation.Valid;
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

/** The single sign-on mapping rules, for administrators: the list in the order tried, add, edit, remove. */
@Controller
@Roles.Admin
class SignInRulePages {
    private final SignInRules rules;
    private final OrgService org;
    private final SingleSignOn sso;

    SignInRulePages(SignInRules rules, OrgService org, SingleSignOn sso) {
        this.rules = rules;
        this.org = org;
        this.sso = sso;
    }

    @GetMapping("/sign-in-rules")
    public String signInRulesPage(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long edit,
                                  Model model) {
        if (!model.containsAttribute("ruleForm")) {
            SignInRule r = edit == null ? null : rules.get(edit);
            model.addAttribute("ruleForm", r == null ? new SignInRuleForm(null, SignInRules.GROUPS, null, Role.STAFF.name(), null, null)
                    : new SignInRuleForm(r.position(), r.claim(), r.pattern(), r.role().name(), r.unitCode(), r.version()));
            model.addAttribute("editId", edit);
        }
        model.addAttribute("rules", rules.list());
        model.addAttribute("roles", Role.values());
        model.addAttribute("units", org.visibleUnits(user));
        model.addAttribute("providers", sso.buttons());
        return "organisation/sign-in-rules";
    }

    @PostMapping("/sign-in-rules")
    public String saveSignInRule(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long editId,
                                 @Valid @ModelAttribute("ruleForm") SignInRuleForm form, BindingResult errors, Model model,
                                 RedirectAttributes flash) {
        if (!errors.hasErrors()) {
            try {
                SignInRule saved = editId == null ? rules.create(form) : rules.update(editId, form);
                flash.addFlashAttribute("notice", saved.pattern());
                return "redirect:/sign-in-rules";
            } catch (RuntimeException e) {
                FormErrors.record(e, errors);
            }
        }
        model.addAttribute("editId", editId);
        return signInRulesPage(user, null, model);
    }

    @PostMapping("/sign-in-rules/{id}/delete")
    public String deleteSignInRule(@PathVariable long id) {
        rules.delete(id);
        return "redirect:/sign-in-rules";
    }
}
