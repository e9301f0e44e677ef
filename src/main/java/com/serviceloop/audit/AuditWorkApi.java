package com.serviceloop.audit;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.Download;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/v1")
@Tag(name = "Audit follow-up", description = "Audit schedules and the due list, corrective actions, CSV export of results")
class AuditWorkApi {
    private final Schedules schedules;
    private final CorrectiveActions actions;
    private final AuditExport export;
    private final AuditDashboard dashboard;

    private final AuditRollup rollup;
    private final AuditDrillDown drill;

    AuditWorkApi(Schedules schedules, CorrectiveActions actions, AuditExport export, AuditDashboard dashboard,
                 AuditRollup rollup, AuditDrillDown drill) {
        this.drill = drill;
        this.dashboard = dashboard;
        this.rollup = rollup;
        this.schedules = schedules;
        this.actions = actions;
        this.export = export;
    }

    @Operation(summary = "Schedule a recurring walk-around audit of an outlet")
    @Roles.Managers
    @PostMapping("/audit-schedules")
    @ResponseStatus(HttpStatus.CREATED)
    public Schedule schedule(@AuthenticationPrincipal AppUser user, @Valid @RequestBody ScheduleForm form) {
        return schedules.create(user, form);
    }

    @Operation(summary = "The due list: each schedule's next open date, overdue first; all=true adds the paused ones")
    @Roles.SignedIn
    @GetMapping("/audit-schedules")
    public List<Schedule> due(@AuthenticationPrincipal AppUser user, @RequestParam(defaultValue = "false") boolean all) {
        return all ? schedules.all(user) : schedules.due(user);
    }

    @Operation(summary = "Change a schedule: another assignee, paused (active=false) or resumed, another interval; "
            + "fields left out stay as they are")
    @Roles.Managers
    @PatchMapping("/audit-schedules/{id}")
    public Schedule changeSchedule(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                   @Valid @RequestBody ScheduleChange change) {
        return schedules.change(user, id, change);
    }

    @Operation(summary = "Raise a corrective action on a missed item of an audit")
    @Roles.Oversight
    @PostMapping("/audits/{id}/actions")
    @ResponseStatus(HttpStatus.CREATED)
    public CorrectiveAction raise(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                  @Valid @RequestBody ActionForm form) {
        return actions.raise(user, id, form);
    }

    @Operation(summary = "Corrective actions in scope, open first; mine=true for the caller's own")
    @Roles.SignedIn
    @GetMapping("/audit-actions")
    public List<CorrectiveAction> actions(@AuthenticationPrincipal AppUser user,
                                          @RequestParam(defaultValue = "false") boolean mine,
                                          @RequestParam(required = false) Long auditId,
                                          @RequestParam(required = false) @Pattern(regexp = "OPEN|DONE") String status) {
        return actions.list(user, mine, auditId, status);
    }

    @Operation(summary = "Mark a corrective action done")
    @Roles.FrontLine
    @PostMapping("/audit-actions/{id}/done")
    public CorrectiveAction done(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        return actions.done(user, id);
    }

    @Operation(summary = "Audit dashboard of a unit (outlet, region, chain; none: all in scope): mean score per month, "
            + "weakest items, overdue schedules, open corrective actions")
    @Roles.Oversight
    @GetMapping("/audit-dashboard")
    public Dashboard dashboard(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long unitId,
                               @RequestParam(defaultValue = "12") @Min(1) @Max(36) int months) {
        return dashboard.of(user, unitId, months);
    }

    @Operation(summary = "The audits behind one month of the dashboard (yyyy-MM), newest first")
    @Roles.Oversight
    @GetMapping("/audit-dashboard/audits")
    public List<AuditDrillDown.Listed> dashboardAudits(@AuthenticationPrincipal AppUser user,
                                                       @RequestParam(required = false) Long unitId,
                                                       @RequestParam @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])") String month,
                                                       @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        List<AuditDrillDown.Listed> audits = drill.audits(user, unitId, month, 1);
        return audits.subList(0, Math.min(limit, audits.size()));
    }

    @Operation(summary = "Recompute the dashboard's monthly sums from the audits (after loading audits by other means)")
    @Roles.Admin
    @PostMapping("/audit-dashboard/rebuild")
    public Map<String, Integer> rebuildDashboard() {
        return Map.of("outletMonths", rollup.rebuild());
    }

    @Operation(summary = "Submitted audits' item results as CSV (one row per item answered): of an outlet, of the "
            + "outlets under a unit (region, chain), or everything in scope")
    @Roles.Oversight
    @GetMapping(value = "/audits/export", produces = "text/csv")
    public void export(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long outletId,
                       @RequestParam(required = false) Long unitId, HttpServletResponse response) throws IOException {
        export.check(user, outletId, unitId);
        export.write(user, outletId, unitId, Download.csv(response, "audits.csv"));
    }
}
