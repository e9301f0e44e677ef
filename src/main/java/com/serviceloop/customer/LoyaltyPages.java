package com.serviceloop.customer;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.Roles;
import com.serviceloop.organisation.UnitKind;
import com.serviceloop.platform.PageResult;
import com.serviceloop.platform.ScriptJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The roster page (one outlet, a tab per group) and the segment insight page with its drill-down. */
@Controller
class LoyaltyPages {
    private final RosterService roster;
    private final SegmentService segments;
    private final OrgService org;
    private final MessageSource messages;
    private final ScriptJson scriptJson;

    LoyaltyPages(RosterService roster, SegmentService segments, OrgService org, MessageSource messages,
                 ScriptJson scriptJson) {
        this.roster = roster;
        this.segments = segments;
        this.org = org;
        this.messages = messages;
        this.scriptJson = scriptJson;
    }

    @GetMapping("/roster")
    public String roster(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long outletId,
                         @RequestParam(required = false) String group, @RequestParam(required = false) String sort,
                         @RequestParam(required = false) Integer page, Model model) {
        List<OrgUnit> outlets = org.visibleOutlets(user);
        model.addAttribute("outlets", outlets);
        model.addAttribute("groups", RosterGroup.values());
        model.addAttribute("sorts", RosterQuery.Sort.values());
        if (outletId == null && outlets.isEmpty()) {
            return "customer/roster";
        }
        OrgUnit outlet = roster.outlet(user, outletId == null ? outlets.getFirst().id() : outletId);
        RosterGroup g = RosterQuery.group(group == null ? RosterGroup.TRULY_LOYAL.name() : group);
        RosterQuery q = new RosterQuery(g, RosterQuery.sort(sort), RosterQuery.page(page, 50));
        model.addAttribute("outlet", outlet);
        model.addAttribute("group", g);
        model.addAttribute("sort", q.sort());
        model.addAttribute("counts", roster.groupCounts(user, outlet.id()));
        model.addAttribute("page", roster.roster(user, outlet.id(), q));
        model.addAttribute("contacts", Roles.servesCustomers(user));
        model.addAttribute("refreshedAt", roster.refreshedAt(outlet.id()));
        model.addAttribute("filter", "outletId=" + outlet.id() + "&group=" + g.name() + "&sort=" + q.sort().param());
        return "customer/roster";
    }

    @GetMapping("/segments")
    public String segments(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long unitId,
                           Model model, Locale locale) {
        SegmentInsight insight = segments.insight(user, unitId);
        model.addAttribute("units", org.visibleUnits(user).stream().filter(u -> u.kind() != UnitKind.TEAM).toList());
        model.addAttribute("insight", insight);
        model.addAttribute("chartData", scriptJson.write(Map.of("cells", insight.cells(), "labels", labels(locale),
                "drill", "/segments/customers?unitId=" + insight.unitId())));
        return "customer/segments";
    }

    @GetMapping("/segments/customers")
    public String segmentCustomers(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long unitId,
                                   @RequestParam(required = false) String tier,
                                   @RequestParam(required = false) String loyalty,
                                   @RequestParam(required = false) Integer page, Model model) {
        OrgUnit unit = segments.unit(user, unitId);
        PageResult<RosterEntry> rows = segments.customers(user, unit.id(), tier, loyalty, page, 50);
        model.addAttribute("unit", unit);
        model.addAttribute("tier", SegmentService.parse(FrequencyTier.class, tier, "tier"));
        model.addAttribute("loyalty", SegmentService.parse(LoyaltyClass.class, loyalty, "loyalty"));
        model.addAttribute("page", rows);
        model.addAttribute("contacts", Roles.servesCustomers(user));
        model.addAttribute("base", "/segments/customers?unitId=" + unit.id() + "&tier=" + tier + "&loyalty=" + loyalty);
        return "customer/segment-customers";
    }

    /** Tier and loyalty names and the chart's words, in the reader's language. */
    private Map<String, String> labels(Locale locale) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (FrequencyTier t : FrequencyTier.values()) {
            labels.put(t.name(), messages.getMessage("tier." + t.name(), null, locale));
        }
        for (LoyaltyClass l : LoyaltyClass.values()) {
            labels.put(l.name(), messages.getMessage("loyalty." + l.name(), null, locale));
        }
        for (String k : List.of("customers", "valueShare", "cumulative", "cell")) {
            labels.put(k, messages.getMessage("segments.chart." + k, null, locale));
        }
        return labels;
    }
}
