package com.serviceloop.casework;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.Roles;
import com.serviceloop.organisation.UnitKind;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.Outbox;
import com.serviceloop.platform.OutboxSender;
import com.serviceloop.platform.PageRequest;
import com.serviceloop.platform.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** SLA set-up (targets, standards as targets, outlet calendars), case topics, the inbox, webhooks and the jobs. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Case settings", description = "SLA targets, business hours, case topics, inbox, webhooks")
class CaseAdminApi {
    private final SlaTargets targets;
    private final CalendarRepository calendars;
    private final OrgService org;
    private final Inbox inbox;
    private final Webhooks webhooks;
    private final SlaSweep sweep;
    private final OutboxSender outbox;
    private final CaseTopics topics;

    public CaseAdminApi(SlaTargets targets, CalendarRepository calendars, OrgService org, Inbox inbox,
                        Webhooks webhooks, SlaSweep sweep, OutboxSender outbox, CaseTopics topics) {
        this.topics = topics;
        this.targets = targets;
        this.calendars = calendars;
        this.org = org;
        this.inbox = inbox;
        this.webhooks = webhooks;
        this.sweep = sweep;
        this.outbox = outbox;
    }

    public record SlaOverview(List<SlaTargets.Target> defaults, List<SlaTargets.Link> standards) {
    }

    @Operation(summary = "Default SLA targets (business minutes) and the timeliness standards that replace them")
    @Roles.SignedIn
    @GetMapping("/sla-targets")
    public SlaOverview slaTargets() {
        return new SlaOverview(targets.defaults(), targets.links());
    }

    public record TargetForm(@NotNull CaseType caseType, @NotNull Severity severity, @NotNull SlaKind clockKind,
                             @NotNull @Min(1) @Max(525600) Integer minutes) {
    }

    @Operation(summary = "Set a default target; applies to clocks started from now on")
    @Roles.ChainWide
    @PutMapping("/sla-targets")
    public SlaOverview setTarget(@Valid @RequestBody TargetForm f) {
        targets.setDefault(new SlaTargets.Target(f.caseType(), f.severity(), f.clockKind(), f.minutes()));
        return slaTargets();
    }

    @Schema(name = "SlaLinkForm")
    public record LinkForm(SlaKind clockKind, CaseType caseType, Severity severity) {
    }

    @Operation(summary = "Make a timeliness standard (target in seconds, minutes, hours or days) the target of a "
            + "case clock for its outlet type; an empty clockKind removes the link")
    @Roles.ChainWide
    @PutMapping("/standards/{id}/sla")
    public SlaOverview link(@PathVariable long id, @RequestBody LinkForm f) {
        if (!targets.link(id, f.clockKind(), f.caseType(), f.severity())) {
            throw new NotFoundException("Standard", id);
        }
        return slaTargets();
    }

    /** An outlet type's industry and its case topics (the industry's defaults until the list is edited). */
    public record TopicList(String outletType, String industry, List<CaseTopics.Topic> topics) {
    }

    public record IndustryForm(@NotBlank @Size(max = 40) String industry) {
    }

    @Operation(summary = "The case topics of an outlet type, and its industry")
    @Roles.SignedIn
    @GetMapping("/case-topics")
    public TopicList topics(@RequestParam String outletType) {
        return new TopicList(outletType, topics.industry(outletType), topics.list(outletType));
    }

    @Operation(summary = "Add a topic to an outlet type's list, or rename one or switch it off (active false)")
    @Roles.ChainWide
    @PutMapping("/case-topics/{outletType}")
    public CaseTopics.Topic saveTopic(@PathVariable String outletType, @Valid @RequestBody CaseTopics.TopicForm f) {
        return topics.save(outletType, f);
    }

    @Operation(summary = "Set the industry of an outlet type (pharmacy, fashion-retail, restaurant, courier, generic): "
            + "it picks the default topics and the SQI failure types")
    @Roles.ChainWide
    @PutMapping("/case-topics/{outletType}/industry")
    public TopicList setIndustry(@PathVariable String outletType, @Valid @RequestBody IndustryForm f) {
        topics.setIndustry(outletType, f.industry());
        return topics(outletType);
    }

    public record DayHours(@NotNull @Min(1) @Max(7) Integer dayOfWeek, @NotNull LocalTime opens,
                           @NotNull LocalTime closes) {
    }

    public record CalendarForm(@Size(max = 40) String timeZone, @NotNull @Size(max = 50) List<@Valid DayHours> hours,
                               @NotNull @Size(max = 400) List<LocalDate> holidays) {
    }

    @Operation(summary = "An outlet's time zone, opening hours per weekday (1 = Monday) and holidays")
    @Roles.SignedIn
    @GetMapping("/outlets/{id}/calendar")
    public CalendarRepository.Settings calendar(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        outlet(user, id);
        return calendars.settings(id);
    }

    @Operation(summary = "Replace the outlet's calendar; no hours means the default hours. Applies to clocks started from now on")
    @Roles.Managers
    @PutMapping("/outlets/{id}/calendar")
    public CalendarRepository.Settings setCalendar(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                                   @Valid @RequestBody CalendarForm f) {
        outlet(user, id);
        String zone = f.timeZone() == null || f.timeZone().isBlank() ? null : f.timeZone().strip();
        calendars.save(id, new CalendarRepository.Settings(zone,
                f.hours().stream().map(h -> new CalendarRepository.Hours(h.dayOfWeek(), h.opens(), h.closes())).toList(),
                f.holidays()));
        return calendars.settings(id);
    }

    private OrgUnit outlet(AppUser user, long id) {
        OrgUnit unit = org.get(user, id);
        if (unit.kind() != UnitKind.OUTLET) {
            throw new NotFoundException("Outlet", id);
        }
        return unit;
    }

    @Operation(summary = "Your inbox: SLA warnings and escalations")
    @Roles.SignedIn
    @GetMapping("/inbox")
    public PageResult<Inbox.Notification> inbox(@AuthenticationPrincipal AppUser user,
                                                @RequestParam(defaultValue = "false") boolean unread,
                                                @RequestParam(required = false) Integer page,
                                                @RequestParam(required = false) Integer size) {
        return inbox.list(user, unread, PageRequest.of(page, size));
    }

    @Operation(summary = "Mark one message as read, or all of them without an id")
    @Roles.SignedIn
    @PostMapping("/inbox/read")
    public Map<String, Integer> read(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long id) {
        return Map.of("marked", inbox.markRead(user, id));
    }

    @Roles.Admin
    @GetMapping("/webhooks")
    public List<Webhooks.Webhook> webhooks() {
        return webhooks.list();
    }

    public record WebhookForm(@NotBlank @Size(max = 500) String url) {
    }

    @Operation(summary = "Subscribe an address to case events; the signing secret is shown only in this answer",
            description = "400 on url for non-http(s) addresses, user names or passwords in the address, and hosts that are "
                    + "or resolve to loopback, private, link-local, carrier-grade NAT, unspecified, multicast or cloud "
                    + "metadata addresses, unless listed in serviceloop.webhooks.allowed-hosts (README: Webhooks)")
    @Roles.Admin
    @PostMapping("/webhooks")
    @ResponseStatus(HttpStatus.CREATED)
    public Webhooks.Created addWebhook(@Valid @RequestBody WebhookForm f) {
        return webhooks.create(f.url());
    }

    @Roles.Admin
    @DeleteMapping("/webhooks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void removeWebhook(@PathVariable long id) {
        webhooks.deactivate(id);
    }

    @Operation(summary = "The last 100 deliveries to a webhook, with attempts and errors")
    @Roles.Admin
    @GetMapping("/webhooks/{id}/deliveries")
    public List<Outbox.Delivery> deliveries(@PathVariable long id) {
        return webhooks.deliveries(id);
    }

    @Operation(summary = "Run the SLA sweep now (it also runs every minute on one instance)")
    @Roles.Admin
    @PostMapping("/sla/sweep")
    public SlaSweep.Result sweepNow() {
        return sweep.sweep();
    }

    @Operation(summary = "Send what the outbox holds now (it also runs every 10 seconds on one instance)")
    @Roles.Admin
    @PostMapping("/outbox/send")
    public OutboxSender.Result sendNow() {
        return outbox.send();
    }
}
