package com.serviceloop.organisation;

import org.springframework.security.authentication.AccountStatusException;

/**
 * A single sign-on that the provider accepted but ServiceLoop does not: no rule matches, the unit a rule
 * names does not exist, the username belongs to a local account... {@link #reason()} picks the sign-in
 * page's message; the exception's own message, with the detail, goes to the log. An account-status
 * exception stops the sign-in at once, so a later provider's "wrong password" does not hide it.
 */
class SignInRefused extends AccountStatusException {
    /** The reasons the sign-in page words (login.sso.*), in the order a sign-in meets them. */
    enum Reason { UNAVAILABLE, FAILED, USERNAME, TAKEN, INACTIVE, UNMAPPED, UNIT, LAST_ADMIN }

    private final Reason reason;

    SignInRefused(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }

    /** How the reason travels in the sign-in page's address: {@code /login?sso=no-rule}. */
    String code() {
        return reason.name().toLowerCase().replace('_', '-');
    }
}
