package com.serviceloop.customer;

/**
 * What a contact rule asks the outlet to do. The first two repeat every period; a win-back and a
 * refill reminder are tied to the customer's last visit, so they come once per absence or refill.
 */
public enum ContactKind {
    /** Thank a roster group once per period. */
    THANK,
    /** Ask latent customers (who like the outlet but rarely come) what keeps them away, once per period. */
    ASK_LATENT,
    /** Win back a lapsed heavy or medium customer soon after they became lapsed. */
    WIN_BACK,
    /** Remind a customer with a regular rhythm shortly before their next purchase is due. */
    REFILL;

    public boolean periodic() {
        return this == THANK || this == ASK_LATENT;
    }
}
