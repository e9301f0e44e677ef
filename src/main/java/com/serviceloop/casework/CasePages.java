package com.serviceloop.casework;

import com.serviceloop.customer.CustomerService;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.FormErrors;
import com.serviceloop.platform.Messages;
import com.serviceloop.platform.PageRequest;
import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Case screens: the queues, recording a case at the counter, the case page (its actions: {@link CaseActionPages}). */
@Controller
class CasePages {
    private final CaseService cases;
    private final CaseQueries queries;
    private final CaseGlance glance;
    private final CaseView view;
    private final BulkCases bulk;
    private final CustomerService customers;
    private final OrgService org;
    private final CaseChoices choices;
    private final MessageSource messages;

    public CasePages(CaseService cases, CaseQueries queries, CaseGlance glance, CaseView view, BulkCases bulk,
                     OrgService org, CaseChoices choices, MessageSource messages, CustomerService customers) {
        this.customers = customers;
        this.cases = cases;
        this.queries = queries;
        this.glance = glance;
        this.view = view;
        this.bulk = bulk;
        this.org = org;
        this.choices = choices;
        this.messages = messages;
    }

    @GetMapping("/cases")
    public String list(@AuthenticationPrincipal AppUser user, @Valid CaseApi.CaseFilterParams filter,
                       @RequestParam(required = false) Integer page,
                       @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        CaseFilter f = mineOpenByDefault(filter.toFilter());
        var found = queries.list(user, f, PageRequest.of(page, null));
        model.addAttribute("filter", f);
        model.addAttribute("page", found);
        model.addAttribute("timeLeft", glance.nearestDeadlines(found.items().stream().map(SupportCase::id).toList()));
        model.addAttribute("query", query(f));
        model.addAttribute("base", "/cases?" + query(f));
        model.addAttribute("topics", choices.topics(user));
        if (htmx != null) {
            return "casework/list :: results";
        }
        model.addAttribute("queues", CaseFilter.Queue.values());
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("types", CaseType.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("outlets", org.visibleOutlets(user));
        model.addAttribute("handlers", choices.everyone(user));
        model.addAttribute("teams", choices.teams(user));
        return "casework/list";
    }

    /** My queue is my work: closed cases only when asked for (open=false), or by their status. */
    static CaseFilter mineOpenByDefault(CaseFilter f) {
        return f.queueOrAll() != CaseFilter.Queue.MINE || f.open() != null || f.status() != null ? f
                : new CaseFilter(f.queue(), f.status(), f.caseType(), f.severity(), f.outletId(), f.problem(), true,
                        f.q(), f.from(), f.to(), f.topic());
    }

    static String query(CaseFilter f) {
        StringBuilder q = new StringBuilder();
        param(q, "queue", f.queue());
        param(q, "status", f.status());
        param(q, "caseType", f.caseType());
        param(q, "severity", f.severity());
        param(q, "outletId", f.outletId());
        param(q, "problem", f.problem());
        param(q, "open", f.open());
        param(q, "q", f.q() == null || f.q().isBlank() ? null : f.q());
        param(q, "from", f.from());
        param(q, "to", f.to());
        param(q, "topic", f.topic());
        return q.toString();
    }

    private static void param(StringBuilder q, String name, Object value) {
        if (value != null) {
            q.append(q.isEmpty() ? "" : "&").append(name).append('=')
                    .append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
        }
    }

    @Roles.Managers
    @PostMapping("/cases/bulk")
    public String bulk(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) List<Long> ids,
                       @RequestParam CaseCommands.BulkAction action, @RequestParam(required = false) Long personId,
                       @RequestParam(required = false) Long teamId, @RequestParam(required = false) CaseStatus to,
                       @RequestParam(required = false) String reason, @RequestParam(defaultValue = "") String back,
                       Locale locale, RedirectAttributes flash) {
        if (ids == null || ids.isEmpty()) {
            flash.addFlashAttribute("error", messages.getMessage("cases.bulk.noneTicked", null, locale));
        } else {
            try {
                var results = bulk.apply(user, new CaseCommands.Bulk(ids, action, personId, teamId, to, reason));
                flash.addFlashAttribute("bulkResults", results);
            } catch (BadInputException | ConflictException e) {
                flash.addFlashAttribute("error", Messages.refusal(e, messages, locale));
            }
        }
        return "redirect:/cases" + (back.startsWith("?") ? back : "");
    }

    @Roles.FrontLine
    @GetMapping("/cases/new")
    public String newForm(@AuthenticationPrincipal AppUser user, Model model) {
        List<OrgUnit> outlets = org.visibleOutlets(user);
        Long outlet = user.scopeUnitId() != null && outlets.stream().anyMatch(o -> o.id() == user.scopeUnitId())
                ? user.scopeUnitId() : outlets.isEmpty() ? null : outlets.getFirst().id();
        model.addAttribute("form", new CaseForm(outlet, null, null, null, Channel.COUNTER, CaseType.COMPLAINT,
                Severity.MEDIUM, null, null, null));
        return form(user, model);
    }

    /** Customer hits while typing in the case form; a click puts the customer on the case. */
    @GetMapping("/cases/customer-search")
    public String customerSearch(@AuthenticationPrincipal AppUser user, @RequestParam(defaultValue = "") String customerQ,
                                 Model model) {
        model.addAttribute("hits", customerQ.isBlank() ? List.of()
                : customers.search(user, customerQ, PageRequest.of(0, 8)).items());
        return "casework/form :: hits";
    }

    private String form(AppUser user, Model model) {
        model.addAttribute("outlets", org.visibleOutlets(user));
        model.addAttribute("channels", Channel.values());
        model.addAttribute("types", CaseType.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("topics", choices.topics(user));
        return "casework/form";
    }

    @Roles.FrontLine
    @PostMapping("/cases")
    public String create(@AuthenticationPrincipal AppUser user, @Valid @ModelAttribute("form") CaseForm form,
                         BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            try {
                return "redirect:/cases/" + cases.record(user, form).id();
            } catch (RuntimeException e) {
                FormErrors.record(e, errors);
            }
        }
        return form(user, model);
    }

    @GetMapping("/cases/{id}")
    public String detail(@AuthenticationPrincipal AppUser user, @PathVariable long id, Model model) {
        view.fill(user, id, model);
        return "casework/detail";
    }
}
