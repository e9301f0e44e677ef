package com.serviceloop.organisation;

import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.FormErrors;
import com.serviceloop.platform.PageRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration screens: the organisation tree, people with their roles and scope, API tokens. */
@Controller
@Roles.Admin
@RequestMapping
class AdminPages {
    private final OrgService org;
    private final PersonService people;
    private final ApiTokenService tokens;
    private final MessageSource messages;

    public AdminPages(OrgService org, PersonService people, ApiTokenService tokens, MessageSource messages) {
        this.org = org;
        this.people = people;
        this.tokens = tokens;
        this.messages = messages;
    }

    public record TokenForm(@NotBlank
                            @Size(max = 100) String name, Long personId) {
    }

    @GetMapping("/organisation")
    public String tree(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long edit, Model model) {
        if (!model.containsAttribute("unitForm")) {
            OrgUnit u = edit == null ? null : org.get(user, edit);
            model.addAttribute("unitForm", u == null ? new OrgUnitForm(null, UnitKind.OUTLET, null, null, null, null, null)
                    : new OrgUnitForm(u.parentId(), u.kind(), u.name(), u.code(), u.outletType(), u.address(), u.version()));
            model.addAttribute("editId", edit);
        }
        model.addAttribute("units", org.visibleUnits(user));
        model.addAttribute("kinds", UnitKind.values());
        return "organisation/tree";
    }

    @PostMapping("/organisation")
    public String saveUnit(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long editId,
                           @Valid @ModelAttribute("unitForm") OrgUnitForm form, BindingResult errors, Model model,
                           RedirectAttributes flash) {
        if (!errors.hasErrors()) {
            try {
                OrgUnit saved = editId == null ? org.create(form) : org.update(editId, form);
                flash.addFlashAttribute("notice", saved.name());
                return "redirect:/organisation";
            } catch (RuntimeException e) {
                FormErrors.record(e, errors);
            }
        }
        model.addAttribute("editId", editId);
        return tree(user, null, model);
    }

    @PostMapping("/organisation/{id}/delete")
    public String deleteUnit(@PathVariable long id, RedirectAttributes flash, Locale locale) {
        try {
            org.delete(id);
        } catch (ConflictException e) {
            flash.addFlashAttribute("problem", e.key() == null ? e.getMessage()
                    : messages.getMessage(e.key(), e.args(), e.getMessage(), locale));
        }
        return "redirect:/organisation";
    }

    @GetMapping("/people")
    public String people(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                         Model model) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("page", people.search(q, PageRequest.of(page, null)));
        model.addAttribute("base", "/people?q=" + URLEncoder.encode(q == null ? "" : q,
                StandardCharsets.UTF_8));
        return "organisation/people";
    }

    @GetMapping("/people/new")
    public String newPerson(@AuthenticationPrincipal AppUser user, Model model) {
        model.addAttribute("personForm", new PersonForm(null, null, null, Role.STAFF, null, null, null, null, true, null));
        return personForm(user, null, model);
    }

    @GetMapping("/people/{id}")
    public String editPerson(@AuthenticationPrincipal AppUser user, @PathVariable long id, Model model) {
        Person p = people.get(id);
        model.addAttribute("personForm", new PersonForm(p.displayName(), p.username(), null, p.role(), p.scopeUnitId(),
                p.teamId(), p.email(), p.phone(), p.active(), p.version()));
        return personForm(user, id, model);
    }

    @PostMapping({"/people", "/people/{id}"})
    public String savePerson(@AuthenticationPrincipal AppUser user, @PathVariable(required = false) Long id,
                             @Valid @ModelAttribute("personForm") PersonForm form, BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            try {
                if (id == null) {
                    people.create(form);
                } else {
                    people.update(id, form);
                }
                return "redirect:/people";
            } catch (RuntimeException e) {
                FormErrors.record(e, errors);
            }
        }
        return personForm(user, id, model);
    }

    private String personForm(AppUser user, Long id, Model model) {
        List<OrgUnit> units = org.visibleUnits(user);
        model.addAttribute("personId", id);
        model.addAttribute("roles", Role.values());
        model.addAttribute("units", units);
        model.addAttribute("teams", units.stream().filter(u -> u.kind() == UnitKind.TEAM).toList());
        return "organisation/person";
    }

    @GetMapping("/tokens")
    public String tokens(Model model) {
        if (!model.containsAttribute("tokenForm")) {
            model.addAttribute("tokenForm", new TokenForm(null, null));
        }
        model.addAttribute("tokens", tokens.list());
        model.addAttribute("people", people.search(null, PageRequest.of(0, PageRequest.MAX_SIZE)).items().stream()
                .filter(Person::active).toList());
        return "organisation/tokens";
    }

    @PostMapping("/tokens")
    public String issue(@Valid @ModelAttribute("tokenForm") TokenForm form, BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            try {
                model.addAttribute("issued", tokens.issue(form.name(), form.personId() == null ? -1 : form.personId()));
                model.addAttribute("tokenForm", new TokenForm(null, null));
            } catch (RuntimeException e) {
                FormErrors.record(e, errors);
            }
        }
        return tokens(model);
    }

    @PostMapping("/tokens/{id}/revoke")
    public String revoke(@PathVariable long id) {
        tokens.revoke(id);
        return "redirect:/tokens";
    }
}
