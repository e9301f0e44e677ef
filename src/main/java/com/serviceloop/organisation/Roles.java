package com.serviceloop.organisation;

import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Who may do what: every role rule on an API operation or a page is one of these annotations, so
 * the rules are read and changed here and nowhere else. {@link Rule} says in words what each one
 * allows and to whom; README's role table is built from it (RolesTableTest). The outlet scope of a
 * caller is applied inside the queries, not here.
 */
public final class Roles {
    private Roles() {
    }

    /** Administrators only: the organisation tree, people, single sign-on rules, API tokens, webhooks, jobs. */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasRole('ADMIN')")
    public @interface Admin {
    }

    /**
     * Administrators and managers of the whole chain: what applies to every outlet (standards,
     * blueprints, surveys, SLA targets, case topics, SQI failure types, insight settings).
     */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    // ChainScope decides it whole (administrator, or manager of a chain unit), for pages too
    @PreAuthorize("@chainWide.allows(principal)")
    public @interface ChainWide {
    }

    /** Administrators and managers: their outlets' hours, links, bulk work, waivers, imports. */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN','MANAGER')")
    public @interface Managers {
    }

    /** Everyone who serves customers (administrators, managers, staff): customers, visits, cases, leadership rounds. */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN','MANAGER','STAFF')")
    public @interface FrontLine {
    }

    /** Everyone with a role, auditors included: the kinds of write an auditor makes (results, a training evaluation). */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN','MANAGER','STAFF','AUDITOR')")
    public @interface Measures {
    }

    /** Those who look over the outlets (administrators, managers, auditors): reports, exports and service audits. */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN','MANAGER','AUDITOR')")
    public @interface Oversight {
    }

    /** Anyone signed in with a role, to read (a handler under it changes nothing but the reader's own inbox). */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN','MANAGER','STAFF','AUDITOR')")
    public @interface SignedIn {
    }

    /**
     * Mystery shoppers only: their own assigned visits (answers, proof of visit, submit). A shopper is
     * refused everything else, pages included (SecurityConfig), so that an anonymous visitor learns
     * nothing about the outlets beyond what they see in the shop.
     */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasRole('SHOPPER')")
    public @interface Shopper {
    }

    /** The rows of README's role table: a role, split where the scope unit changes what it may do. */
    public enum Holder {
        ADMINISTRATOR("administrator", "everything"),
        CHAIN_MANAGER("manager of the chain (scope unit: the chain)", "the whole chain"),
        LOCAL_MANAGER("manager of a region or an outlet",
                "their region or outlet and the outlets under it; what applies to every outlet, read-only"),
        STAFF("service staff", "their outlet (a person scoped to a team works in that team's outlet)"),
        AUDITOR("auditor", "the unit they are scoped to and the outlets under it"),
        SHOPPER("mystery shopper", "only the mystery-shopping visits assigned to them (no scores, no other page)");

        private final String label;
        private final String sees;

        Holder(String label, String sees) {
            this.label = label;
            this.sees = sees;
        }

        public String label() {
            return label;
        }

        public String sees() {
            return sees;
        }
    }

    /** Each rule in words, with the holders it lets through: the may column of README's table. */
    public enum Rule {
        ADMIN(Admin.class, "manage the organisation tree, people, single sign-on rules, API tokens, webhooks and background jobs",
                Holder.ADMINISTRATOR),
        CHAIN_WIDE(ChainWide.class, "change what applies to every outlet: standards with their priorities and SLA links, "
                + "the starter library, blueprints, audit forms, mystery-shopping programmes and shoppers' nicknames, surveys and their case thresholds, SLA targets, SQI failure types "
                + "and target, case topics, insight settings, training programmes and the grading of their evaluation",
                Holder.ADMINISTRATOR, Holder.CHAIN_MANAGER),
        MANAGERS(Managers.class, "run their outlets: outlet hours, survey links, QR posters and "
                + "invitations, a case for a survey answer, sign off audits, waive follow-up calls, bulk case actions, import and export "
                + "customers and visits, plan training sessions and record attendees' results",
                Holder.ADMINISTRATOR, Holder.CHAIN_MANAGER, Holder.LOCAL_MANAGER),
        FRONT_LINE(FrontLine.class, "serve customers: write customers and visits, record and work cases, call back, "
                + "attach photos; run leadership questionnaire rounds about themselves (managers also read those of the "
                + "leaders in their scope)", Holder.ADMINISTRATOR, Holder.CHAIN_MANAGER, Holder.LOCAL_MANAGER, Holder.STAFF),
        MEASURES(Measures.class, "record audit results: measurements against a standard and SQI failure events, and evaluate "
                + "training programmes",
                Holder.ADMINISTRATOR, Holder.CHAIN_MANAGER, Holder.LOCAL_MANAGER, Holder.STAFF, Holder.AUDITOR),
        OVERSIGHT(Oversight.class, "read survey reports, response exports and the five-gap model; conduct service "
                + "audits (start, answer, photos, submit); assign, review and debrief mystery-shopping visits",
                Holder.ADMINISTRATOR, Holder.CHAIN_MANAGER, Holder.LOCAL_MANAGER, Holder.AUDITOR),
        SIGNED_IN(SignedIn.class, "read what they see: customers, cases, standards, blueprints, surveys, settings and "
                + "figures; mark their own inbox read", Holder.ADMINISTRATOR, Holder.CHAIN_MANAGER, Holder.LOCAL_MANAGER,
                Holder.STAFF, Holder.AUDITOR),
        SHOPPER(Shopper.class, "conduct their assigned mystery-shopping visits: answers, receipt photo and visit time, "
                + "submit and resubmit after a return", Holder.SHOPPER);

        private final Class<? extends Annotation> annotation;
        private final String may;
        private final Set<Holder> holders;

        Rule(Class<? extends Annotation> annotation, String may, Holder... holders) {
            this.annotation = annotation;
            this.may = may;
            this.holders = Set.copyOf(EnumSet.copyOf(Arrays.asList(holders)));
        }

        public Class<? extends Annotation> annotation() {
            return annotation;
        }

        public String may() {
            return may;
        }

        public boolean lets(Holder holder) {
            return holders.contains(holder);
        }

        /** The rule on a handler: the method's own, else its class's; empty when it has none. */
        public static Optional<Rule> of(Method method) {
            for (Rule rule : values()) {
                if (AnnotatedElementUtils.hasAnnotation(method, rule.annotation)) {
                    return Optional.of(rule);
                }
            }
            for (Rule rule : values()) {
                if (AnnotatedElementUtils.hasAnnotation(method.getDeclaringClass(), rule.annotation)) {
                    return Optional.of(rule);
                }
            }
            return Optional.empty();
        }
    }

    /** README's role table, in Markdown, as the rules above make it. */
    public static String table() {
        StringBuilder md = new StringBuilder("| role | sees | may |\n|---|---|---|\n");
        for (Holder holder : Holder.values()) {
            String may = Arrays.stream(Rule.values()).filter(r -> r.lets(holder)).map(Rule::may)
                    .collect(Collectors.joining("; "));
            md.append("| ").append(holder.label()).append(" | ").append(holder.sees()).append(" | ").append(may)
                    .append(" |\n");
        }
        return md.toString();
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
