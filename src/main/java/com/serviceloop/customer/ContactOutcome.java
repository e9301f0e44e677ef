package com.serviceloop.customer;

/** How a contact went. */
public enum ContactOutcome {
    REACHED, NO_ANSWER, DECLINED, WILL_COME_BACK, COMPLAINT_RAISED, WRONG_NUMBER
}
