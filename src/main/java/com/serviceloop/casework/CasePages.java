package com.serviceloop.casework;

import com.serviceloop.customer.CustomerService;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.FormErrors;
import com.serviceloop.platform.PageRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
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

/** Case screens: the queues, recording a case at the counter, the case page, calls due, the inbox. */
@Controller
class CasePages {
    private final CaseService cases;
    private final CaseQueries queries;
    private final Attachments attachments;
    private final BulkCases bulk;
    private final Inbox inbox;
    private final CustomerService customers;
    private final OrgService org;
    private final CaseChoices choices;
    private final MessageSource messages;
    private final Clock clock;

    public CasePages(CaseService cases, CaseQueries queries, Attachments attachments, BulkCases bulk, Inbox inbox,
                     OrgService org, CaseChoices choices, MessageSource messages, CustomerService customers,
                     Clock clock) {
        this.clock = clock;
        this.customers = customers;
        this.cases = cases;
        this.queries = queries;
        this.attachments = attachments;
        this.bulk = bulk;
        this.inbox = inbox;
        this.org = org;
        this.choices = choices;
        this.messages = messages;
    }

    @GetMapping("/cases")
    public String list(@AuthenticationPrincipal AppUser user, @Valid CaseApi.CaseFilterParams filter,
                       @RequestParam(required = false) Integer page,
                       @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        CaseFilter f = filter.toFilter();
        model.addAttribute("filter", f);
        model.addAttribute("page", queries.list(user, f, PageRequest.of(page, null)));
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
        model.addAttribute("handlers", choices.handlers(user));
        model.addAttribute("teams", choices.teams(user));
        return "casework/list";
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
                flash.addFlashAttribute("error", e.getMessage());
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
        SupportCase c = cases.get(user, id);
        model.addAttribute("c", c);
        model.addAttribute("clocks", queries.clocks(user, id));
        model.addAttribute("events", queries.history(user, id));
        model.addAttribute("calls", queries.followUps(user, id));
        model.addAttribute("files", attachments.list(user, id));
        model.addAttribute("now", OffsetDateTime.now(clock));
        model.addAttribute("moves", c.status().next().stream().filter(s -> s != CaseStatus.CLOSED).sorted().toList());
        model.addAttribute("handlers", choices.handlers(user));
        model.addAttribute("teams", choices.teams(user));
        model.addAttribute("linked", queries.standards(user, id));
        model.addAttribute("standards", choices.standards(user, c));
        return "casework/detail";
    }

    private String act(long id, RedirectAttributes flash, BindingResult errors, Supplier<Object> action) {
        if (errors != null && errors.hasErrors()) {
            var e = errors.getFieldError();
            flash.addFlashAttribute("error", e == null ? errors.getAllErrors().getFirst().getDefaultMessage()
                    : e.getField() + ": " + e.getDefaultMessage());
            return "redirect:/cases/" + id;
        }
        try {
            action.get();
            flash.addFlashAttribute("notice", "case.saved");
        } catch (BadInputException | ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/cases/" + id;
    }

    @Roles.FrontLine
    @PostMapping("/cases/{id}/status")
    public String move(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                       @Valid @ModelAttribute CaseCommands.Move move, BindingResult errors, RedirectAttributes flash) {
        return act(id, flash, errors, () -> cases.move(user, id, move));
    }

    @Roles.FrontLine
    @PostMapping("/cases/{id}/handover")
    public String handOver(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                           @Valid @ModelAttribute CaseCommands.HandOver h, BindingResult errors, RedirectAttributes flash) {
        return act(id, flash, errors, () -> cases.handOver(user, id, h));
    }

    @Roles.FrontLine
    @PostMapping("/cases/{id}/follow-up")
    public String followUp(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                           @Valid @ModelAttribute CaseCommands.FollowUp f, BindingResult errors, RedirectAttributes flash) {
        return act(id, flash, errors, () -> cases.followUp(user, id, f));
    }

    @Roles.Managers
    @PostMapping("/cases/{id}/waive")
    public String waive(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                        @Valid @ModelAttribute CaseCommands.Waiver w, BindingResult errors, RedirectAttributes flash) {
        return act(id, flash, errors, () -> cases.waive(user, id, w));
    }

    @Roles.FrontLine
    @PostMapping("/cases/{id}/recovery")
    public String recover(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                          @Valid @ModelAttribute CaseCommands.Recovery r, BindingResult errors, RedirectAttributes flash) {
        return act(id, flash, errors, () -> cases.recover(user, id, r));
    }

    @Roles.FrontLine
    @PostMapping("/cases/{id}/attachments")
    public String attach(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                         @RequestParam("file") MultipartFile file, RedirectAttributes flash) {
        return act(id, flash, null, () -> {
            try (InputStream in = file.getInputStream()) {
                return attachments.add(user, id, file.getOriginalFilename(), in);
            } catch (IOException e) {
                throw new BadInputException("file", "The upload could not be read");
            }
        });
    }

    @GetMapping("/follow-ups")
    public String callsDue(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long personId,
                           @RequestParam(defaultValue = "false") boolean all, Model model) {
        model.addAttribute("calls", queries.callsDue(user, all ? null : personId == null ? user.id() : personId,
                queries.today()));
        model.addAttribute("all", all);
        model.addAttribute("personId", personId);
        model.addAttribute("handlers", choices.handlers(user));
        return "casework/follow-ups";
    }

    @GetMapping("/inbox")
    public String inbox(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("page", inbox.list(user, false, PageRequest.of(page, null)));
        model.addAttribute("base", "/inbox");
        return "casework/inbox";
    }

    @PostMapping("/inbox/read")
    public String read(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long id) {
        inbox.markRead(user, id);
        return "redirect:/inbox";
    }

    /** The unread count in the menu, loaded by htmx so that pages need not compute it. */
    @GetMapping("/inbox/badge")
    public String badge(@AuthenticationPrincipal AppUser user, Model model) {
        model.addAttribute("unread", inbox.unread(user));
        return "casework/inbox :: badge";
    }
}
