package com.serviceloop.customer;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.PageResult;
import com.serviceloop.platform.TableWriter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Loyal-customer roster and segments", description = "Roster groups per outlet; tier x loyalty segments with value shares")
class RosterApi {
    private final RosterService roster;
    private final SegmentService segments;
    private final CustomerStatsRefresh refresh;

    RosterApi(RosterService roster, SegmentService segments, CustomerStatsRefresh refresh) {
        this.roster = roster;
        this.segments = segments;
        this.refresh = refresh;
    }

    @Operation(summary = "Recompute every customer's figures and the segment rollup now (it also runs every night, "
            + "and within a minute of a change of the insight settings)")
    @Roles.Admin
    @PostMapping("/customer-stats/refresh")
    public CustomerStatsRefresh.Result refreshNow() {
        return refresh.refreshAll();
    }

    @Operation(summary = "An outlet's loyal-customer roster: group TRULY_LOYAL, LATENT, SPURIOUS, LAPSED_HEAVY or "
            + "LAPSED_MEDIUM (all groups when left out), sort value, lastVisit or visits; phone and email only for "
            + "administrators, managers and staff")
    @Roles.SignedIn
    @GetMapping("/outlets/{id}/roster")
    public PageResult<RosterEntry> roster(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                          @RequestParam(required = false) String group,
                                          @RequestParam(required = false) String sort,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer size) {
        return roster.roster(user, id, RosterQuery.parse(group, sort, page, size));
    }

    @Operation(summary = "The roster as CSV (UTF-8 with BOM), same filters, every row")
    @Roles.SignedIn
    @GetMapping(value = "/outlets/{id}/roster/export.csv", produces = "text/csv")
    public void rosterCsv(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                          @RequestParam(required = false) String group, @RequestParam(required = false) String sort,
                          HttpServletResponse response) throws IOException {
        RosterQuery q = RosterQuery.parse(group, sort, null, null);
        roster.export(user, id, q, TableWriter.download(response, "roster-" + id, false, "roster"));
    }

    @Operation(summary = "The roster as an Excel workbook (xlsx), same filters, every row")
    @Roles.SignedIn
    @GetMapping(value = "/outlets/{id}/roster/export.xlsx",
            produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    public void rosterXlsx(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                           @RequestParam(required = false) String group, @RequestParam(required = false) String sort,
                           HttpServletResponse response) throws IOException {
        RosterQuery q = RosterQuery.parse(group, sort, null, null);
        roster.export(user, id, q, TableWriter.download(response, "roster-" + id, true, "roster"));
    }

    @Operation(summary = "Segment insight of a unit (outlet, region or chain; your own top unit when left out): "
            + "frequency tier x loyalty cells with shares of customers and value, return rate, complaints per 100 "
            + "customers, satisfaction, and the value share of the top 20 % of customers")
    @Roles.SignedIn
    @GetMapping("/segments")
    public SegmentInsight segments(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long unitId) {
        return segments.insight(user, unitId);
    }

    @Operation(summary = "The customers behind one segment cell of a unit, most valuable first")
    @Roles.SignedIn
    @GetMapping("/segments/customers")
    public PageResult<RosterEntry> segmentCustomers(@AuthenticationPrincipal AppUser user,
                                                    @RequestParam(required = false) Long unitId,
                                                    @RequestParam(required = false) String tier,
                                                    @RequestParam(required = false) String loyalty,
                                                    @RequestParam(required = false) Integer page,
                                                    @RequestParam(required = false) Integer size) {
        return segments.customers(user, unitId, tier, loyalty, page, size);
    }
}
