package com.serviceloop.audit;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.Messages;
import com.serviceloop.standard.StandardService;
import com.serviceloop.standard.TargetUnit;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The audit form editor for chain-wide authors: the forms and their versions, a new draft from the standards,
 * weights, order and flags of the draft's items (a number field gives the order), publishing.
 */
@Controller
class AuditFormPages {
    private final AuditForms forms;
    private final StandardService standards;
    private final MessageSource messages;
    private final Validator validator;

    AuditFormPages(AuditForms forms, StandardService standards, MessageSource messages, Validator validator) {
        this.forms = forms;
        this.standards = standards;
        this.messages = messages;
        this.validator = validator;
    }

    @GetMapping("/audits/forms")
    public String list(Model model) {
        model.addAttribute("forms", forms.list(null));
        model.addAttribute("outletTypes", standards.outletTypes());
        return "audit/forms";
    }

    @GetMapping("/audits/forms/{id}")
    public String form(@PathVariable long id, Locale locale, Model model) {
        AuditForm form = forms.get(id);
        model.addAttribute("form", form);
        model.addAttribute("draft", form.hasDraft() ? forms.draft(id) : null);
        model.addAttribute("published", form.publishedVersionNo() == null ? null : forms.latest(id));
        model.addAttribute("zh", !"en".equals(locale.getLanguage()));
        model.addAttribute("answerTypes", AnswerType.values());
        model.addAttribute("units", TargetUnit.values());
        return "audit/form";
    }

    @Roles.ChainWide
    @PostMapping("/audits/forms")
    public String create(@AuthenticationPrincipal AppUser user, @RequestParam(defaultValue = "") String outletType,
                         @RequestParam(defaultValue = "") String name, Locale locale, RedirectAttributes flash) {
        try {
            NewForm f = new NewForm(outletType.strip(), name.strip());
            check(f);
            return "redirect:/audits/forms/" + forms.create(user, f).formId();
        } catch (BadInputException e) {
            flash.addFlashAttribute("error", Messages.refusal(e, messages, locale));
            return "redirect:/audits/forms";
        }
    }

    /**
     * The whole draft from the page: fields s{n}.weight, i{id}.order/.weight/.critical/.na/.required/.remove, and
     * per section an item of the author's own, n{n}.text/.type/.weight/.critical/.na/.required/.target/.unit, added
     * at the end of the section when its text is given (the section's add button, {@code add}={n}, insists on it).
     */
    @Roles.ChainWide
    @PostMapping("/audits/forms/{id}/draft")
    public String save(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                       @RequestParam Map<String, String> fields, Locale locale, RedirectAttributes flash) {
        try {
            FormVersion current = forms.draft(id);
            if (fields.containsKey("add") && current.sections().stream()
                    .noneMatch(s -> String.valueOf(s.id()).equals(fields.get("add")))) {
                throw ConflictException.of("error.audit.formChanged", String.valueOf(id));
            }
            List<DraftForm.Section> sections = new ArrayList<>();
            for (FormSection s : current.sections()) {
                List<FormItem> kept = s.items().stream().filter(i -> !fields.containsKey("i" + i.id() + ".remove"))
                        .sorted(Comparator.comparingInt(i -> number(fields, "i" + i.id() + ".order", i.sortOrder()).intValue()))
                        .toList();
                List<DraftForm.Item> items = new ArrayList<>(kept.stream().map(i -> new DraftForm.Item(i.standardId(),
                        i.text(), i.answerType(), decimal(fields, "i" + i.id() + ".weight", i.weight()),
                        fields.containsKey("i" + i.id() + ".critical"), fields.containsKey("i" + i.id() + ".na"),
                        fields.containsKey("i" + i.id() + ".required"), i.standardId() == null ? i.targetValue() : null,
                        i.standardId() == null ? i.targetUnit() : null)).toList());
                ownItem(fields, s.id()).ifPresent(items::add);
                if (!items.isEmpty()) {
                    sections.add(new DraftForm.Section(s.areaCode(), decimal(fields, "s" + s.id() + ".weight", s.weight()), items));
                }
            }
            // the version the page was loaded with: a save by someone else in between is refused, not merged
            DraftForm draft = new DraftForm(fields.getOrDefault("name", current.name()), sections,
                    decimal(fields, "version", BigDecimal.valueOf(forms.get(id).version())).intValue());
            check(draft);
            forms.saveDraft(user, id, draft);
            flash.addFlashAttribute("notice", messages.getMessage(fields.containsKey("add") ? "audits.forms.added"
                    : "audits.forms.saved", null, locale));
        } catch (BadInputException | ConflictException e) {
            flash.addFlashAttribute("error", Messages.refusal(e, messages, locale));
        }
        return "redirect:/audits/forms/" + id;
    }

    @Roles.ChainWide
    @PostMapping("/audits/forms/{id}/publish")
    public String publish(@AuthenticationPrincipal AppUser user, @PathVariable long id, Locale locale,
                          RedirectAttributes flash) {
        try {
            FormVersion v = forms.publish(user, id);
            flash.addFlashAttribute("notice", messages.getMessage("audits.forms.published", new Object[] {v.versionNo()}, locale));
        } catch (BadInputException | ConflictException e) {
            flash.addFlashAttribute("error", Messages.refusal(e, messages, locale));
        }
        return "redirect:/audits/forms/" + id;
    }

    private static Optional<DraftForm.Item> ownItem(Map<String, String> fields, long sectionId) {
        String at = "n" + sectionId + ".";
        String text = fields.getOrDefault(at + "text", "").strip();
        if (text.isEmpty()) {
            if (String.valueOf(sectionId).equals(fields.get("add"))) {
                throw BadInputException.of("text", "error.audit.itemText");
            }
            return Optional.empty();
        }
        AnswerType type = choice(AnswerType.class, fields.get(at + "type"), AnswerType.MET, "answerType");
        TargetUnit unit = choice(TargetUnit.class, fields.get(at + "unit"), null, "targetUnit");
        BigDecimal target = decimal(fields, at + "target", null, "targetValue");
        return Optional.of(new DraftForm.Item(null, text, type, decimal(fields, at + "weight", BigDecimal.ONE, "weight"),
                fields.containsKey(at + "critical"), fields.containsKey(at + "na"), fields.containsKey(at + "required"),
                target, unit));
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, E fallback, String field) {
        try {
            return value == null || value.isBlank() ? fallback : Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw BadInputException.of(field, "error.audit.formField", field);
        }
    }

    private <T> void check(T form) {
        for (ConstraintViolation<T> v : validator.validate(form)) {
            throw BadInputException.of(v.getPropertyPath().toString(), "error.audit.formField", v.getPropertyPath().toString());
        }
    }

    private static BigDecimal decimal(Map<String, String> fields, String name, BigDecimal fallback) {
        return decimal(fields, name, fallback, name);
    }

    /** {@code label}: the field as the refusal names it. */
    private static BigDecimal decimal(Map<String, String> fields, String name, BigDecimal fallback, String label) {
        String v = fields.get(name);
        try {
            return v == null || v.isBlank() ? fallback : new BigDecimal(v.strip());
        } catch (NumberFormatException e) {
            throw BadInputException.of(label, "error.audit.formField", label);
        }
    }

    private static BigDecimal number(Map<String, String> fields, String name, int fallback) {
        BigDecimal n = decimal(fields, name, BigDecimal.valueOf(fallback));
        if (n.abs().compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw BadInputException.of(name, "error.audit.formField", name);
        }
        return n;
    }
}
