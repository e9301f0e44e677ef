package com.serviceloop.casework;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Everything the case page shows, for the page itself and for the part of it an action answers
 * with (htmx swaps the re-rendered case in place).
 */
@Component
class CaseView {
    private final CaseService cases;
    private final CaseQueries queries;
    private final CaseGlance glance;
    private final Attachments attachments;
    private final CaseChoices choices;
    private final Clock clock;

    CaseView(CaseService cases, CaseQueries queries, CaseGlance glance, Attachments attachments,
             CaseChoices choices, Clock clock) {
        this.cases = cases;
        this.queries = queries;
        this.glance = glance;
        this.attachments = attachments;
        this.choices = choices;
        this.clock = clock;
    }

    SupportCase fill(AppUser user, long id, Model model) {
        SupportCase c = cases.get(user, id);
        model.addAttribute("c", c);
        model.addAttribute("topic", c.topic() == null ? null : choices.topics(user).get(c.topic()));
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
        model.addAttribute("timeLeft", glance.nearestDeadline(id));
        model.addAttribute("otherCases", glance.otherCases(user, c));
        // auditors and mystery shoppers look at the service, they do not call customers
        model.addAttribute("phone", c.customerId() == null || !Roles.servesCustomers(user) ? null
                : glance.phone(c.customerId()));
        return c;
    }
}
