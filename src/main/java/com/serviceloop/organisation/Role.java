package com.serviceloop.organisation;

public enum Role {
    ADMIN, MANAGER, STAFF, AUDITOR, SHOPPER;

    public String authority() {
        return "ROLE_" + name();
    }
}
