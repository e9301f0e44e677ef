package com.serviceloop.metrics;

import com.serviceloop.casework.OutletLeague;
import com.serviceloop.casework.TodaysWork;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.Role;
import com.serviceloop.organisation.UnitKind;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page is the day's work, and what it is depends on who signs in: counter staff see their
 * open cases and calls, an outlet's manager what is late or waiting for them and the month so far,
 * a region's manager and the chain's administrators the outlets side by side.
 */
@Controller
class HomePage {
    /** A phone screen holds about this many; the full lists are one tap away. */
    static final int SHORT_LIST = 8;
    private final TodaysWork work;
    private final OutletLeague league;
    private final OrgService org;

    HomePage(TodaysWork work, OutletLeague league, OrgService org) {
        this.work = work;
        this.league = league;
        this.org = org;
    }

    enum View { STAFF, OUTLET, LEAGUE }

    static View view(AppUser user, Optional<OrgUnit> scope) {
        if (user.role() == Role.STAFF) {
            return View.STAFF;
        }
        boolean oneOutlet = scope.map(u -> u.kind() == UnitKind.OUTLET || u.kind() == UnitKind.TEAM).orElse(false);
        return user.role() == Role.MANAGER && oneOutlet ? View.OUTLET : View.LEAGUE;
    }

    @GetMapping("/")
    public String home(@AuthenticationPrincipal AppUser user, Model model) {
        Optional<OrgUnit> scope = user.scopeUnitId() == null || user.isAdmin() ? Optional.empty()
                : org.find(user.scopeUnitId());
        View view = view(user, scope);
        model.addAttribute("view", view.name());
        switch (view) {
            case STAFF -> {
                model.addAttribute("mine", work.mine(user, SHORT_LIST));
                model.addAttribute("calls", work.calls(user, false, SHORT_LIST));
            }
            case OUTLET -> {
                model.addAttribute("late", work.late(user, SHORT_LIST));
                model.addAttribute("calls", work.calls(user, true, SHORT_LIST));
                model.addAttribute("handed", work.handedTo(user, SHORT_LIST));
                model.addAttribute("escalations", work.unreadEscalations(user, SHORT_LIST));
                model.addAttribute("month", league.thisMonth(user));
            }
            case LEAGUE -> {
                model.addAttribute("league", league.thisMonth(user));
                model.addAttribute("escalations", work.unreadEscalations(user, SHORT_LIST));
                model.addAttribute("region", scope.filter(u -> u.kind() == UnitKind.REGION).map(OrgUnit::name).orElse(null));
            }
        }
        return "home";
    }
}
