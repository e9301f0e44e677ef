package com.serviceloop.casework;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.Notices;
import com.serviceloop.platform.PageRequest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The two lists that tell a person what to do next: the follow-up calls due, and the inbox. */
@Controller
class CallsAndInboxPages {
    private final CaseQueries queries;
    private final Inbox inbox;
    private final CaseChoices choices;
    private final Notices notices;
    private final Clock clock;

    CallsAndInboxPages(CaseQueries queries, Inbox inbox, CaseChoices choices, Notices notices, Clock clock) {
        this.queries = queries;
        this.notices = notices;
        this.inbox = inbox;
        this.choices = choices;
        this.clock = clock;
    }

    /**
     * Calls due by the end of today, late ones first (they are the earliest due). A manager sees
     * everyone's in their scope unless they pick a person; everyone else sees their own.
     */
    @GetMapping("/follow-ups")
    public String callsDue(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long personId,
                           @RequestParam(required = false) Boolean all, Model model) {
        boolean everyone = all != null ? all : personId == null && Roles.manages(user);
        model.addAttribute("calls", queries.callsDue(user, everyone ? null : personId == null ? user.id() : personId,
                queries.today()));
        model.addAttribute("all", everyone);
        model.addAttribute("personId", everyone ? null : personId == null ? user.id() : personId);
        model.addAttribute("me", user.id());
        model.addAttribute("now", OffsetDateTime.now(clock));
        model.addAttribute("handlers", choices.handlers(user));
        return "casework/follow-ups";
    }

    @GetMapping("/inbox")
    public String inbox(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Integer page, Locale locale,
                        Model model) {
        model.addAttribute("page", inbox.list(user, false, PageRequest.of(page, null)));
        // other modules' notices (audits, recognition) beside the case messages: the latest, unread first
        List<Notices.Notice> others = notices.recent(user.id(), 50);
        model.addAttribute("notices", others);
        model.addAttribute("noticeText", others.stream().collect(Collectors.toMap(Notices.Notice::id, n -> notices.text(n, locale))));
        model.addAttribute("base", "/inbox");
        return "casework/inbox";
    }

    @Roles.SignedIn
    @PostMapping("/inbox/read")
    public String read(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long id) {
        inbox.markRead(user, id);
        if (id == null) {
            notices.markRead(user.id(), null);
        }
        return "redirect:/inbox";
    }

    @Roles.SignedIn
    @PostMapping("/inbox/notices/read")
    public String readNotice(@AuthenticationPrincipal AppUser user, @RequestParam long id) {
        notices.markRead(user.id(), id);
        return "redirect:/inbox";
    }

    /** The unread count in the menu, loaded by htmx so that pages need not compute it. */
    @GetMapping("/inbox/badge")
    public String badge(@AuthenticationPrincipal AppUser user, Model model) {
        model.addAttribute("unread", inbox.unread(user) + notices.unread(user.id()));
        return "casework/inbox :: badge";
    }
}
