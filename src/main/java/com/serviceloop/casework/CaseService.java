package com.serviceloop.casework;

import com.serviceloop.customer.CustomerService;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.Person;
import com.serviceloop.organisation.PersonService;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.OutletScope;
import com.serviceloop.platform.Text;
import com.serviceloop.standard.StandardService;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases from first contact to closing. Whoever records a case owns it until they hand it over to
 * a named person or team; every change is an event in an append-only history; the SLA clocks
 * follow the status (see {@link ClockEffects}) and count the outlet's business hours. A case
 * closes only through its follow-up call or a manager's waiver.
 */
@Service
public class CaseService {
    private final JdbcClient jdbc;
    private final OrgService org;
    private final PersonService people;
    private final CustomerService customers;
    private final CaseJournal journal;
    private final CaseClocks clocks;
    private final CaseQueries queries;
    private final OutletManagers outletManagers;
    private final CaseIntake intake;
    private final CaseWrites writes;
    private final HandOverNotices notices;
    private final StandardService standards;
    private final CaseTopics topics;

    public CaseService(JdbcClient jdbc, OrgService org, PersonService people, CustomerService customers,
                       CaseJournal journal, CaseClocks clocks, CaseQueries queries, OutletManagers outletManagers,
                       CaseIntake intake, CaseWrites writes, HandOverNotices notices, StandardService standards,
                       CaseTopics topics) {
        this.standards = standards;
        this.topics = topics;
        this.writes = writes;
        this.notices = notices;
        this.jdbc = jdbc;
        this.org = org;
        this.people = people;
        this.customers = customers;
        this.journal = journal;
        this.clocks = clocks;
        this.queries = queries;
        this.outletManagers = outletManagers;
        this.intake = intake;
    }

    public SupportCase get(AppUser user, long id) {
        return queries.get(user, id);
    }

    /** Records a case in the caller's transaction (a case raised by a survey response commits with it). */
    @Transactional
    public SupportCase create(AppUser user, CaseForm f) {
        return intake.store(prepare(user, f));
    }

    /**
     * Records a case from the counter, the phone or the API: checked here, then stored by group
     * commit together with the other cases recorded at the same moment, and answered once committed.
     */
    public SupportCase record(AppUser user, CaseForm f) {
        return intake.write(prepare(user, f));
    }

    /** Checks the case (scope, customer), creates a customer given by name, and works out its first two deadlines. */
    private CaseIntake.NewCase prepare(AppUser user, CaseForm f) {
        OutletScope scope = org.scopeOf(user);
        if (!scope.contains(f.outletId())) {
            throw BadInputException.of("outletId", "error.casework.noOutlet", String.valueOf(f.outletId()));
        }
        Long customerId = f.customerId();
        if (customerId != null && scope.bind(jdbc.sql("SELECT COUNT(*) FROM customer WHERE id = :id AND "
                        + scope.sqlFilter("home_outlet_id"))).param("id", customerId).query(Long.class).single() == 0) {
            throw BadInputException.of("customerId", "error.casework.noCustomer", String.valueOf(customerId));
        }
        if (customerId == null && Text.blankToNull(f.customerName()) != null) {
            customerId = quickCustomer(user, f).longValue();
        }
        OffsetDateTime now = writes.now();
        return new CaseIntake.NewCase(f.outletId(), customerId, f.channel(), f.caseType(), f.severity(),
                f.description().strip(), topics.check(f.outletId(), f.topic()), Text.blankToNull(f.product()), user.id(), now,
                clocks.deadline(f.outletId(), f.caseType(), f.severity(), SlaKind.FIRST_RESPONSE, now.toInstant(), List.of()),
                clocks.deadline(f.outletId(), f.caseType(), f.severity(), SlaKind.RESOLUTION, now.toInstant(), List.of()));
    }

    /**
     * A case raised by the system (a very negative survey response, say): recorded for and owned by
     * the outlet's nearest manager. Empty when the outlet has no manager to own it.
     */
    @Transactional
    public Optional<SupportCase> raise(long outletId, Long customerId, Channel channel, CaseType type,
                                                 Severity severity, String description) {
        return outletManagers.nearest(outletId).stream().findFirst()
                .flatMap(m -> people.find(m.id()))
                .map(p -> create(p.asUser(), new CaseForm(outletId, customerId, null, null, channel, type, severity,
                        description.length() > 4000 ? description.substring(0, 4000) : description, null, null)));
    }

    private Long quickCustomer(AppUser user, CaseForm f) {
        return customers.quickCreate(user, f.outletId(), f.customerName(), f.customerPhone()).id();
    }

    @Transactional
    public SupportCase move(AppUser user, long id, CaseCommands.Move m) {
        SupportCase c = get(user, id);
        if (m.to() == CaseStatus.CLOSED) {
            throw BadInputException.of("to", "error.casework.closeByFollowUp");
        }
        if (!c.status().canMoveTo(m.to())) {
            throw BadInputException.of("to", "error.casework.statusNext", String.valueOf(c.status()),
                    String.valueOf(c.status().next()));
        }
        writes.transition(user, c, m.version(), m.to(), m.note());
        return get(user, id);
    }

    /**
     * First-contact responsibility passes only by an explicit hand-over to a named person or a team;
     * the receiver (each member of a team) finds it in their inbox, and by e-mail if they have one.
     */
    @Transactional
    public SupportCase handOver(AppUser user, long id, CaseCommands.HandOver h) {
        if (h.personId() != null && h.teamId() != null) {
            throw BadInputException.of("teamId", "error.casework.handOverBoth");
        }
        if (h.personId() == null && h.teamId() == null) {
            throw BadInputException.of("personId", "error.casework.handOverNobody");
        }
        SupportCase c = get(user, id);
        OffsetDateTime now = writes.now();
        String from = c.ownerName() != null ? c.ownerName() : c.ownerTeamName();
        String receiver;
        if (h.personId() != null) {
            Person to = people.find(h.personId()).filter(Person::active)
                    .orElseThrow(() -> BadInputException.of("personId", "error.casework.noActivePerson",
                            String.valueOf(h.personId())));
            if (c.ownerId() != null && to.id() == c.ownerId()) {
                throw BadInputException.of("personId", "error.casework.alreadyOwner", to.displayName());
            }
            writes.bump(c, h.version(), "owner_id = :owner, owner_team_id = NULL", "owner", to.id(), now);
            receiver = to.displayName();
        } else {
            receiver = queries.teamName(user, h.teamId())
                    .orElseThrow(() -> BadInputException.of("teamId", "error.casework.noTeam",
                            String.valueOf(h.teamId())));
            writes.bump(c, h.version(), "owner_id = NULL, owner_team_id = :team", "team", h.teamId(), now);
        }
        journal.event(c, user.id(), now, "HANDED_OVER", c.status(), c.status(),
                from + " -> " + receiver + ": " + h.reason().strip());
        notices.send(c, user, h, receiver, now);
        return get(user, id);
    }

    /**
     * Records the follow-up call. Not reached: the case waits in follow-up. Reached: satisfied
     * (3 or more out of 5) closes the case; less reopens it, because the customer is still unhappy.
     */
    @Transactional
    public SupportCase followUp(AppUser user, long id, CaseCommands.FollowUp f) {
        SupportCase c = get(user, id);
        if (c.status() != CaseStatus.RESOLVED && c.status() != CaseStatus.FOLLOW_UP) {
            throw ConflictException.of("error.casework.followUpTooEarly", String.valueOf(id), String.valueOf(c.status()));
        }
        if (f.reached() && f.satisfaction() == null) {
            throw BadInputException.of("satisfaction", "error.casework.satisfactionMissing");
        }
        int version = f.version();
        if (c.status() == CaseStatus.RESOLVED) {
            writes.transition(user, c, version, CaseStatus.FOLLOW_UP, null);
            c = get(user, id);
            version = c.version();
        }
        String outcome = !f.reached() ? "NOT_REACHED" : f.satisfaction() >= 3 ? "CLOSED" : "REOPENED";
        recordFollowUp(c, user, outcome, f.reached() ? f.satisfaction() : null, f.reached() ? f.cameBack() : null,
                f.comment());
        switch (outcome) {
            case "CLOSED" -> writes.transition(user, c, version, CaseStatus.CLOSED, "Follow-up: satisfied " + f.satisfaction() + "/5");
            case "REOPENED" -> writes.transition(user, c, version, CaseStatus.IN_PROGRESS,
                    "Follow-up: not satisfied " + f.satisfaction() + "/5");
            default -> {
                writes.bump(c, version, "", Map.of(), writes.now());
                journal.event(c, user.id(), writes.now(), "FOLLOW_UP", c.status(), c.status(), "Customer not reached");
            }
        }
        return get(user, id);
    }

    /** A manager may close a resolved case without the call (customer asked not to be called, say). */
    @Transactional
    public SupportCase waive(AppUser user, long id, CaseCommands.Waiver w) {
        if (!Roles.manages(user)) {
            throw new AccessDeniedException("Only a manager can waive the follow-up call");
        }
        SupportCase c = get(user, id);
        if (c.status() != CaseStatus.RESOLVED && c.status() != CaseStatus.FOLLOW_UP) {
            throw ConflictException.of("error.casework.waiveNotResolved", String.valueOf(id), String.valueOf(c.status()));
        }
        int version = w.version();
        if (c.status() == CaseStatus.RESOLVED) {
            writes.transition(user, c, version, CaseStatus.FOLLOW_UP, null);
            c = get(user, id);
            version = c.version();
        }
        recordFollowUp(c, user, "WAIVED", null, null, w.reason());
        writes.transition(user, c, version, CaseStatus.CLOSED, "Follow-up waived: " + w.reason().strip());
        return get(user, id);
    }

    private void recordFollowUp(SupportCase c, AppUser user, String outcome, Integer satisfaction, Boolean cameBack,
                                String comment) {
        jdbc.sql("""
                INSERT INTO case_follow_up (case_id, recorded_by, recorded_at, outcome, satisfaction, came_back, comment)
                VALUES (:c, :by, :at, :outcome, :sat, :back, :comment)""")
                .param("c", c.id()).param("by", user.id()).param("at", writes.now()).param("outcome", outcome)
                .param("sat", satisfaction).param("back", cameBack).param("comment", Text.blankToNull(comment)).update();
    }

    /** Recovery and learning: remedy and its cost, the standards the case breached, a problem to work on. */
    @Transactional
    public SupportCase recover(AppUser user, long id, CaseCommands.Recovery r) {
        SupportCase c = get(user, id);
        List<Long> standardIds = r.standardIds() == null ? List.of() : r.standardIds().stream().distinct().toList();
        for (Long s : standardIds) {
            if (s == null || !standards.exists(s)) {
                throw BadInputException.of("standardIds", "error.casework.noStandard", String.valueOf(s));
            }
        }
        OffsetDateTime now = writes.now();
        boolean problem = r.problem() != null ? r.problem() : c.problem();
        var values = new HashMap<String, Object>();
        values.put("remedy", Text.blankToNull(r.remedy()));
        values.put("cost", r.remedyCost());
        values.put("problem", problem);
        writes.bump(c, r.version(), "remedy = :remedy, remedy_cost = :cost, problem = :problem", values, now);
        jdbc.sql("DELETE FROM case_standard WHERE case_id = :id").param("id", id).update();
        for (Long s : standardIds) {
            jdbc.sql("INSERT INTO case_standard (case_id, standard_id) VALUES (:c, :s)").param("c", id).param("s", s).update();
        }
        journal.event(c, user.id(), now, "RECOVERY", c.status(), c.status(),
                (r.remedy() == null ? "" : r.remedy().strip()) + (r.remedyCost() == null ? "" : " (" + r.remedyCost() + ")")
                        + (problem && !c.problem() ? " [marked as a problem]" : ""));
        return get(user, id);
    }

    @Transactional
    public SupportCase markProblem(AppUser user, long id, boolean problem) {
        SupportCase c = get(user, id);
        writes.bump(c, c.version(), "problem = :problem", "problem", problem, writes.now());
        journal.event(c, user.id(), writes.now(), problem ? "PROBLEM" : "NOT_PROBLEM", c.status(), c.status(), null);
        return get(user, id);
    }
}
