package com.serviceloop.organisation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Who may do what: every role rule on an API operation or a page is one of these annotations, so
 * the rules are read and changed here and nowhere else. The outlet scope of a caller is applied
 * inside the queries, not here.
 */
public final class Roles {
    private Roles() {
    }

    /** Administrators only: the organisation tree, people, API tokens, chain settings, jobs. */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasRole('ADMIN')")
    public @interface Admin {
    }

    /** Administrators and managers: standards, blueprints, surveys, bulk work, waivers, imports. */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN','MANAGER')")
    public @interface Managers {
    }

    /** Everyone who serves customers (administrators, managers, staff): customers, visits, cases. */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN','MANAGER','STAFF')")
    public @interface FrontLine {
    }

    /** Those who look over the outlets (administrators, managers, auditors): figures and exports. */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN','MANAGER','AUDITOR')")
    public @interface Oversight {
    }

    /** Anyone signed in with a role. */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN','MANAGER','STAFF','AUDITOR')")
    public @interface SignedIn {
    }

    /** The rule of {@link FrontLine}, for what a page shows: a customer's phone number, say. */
    public static boolean servesCustomers(AppUser user) {
        return user.role() == Role.ADMIN || user.role() == Role.MANAGER || user.role() == Role.STAFF;
    }

    /** The rule of {@link Managers}, for a decision inside a method that others may also call. */
    public static boolean manages(AppUser user) {
        return user.role() == Role.ADMIN || user.role() == Role.MANAGER;
    }
}
