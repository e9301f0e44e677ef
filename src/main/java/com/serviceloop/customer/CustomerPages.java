package com.serviceloop.customer;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.FormErrors;
import com.serviceloop.platform.ImportReport;
import com.serviceloop.platform.Messages;
import com.serviceloop.platform.PageRequest;
import com.serviceloop.platform.ScriptJson;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Customer screens: search, profile with tier/value/loyalty and visits, the form, and file import. */
@Controller
class CustomerPages {
    private final CustomerService customers;
    private final CustomerImportService customerFiles;
    private final VisitImportService visitFiles;
    private final OrgService org;
    private final Clock clock;
    private final MessageSource messages;
    private final ScriptJson scriptJson;

    public CustomerPages(CustomerService customers, CustomerImportService customerFiles, VisitImportService visitFiles,
                         OrgService org, Clock clock, MessageSource messages, ScriptJson scriptJson) {
        this.clock = clock;
        this.messages = messages;
        this.scriptJson = scriptJson;
        this.customers = customers;
        this.customerFiles = customerFiles;
        this.visitFiles = visitFiles;
        this.org = org;
    }

    @GetMapping("/customers")
    public String list(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) String q,
                       @RequestParam(required = false) Integer page,
                       @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
                       Locale locale) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("page", customers.search(user, q, PageRequest.of(page, null)));
        model.addAttribute("base", "/customers?q=" + URLEncoder.encode(q == null ? "" : q,
                StandardCharsets.UTF_8));
        if (htmx != null) {
            return "customer/list :: results";
        }
        model.addAttribute("tierLabels", scriptJson.write(tierLabels(locale)));
        return "customer/list";
    }

    /** The frequency tiers' names for the chart of customers per outlet and tier. */
    private Map<String, String> tierLabels(Locale locale) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (FrequencyTier t : FrequencyTier.values()) {
            labels.put(t.name().toLowerCase(Locale.ROOT), messages.getMessage("tier." + t.name(), null, locale));
        }
        return labels;
    }

    @GetMapping("/customers/{id}")
    public String detail(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                         @RequestParam(required = false) Integer page,
                         @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("visits", customers.visits(user, id, PageRequest.of(page, 10)));
        model.addAttribute("customerId", id);
        if (htmx != null) {
            return "customer/detail :: visits";
        }
        model.addAttribute("customer", customers.get(user, id));
        model.addAttribute("insight", customers.insight(user, id));
        if (!model.containsAttribute("visitForm")) {
            model.addAttribute("visitForm", new VisitForm(null, LocalDateTime.now(clock).withSecond(0).withNano(0), null, 1, null));
        }
        model.addAttribute("outlets", org.visibleOutlets(user));
        return "customer/detail";
    }

    @Roles.FrontLine
    @PostMapping("/customers/{id}/visits")
    public String addVisit(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                           @Valid @ModelAttribute("visitForm") VisitForm form, BindingResult errors, Model model,
                           RedirectAttributes flash) {
        if (!errors.hasErrors()) {
            try {
                customers.addVisit(user, id, form);
                flash.addFlashAttribute("notice", "visit.added");
                return "redirect:/customers/" + id;
            } catch (RuntimeException e) {
                FormErrors.record(e, errors);
            }
        }
        return detail(user, id, null, null, model);
    }

    @Roles.FrontLine
    @GetMapping("/customers/new")
    public String newForm(@AuthenticationPrincipal AppUser user, Model model) {
        var outlets = org.visibleOutlets(user);
        model.addAttribute("form", new CustomerForm(null, null, null, null, outlets.isEmpty() ? null : outlets.getFirst().id(),
                null, null, null, null, null, null, null, null, null, null, null, false, false, false, null));
        return form(user, null, model);
    }

    @Roles.FrontLine
    @GetMapping("/customers/{id}/edit")
    public String editForm(@AuthenticationPrincipal AppUser user, @PathVariable long id, Model model) {
        model.addAttribute("form", CustomerForm.from(customers.get(user, id)));
        return form(user, id, model);
    }

    @Roles.FrontLine
    @PostMapping("/customers")
    public String create(@AuthenticationPrincipal AppUser user, @Valid @ModelAttribute("form") CustomerForm form,
                         BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            try {
                return "redirect:/customers/" + customers.create(user, form).id();
            } catch (RuntimeException e) {
                FormErrors.record(e, errors);
            }
        }
        return form(user, null, model);
    }

    @Roles.FrontLine
    @PostMapping("/customers/{id}")
    public String update(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                         @Valid @ModelAttribute("form") CustomerForm form, BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            try {
                customers.update(user, id, form);
                return "redirect:/customers/" + id;
            } catch (RuntimeException e) {
                FormErrors.record(e, errors);
            }
        }
        return form(user, id, model);
    }

    private String form(AppUser user, Long id, Model model) {
        model.addAttribute("customerId", id);
        model.addAttribute("outlets", org.visibleOutlets(user));
        model.addAttribute("genders", Customer.Gender.values());
        model.addAttribute("ageBands", Customer.AgeBand.values());
        model.addAttribute("incomeBands", Customer.IncomeBand.values());
        model.addAttribute("educations", Customer.Education.values());
        model.addAttribute("socialClasses", Customer.SocialClass.values());
        return "customer/form";
    }

    @Roles.Managers
    @GetMapping("/customers/import")
    public String importPage(Model model) {
        model.addAttribute("customerColumns", String.join(",", CustomerCsv.COLUMNS));
        model.addAttribute("visitColumns", String.join(",", VisitImportService.REQUIRED) + ",receipt_no");
        return "customer/import";
    }

    @Roles.Managers
    @PostMapping("/customers/import/{kind}")
    public String importFile(@AuthenticationPrincipal AppUser user, @PathVariable String kind,
                             @RequestParam(value = "file", required = false) MultipartFile file, Model model,
                             Locale locale) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("importError", "import.noFile");
            return "customer/import :: report";
        }
        try (InputStream in = file.getInputStream()) {
            ImportReport report = "visits".equals(kind) ? visitFiles.importVisits(user, in)
                    : customerFiles.importCustomers(user, in);
            model.addAttribute("report", report);
        } catch (BadInputException e) {
            model.addAttribute("importErrorText", Messages.refusal(e, messages, locale));
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        return "customer/import :: report";
    }
}
