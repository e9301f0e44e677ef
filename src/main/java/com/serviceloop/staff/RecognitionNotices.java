package com.serviceloop.staff;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The hook that will put a new recognition note into the recipient's inbox. The generic inbox
 * (platform.Notices) is being built separately and is not on main yet; until it is, the recipient
 * finds the note on "my recognition" and this only logs. Wiring it: call the inbox here, nowhere else.
 */
@Component
class RecognitionNotices {
    private static final Logger log = LoggerFactory.getLogger(RecognitionNotices.class);

    void noteWritten(RecognitionNote note) {
        log.debug("Recognition note {} written to {}", note.id(),
                note.personId() != null ? "person " + note.personId() : "team " + note.teamId());
    }
}
