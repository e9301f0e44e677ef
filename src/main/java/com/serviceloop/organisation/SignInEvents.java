package com.serviceloop.organisation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Single sign-on and directory sign-ins, successful and refused, as one line each in the log. {@link #record}
 * is the one place they pass: the audit trail will keep them from there.
 */
@Component
class SignInEvents {
    private static final Logger log = LoggerFactory.getLogger(SignInEvents.class);

    /** How the person signed in: an OpenID provider (its id) or the directory. */
    record Event(String method, String username, boolean succeeded, String detail) {
    }

    void succeeded(String method, String username, String detail) {
        record(new Event(method, username, true, detail));
    }

    void failed(String method, String username, String detail) {
        record(new Event(method, username, false, detail));
    }

    /** Every sign-in event goes through here (the audit trail's hook). */
    void record(Event e) {
        if (e.succeeded()) {
            log.info("Sign-in through {} succeeded: '{}' {}", printable(e.method()), printable(e.username()),
                    printable(e.detail()));
        } else {
            log.warn("Sign-in through {} refused: '{}' {}", printable(e.method()), printable(e.username()),
                    printable(e.detail()));
        }
    }

    /** What a provider or a typed name sends goes into the log without control characters that could forge lines. */
    static String printable(String s) {
        if (s == null) {
            return "";
        }
        String shown = s.length() > 500 ? s.substring(0, 500) + "…" : s;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
