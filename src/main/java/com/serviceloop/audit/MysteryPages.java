package com.serviceloop.audit;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.Messages;
import com.serviceloop.platform.NotFoundException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Programmes for those who look over the outlets: the list with the shoppers' nicknames, the editor, a programme's page. */
@Controller
@Roles.Oversight
class MysteryPages {
    private final MysteryProgrammes programmes;
    private final MysteryShoppers shoppers;
    private final MysteryVisits visits;
    private final MysteryFigures figures;
    private final AuditForms forms;
    private final OrgService org;
    private final MessageSource messages;
    private final Validator validator;

    MysteryPages(MysteryProgrammes programmes, MysteryShoppers shoppers, MysteryVisits visits, MysteryFigures figures,
                 AuditForms forms, OrgService org, MessageSource messages, Validator validator) {
        this.programmes = programmes;
        this.shoppers = shoppers;
        this.visits = visits;
        this.figures = figures;
        this.forms = forms;
        this.org = org;
        this.messages = messages;
        this.validator = validator;
    }

    @GetMapping("/mystery")
    public String list(Model model) {
        model.addAttribute("programmes", programmes.list());
        model.addAttribute("shoppers", shoppers.list());
        return "mystery/list";
    }

    @Roles.ChainWide
    @GetMapping({"/mystery/programmes/new", "/mystery/programmes/{id}/edit"})
    public String editor(@AuthenticationPrincipal AppUser user, @PathVariable(required = false) Long id, Model model) {
        MysteryProgramme p = id == null ? null : programmes.get(id);
        model.addAttribute("p", p);
        model.addAttribute("selected", p == null ? Set.of() : p.outlets().stream().map(MysteryProgramme.ProgrammeOutlet::id)
                .collect(Collectors.toSet()));
        model.addAttribute("forms", forms.list(null).stream().filter(f -> f.publishedVersionNo() != null).toList());
        model.addAttribute("outlets", org.visibleOutlets(user));
        model.addAttribute("today", LocalDate.now());
        return "mystery/editor";
    }

    @Roles.ChainWide
    @PostMapping({"/mystery/programmes", "/mystery/programmes/{id}"})
    public String save(@AuthenticationPrincipal AppUser user, @PathVariable(required = false) Long id,
                       @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String objectives,
                       @RequestParam(defaultValue = "") String formId, @RequestParam(defaultValue = "") String windowFrom,
                       @RequestParam(defaultValue = "") String windowTo, @RequestParam(defaultValue = "") String quotaPerMonth,
                       @RequestParam(defaultValue = "") String revisitMonths,
                       @RequestParam(required = false) List<Long> outletIds,
                       @RequestParam(required = false) List<String> asksFor, @RequestParam(required = false) List<String> says,
                       @RequestParam(required = false) List<String> objection,
                       @RequestParam(required = false) Integer version, Locale locale, RedirectAttributes flash) {
        try {
            List<MysteryProgrammeForm.MysteryScenarioForm> scenarios = new ArrayList<>();
            for (int i = 0; asksFor != null && i < asksFor.size(); i++) {
                String s = says == null || i >= says.size() ? "" : says.get(i);
                String o = objection == null || i >= objection.size() ? "" : objection.get(i);
                if (!(asksFor.get(i).isBlank() && s.isBlank() && o.isBlank())) {
                    scenarios.add(new MysteryProgrammeForm.MysteryScenarioForm(asksFor.get(i).strip(), s.strip(), o.strip()));
                }
            }
            MysteryProgrammeForm f = new MysteryProgrammeForm(name.strip(), objectives.strip(), number("formId", formId),
                    date("windowFrom", windowFrom), date("windowTo", windowTo), integer("quotaPerMonth", quotaPerMonth),
                    revisitMonths.isBlank() ? null : integer("revisitMonths", revisitMonths),
                    outletIds == null ? List.of() : outletIds, scenarios, version);
            valid(f);
            MysteryProgramme p = id == null ? programmes.create(user, f) : programmes.update(user, id, f);
            return "redirect:/mystery/programmes/" + p.id();
        } catch (BadInputException | ConflictException e) {
            flash.addFlashAttribute("error", Messages.refusal(e, messages, locale));
            return id == null ? "redirect:/mystery/programmes/new" : "redirect:/mystery/programmes/" + id + "/edit";
        }
    }

    @Roles.ChainWide
    @PostMapping("/mystery/shoppers/{shopperId}/nickname")
    public String nickname(@PathVariable long shopperId, @RequestParam(defaultValue = "") String nickname, Locale locale,
                           RedirectAttributes flash) {
        try {
            if (nickname.isBlank() || nickname.strip().length() > 40) {
                throw BadInputException.of("nickname", "error.mystery.field.nickname");
            }
            shoppers.nickname(shopperId, nickname);
        } catch (BadInputException | NotFoundException e) {
            flash.addFlashAttribute("error", e instanceof BadInputException b ? Messages.refusal(b, messages, locale)
                    : e.getMessage());
        }
        return "redirect:/mystery#shoppers";
    }

    @GetMapping("/mystery/programmes/{id}")
    public String programme(@AuthenticationPrincipal AppUser user, @PathVariable long id, Model model) {
        MysteryProgramme p = programmes.get(id);
        model.addAttribute("p", p);
        model.addAttribute("progress", figures.progress(user, p));
        model.addAttribute("visits", visits.list(user, id, null, 500));
        model.addAttribute("shoppers", shoppers.list().stream().filter(s -> s.nickname() != null).toList());
        model.addAttribute("today", LocalDate.now());
        return "mystery/programme";
    }

    @PostMapping("/mystery/programmes/{id}/visits")
    public String assign(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                         @RequestParam(defaultValue = "") String outletId, @RequestParam(defaultValue = "") String shopperId,
                         @RequestParam(defaultValue = "") String plannedOn, @RequestParam(defaultValue = "") String scenarioId,
                         Locale locale, RedirectAttributes flash) {
        try {
            MysteryVisitForm f = new MysteryVisitForm(id, number("outletId", outletId), number("shopperId", shopperId),
                    date("plannedOn", plannedOn), scenarioId.isBlank() ? null : number("scenarioId", scenarioId));
            valid(f);
            visits.assign(user, f);
            flash.addFlashAttribute("notice", messages.getMessage("mystery.assigned", null, locale));
        } catch (BadInputException e) {
            flash.addFlashAttribute("error", Messages.refusal(e, messages, locale));
        }
        return "redirect:/mystery/programmes/" + id;
    }

    private <T> void valid(T form) {
        for (ConstraintViolation<T> v : validator.validate(form)) {
            String field = v.getPropertyPath().toString().replaceAll("[\\[.].*", "");
            throw BadInputException.of(field, "error.mystery.field." + field);
        }
    }

    static Long number(String field, String value) {
        try {
            return value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw BadInputException.of(field, "error.mystery.field." + field);
        }
    }

    static Integer integer(String field, String value) {
        Long n = number(field, value);
        if (n != null && (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE)) {
            throw BadInputException.of(field, "error.mystery.field." + field);
        }
        return n == null ? null : n.intValue();
    }

    static LocalDate date(String field, String value) {
        try {
            return value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw BadInputException.of(field, "error.mystery.field." + field);
        }
    }
}
