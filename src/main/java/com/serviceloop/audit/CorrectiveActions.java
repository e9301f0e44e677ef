package com.serviceloop.audit;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.Person;
import com.serviceloop.organisation.PersonService;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.Notices;
import com.serviceloop.platform.OutletScope;
import com.serviceloop.platform.Rows;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrective actions: one per missed item of an audit (NOT_MET, a target not kept, 0 or 1 on the scale),
 * with an owner and a due date. They live with the audits for now; the owner finds them in their list.
 */
@Service
public class CorrectiveActions {
    private static final String ACTION = """
            SELECT c.id, c.audit_id, c.item_id, i.text AS item_text, c.outlet_id, u.name AS outlet_name, c.owner_id,
                   p.display_name AS owner_name, c.due_on, c.description, c.status, c.created_at, c.done_at
            FROM audit_action c JOIN audit_item i ON i.id = c.item_id JOIN org_unit u ON u.id = c.outlet_id
            JOIN person p ON p.id = c.owner_id""";
    private final JdbcClient jdbc;
    private final Audits audits;
    private final AuditRepository answers;
    private final PersonService people;
    private final OrgService org;
    private final Notices notices;
    private final Clock clock;

    public CorrectiveActions(JdbcClient jdbc, Audits audits, AuditRepository answers, PersonService people,
                             OrgService org, Notices notices, Clock clock) {
        this.notices = notices;
        this.jdbc = jdbc;
        this.audits = audits;
        this.answers = answers;
        this.people = people;
        this.org = org;
        this.clock = clock;
    }

    @Transactional
    public CorrectiveAction raise(AppUser user, long auditId, ActionForm f) {
        Audit audit = audits.get(user, auditId);
        Answer answer = answers.answer(auditId, f.itemId())
                .orElseThrow(() -> BadInputException.of("itemId", "error.audit.actionNotMissed", String.valueOf(f.itemId())));
        if (answer.score() == null || answer.score().doubleValue() >= Scoring.MISS_BELOW) {
            throw BadInputException.of("itemId", "error.audit.actionNotMissed", String.valueOf(f.itemId()));
        }
        Person owner = people.find(f.ownerId()).filter(Person::active)
                .orElseThrow(() -> BadInputException.of("ownerId", "error.audit.unknownOwner", String.valueOf(f.ownerId())));
        if (jdbc.sql("SELECT COUNT(*) FROM audit_action WHERE audit_id = :a AND item_id = :i").param("a", auditId)
                .param("i", f.itemId()).query(Long.class).single() > 0) {
            throw ConflictException.of("error.audit.actionExists", String.valueOf(f.itemId()));
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO audit_action (audit_id, item_id, outlet_id, owner_id, due_on, description, status, created_by,
                    created_at) VALUES (:a, :i, :o, :owner, :due, :d, 'OPEN', :by, :at)""")
                .param("a", auditId).param("i", f.itemId()).param("o", audit.outletId()).param("owner", owner.id())
                .param("due", f.dueOn()).param("d", f.description().strip()).param("by", user.id())
                .param("at", OffsetDateTime.now(clock)).update(keys, "id");
        CorrectiveAction raised = get(user, keys.getKey().longValue());
        notices.post(owner.id(), "AUDIT_ACTION", "/audits/" + auditId, "audits.notice.action", raised.itemText(),
                raised.outletName(), raised.dueOn().toString());
        return raised;
    }

    public CorrectiveAction get(AppUser user, long id) {
        OutletScope scope = org.scopeOf(user);
        return scope.bind(jdbc.sql(ACTION + " WHERE c.id = :id AND " + scope.sqlFilter("c.outlet_id"))).param("id", id)
                .query(Rows.of(CorrectiveAction.class)).optional()
                .orElseThrow(() -> new NotFoundException("Corrective action", id));
    }

    /** Open first, by due date; {@code mine}: only those the caller owns; {@code auditId}: one audit's. */
    public List<CorrectiveAction> list(AppUser user, boolean mine, Long auditId, String status) {
        OutletScope scope = org.scopeOf(user);
        var spec = jdbc.sql(ACTION + " WHERE " + scope.sqlFilter("c.outlet_id") + (mine ? " AND c.owner_id = :me" : "")
                + (auditId == null ? "" : " AND c.audit_id = :a") + (status == null ? "" : " AND c.status = :s")
                + " ORDER BY CASE WHEN c.status = 'OPEN' THEN 0 ELSE 1 END, c.due_on, c.id LIMIT 500");
        spec = mine ? spec.param("me", user.id()) : spec;
        spec = auditId == null ? spec : spec.param("a", auditId);
        spec = status == null ? spec : spec.param("s", status);
        return scope.bind(spec).query(Rows.of(CorrectiveAction.class)).list();
    }

    @Transactional
    public CorrectiveAction done(AppUser user, long id) {
        get(user, id);
        if (jdbc.sql("UPDATE audit_action SET status = 'DONE', done_at = :at WHERE id = :id AND status = 'OPEN'")
                .param("id", id).param("at", OffsetDateTime.now(clock)).update() == 0) {
            throw ConflictException.of("error.audit.actionDone", String.valueOf(id));
        }
        return get(user, id);
    }
}
