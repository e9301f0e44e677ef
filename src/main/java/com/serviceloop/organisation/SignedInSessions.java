package com.serviceloop.organisation;

import java.util.Objects;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * A session keeps the person as they were at sign-in (role, scope) for up to eight hours; when what
 * they may do changes, their sessions end on every instance at once (Spring Session's index of
 * sessions by principal name), as their API tokens already stop.
 */
@Component
class SignedInSessions {
    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SignedInSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** Ends the sessions of the person before a change, if the change touches what they may do. */
    void endIfAccessChanged(Person before, Person after, boolean passwordChanged) {
        if (before.username() == null) {
            return;
        }
        boolean changed = passwordChanged || !after.active() || after.role() != before.role()
                || !Objects.equals(after.scopeUnitId(), before.scopeUnitId())
                || !Objects.equals(after.teamId(), before.teamId())
                || !before.username().equals(after.username());
        if (changed) {
            sessions.findByPrincipalName(before.username()).keySet().forEach(sessions::deleteById);
        }
    }
}
