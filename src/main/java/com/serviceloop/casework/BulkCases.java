package com.serviceloop.casework;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.Messages;
import com.serviceloop.platform.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * A manager's action on many cases at once. Each case is changed in its own transaction at its
 * current version, so one case that cannot move does not hold back the others; the answer says
 * what happened to each.
 */
@Service
class BulkCases {
    private final CaseService cases;
    private final MessageSource messages;

    public BulkCases(CaseService cases, MessageSource messages) {
        this.cases = cases;
        this.messages = messages;
    }

    public List<CaseCommands.BulkResult> apply(AppUser user, CaseCommands.Bulk b) {
        if (!Roles.manages(user)) {
            throw new AccessDeniedException("Bulk actions are for managers");
        }
        if (b.action() == CaseCommands.BulkAction.MOVE && b.to() == null) {
            throw BadInputException.of("to", "error.casework.bulkStatus");
        }
        if (b.action() == CaseCommands.BulkAction.HAND_OVER) {
            if (b.personId() != null && b.teamId() != null) {
                throw BadInputException.of("teamId", "error.casework.bulkHandOverBoth");
            }
            if (b.personId() == null && b.teamId() == null) {
                throw BadInputException.of("personId", "error.casework.bulkHandOverNobody");
            }
            if (b.reason() == null || b.reason().isBlank()) {
                throw BadInputException.of("reason", "error.casework.bulkReason");
            }
        }
        List<CaseCommands.BulkResult> results = new ArrayList<>();
        for (Long id : b.ids().stream().distinct().toList()) {
            try {
                SupportCase c = cases.get(user, id);
                switch (b.action()) {
                    case HAND_OVER -> cases.handOver(user, id,
                            new CaseCommands.HandOver(b.personId(), b.teamId(), b.reason(), c.version()));
                    case MOVE -> cases.move(user, id, new CaseCommands.Move(b.to(), c.version(), b.reason()));
                    case MARK_PROBLEM -> cases.markProblem(user, id, true);
                    case UNMARK_PROBLEM -> cases.markProblem(user, id, false);
                }
                results.add(new CaseCommands.BulkResult(id, true, "done"));
            } catch (BadInputException | ConflictException | NotFoundException e) {
                // the list page and the API both show these as they are, so they are worded for the caller here
                results.add(new CaseCommands.BulkResult(id, false, Messages.refusal(e, messages, LocaleContextHolder.getLocale())));
            }
        }
        return results;
    }
}
