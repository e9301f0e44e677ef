package com.serviceloop.team;

/** A rater's link that was answered already or has expired: answered 410 Gone, saying which. */
class RaterLinkGone extends RuntimeException {
    private final boolean used;

    RaterLinkGone(boolean used) {
        super(used ? "This link has been used already" : "This link has expired");
        this.used = used;
    }

    /** The message key of what the rater reads. */
    String key() {
        return used ? "leadership.gone.used" : "leadership.gone.expired";
    }
}
