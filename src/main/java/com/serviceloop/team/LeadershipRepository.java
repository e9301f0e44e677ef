package com.serviceloop.team;

import com.serviceloop.platform.OutletScope;
import com.serviceloop.platform.Rows;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class LeadershipRepository {
    private static final String ROUND = """
            SELECT r.id, r.leader_id, p.display_name AS leader_name, r.outlet_id, u.name AS unit_name, r.title,
                   r.started_at, r.self_scores,
                   (SELECT COUNT(*) FROM leadership_invitation i WHERE i.round_id = r.id) AS invited,
                   (SELECT COUNT(*) FROM leadership_invitation i WHERE i.round_id = r.id AND i.used = TRUE) AS answered
            FROM leadership_round r JOIN person p ON p.id = r.leader_id LEFT JOIN org_unit u ON u.id = r.unit_id""";
    private static final String ACTION = "SELECT id, round_id, principle, action, due_on, done, version FROM leadership_action";
    private final JdbcClient jdbc;

    LeadershipRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Who asks: their own rounds always; a manager also those of the outlets in their scope and of the
     * units above the outlets they see (units; null for an administrator, who sees every round).
     */
    record Viewer(long personId, boolean managerial, OutletScope scope, Collection<Long> units) {
        String sql() {
            if (!managerial) {
                return "r.leader_id = :me";
            }
            if (scope.all()) {
                return "1=1";
            }
            return "(r.leader_id = :me OR (r.outlet_id IS NOT NULL AND " + scope.sqlFilter("r.outlet_id")
                    + ") OR (r.outlet_id IS NULL AND " + (units.isEmpty() ? "1=0" : "r.unit_id IN (:units)") + "))";
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            JdbcClient.StatementSpec bound = scope.bind(spec.param("me", personId));
            return managerial && !scope.all() && !units.isEmpty() ? bound.param("units", units) : bound;
        }
    }

    record RoundRow(long id, long leaderId, String leaderName, Long outletId, String unitName, String title,
                    OffsetDateTime startedAt, String selfScores, int invited, int answered) {
    }

    List<RoundRow> rounds(Viewer viewer) {
        return viewer.bind(jdbc.sql(ROUND + " WHERE " + viewer.sql() + " ORDER BY r.started_at DESC, r.id DESC LIMIT 500"))
                .query(Rows.of(RoundRow.class)).list();
    }

    Optional<RoundRow> round(Viewer viewer, long id) {
        return viewer.bind(jdbc.sql(ROUND + " WHERE r.id = :id AND " + viewer.sql())).param("id", id)
                .query(Rows.of(RoundRow.class)).optional();
    }

    /** A round with the 20 empty sums its answers will be added to. */
    long insertRound(long leaderId, Long outletId, Long unitId, String title, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO leadership_round (leader_id, outlet_id, unit_id, title, started_at)
                        VALUES (:leader, :outlet, :unit, :title, :now)""")
                .param("leader", leaderId).param("outlet", outletId).param("unit", unitId).param("title", title)
                .param("now", now).update(keys, "id");
        long id = keys.getKey().longValue();
        for (int no = 1; no <= Principle.ITEMS; no++) {
            jdbc.sql("INSERT INTO leadership_tally (round_id, item_no) VALUES (:r, :no)").param("r", id).param("no", no)
                    .update();
        }
        return id;
    }

    void setSelf(long roundId, String scores) {
        jdbc.sql("UPDATE leadership_round SET self_scores = :s WHERE id = :id").param("s", scores).param("id", roundId)
                .update();
    }

    long insertInvitation(long roundId, String token, String invitee, String email, OffsetDateTime now,
                          OffsetDateTime expires) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO leadership_invitation (round_id, token, invitee, email, created_at, expires_at)
                        VALUES (:r, :t, :name, :email, :now, :expires)""")
                .param("r", roundId).param("t", token).param("name", invitee).param("email", email).param("now", now)
                .param("expires", expires).update(keys, "id");
        return keys.getKey().longValue();
    }

    record InvitationRow(long id, String token, String invitee, String email, OffsetDateTime createdAt,
                         OffsetDateTime expiresAt, boolean used) {
    }

    List<InvitationRow> invitations(long roundId) {
        return jdbc.sql("""
                        SELECT id, token, invitee, email, created_at, expires_at, used FROM leadership_invitation
                        WHERE round_id = :r ORDER BY id""")
                .param("r", roundId).query(Rows.of(InvitationRow.class)).list();
    }

    /** What a rater's link leads to, whoever holds it: the link's state and whom it asks about. */
    record LinkRow(long roundId, String leaderName, OffsetDateTime expiresAt, boolean used) {
    }

    Optional<LinkRow> link(String token) {
        return jdbc.sql("""
                        SELECT i.round_id, p.display_name AS leader_name, i.expires_at, i.used
                        FROM leadership_invitation i JOIN leadership_round r ON r.id = i.round_id
                        JOIN person p ON p.id = r.leader_id WHERE i.token = :t""")
                .param("t", token).query(Rows.of(LinkRow.class)).optional();
    }

    /** Answers to one round are taken one after the other, so that the count of those waiting is exact. */
    void lock(long roundId) {
        jdbc.sql("SELECT id FROM leadership_round WHERE id = :id FOR UPDATE").param("id", roundId).query(Long.class)
                .single();
    }

    /** Uses the link once: false when it was used or has expired meanwhile. Records no time. */
    boolean use(String token, OffsetDateTime now) {
        return jdbc.sql("""
                        UPDATE leadership_invitation SET used = TRUE
                        WHERE token = :t AND used = FALSE AND expires_at > :now""")
                .param("t", token).param("now", now).update() == 1;
    }

    void addPending(long roundId, String scores) {
        jdbc.sql("INSERT INTO leadership_pending (id, round_id, scores) VALUES (:id, :r, :s)")
                .param("id", UUID.randomUUID().toString()).param("r", roundId).param("s", scores).update();
    }

    List<String> pending(long roundId) {
        return jdbc.sql("SELECT scores FROM leadership_pending WHERE round_id = :r").param("r", roundId)
                .query(String.class).list();
    }

    void clearPending(long roundId) {
        jdbc.sql("DELETE FROM leadership_pending WHERE round_id = :r").param("r", roundId).update();
    }

    /** Adds answers to the sums: per item, how many more scores and how much more their sum. */
    void addToTally(long roundId, int answers, int[] sums) {
        for (int i = 0; i < sums.length; i++) {
            jdbc.sql("""
                            UPDATE leadership_tally SET raters = raters + :n, score_sum = score_sum + :s
                            WHERE round_id = :r AND item_no = :no""")
                    .param("n", answers).param("s", sums[i]).param("r", roundId).param("no", i + 1).update();
        }
    }

    LeadershipScores.Tally tally(long roundId) {
        int[] raters = new int[Principle.ITEMS];
        int[] sums = new int[Principle.ITEMS];
        jdbc.sql("SELECT item_no, raters, score_sum FROM leadership_tally WHERE round_id = :r").param("r", roundId)
                .query(rs -> {
                    raters[rs.getInt(1) - 1] = rs.getInt(2);
                    sums[rs.getInt(1) - 1] = rs.getInt(3);
                });
        return new LeadershipScores.Tally(raters, sums);
    }

    List<LeadershipAction> actions(long roundId) {
        return jdbc.sql(ACTION + " WHERE round_id = :r ORDER BY due_on, id").param("r", roundId)
                .query(Rows.of(LeadershipAction.class)).list();
    }

    Optional<LeadershipAction> action(long roundId, long id) {
        return jdbc.sql(ACTION + " WHERE round_id = :r AND id = :id").param("r", roundId).param("id", id)
                .query(Rows.of(LeadershipAction.class)).optional();
    }

    long insertAction(long roundId, Principle principle, String action, LocalDate dueOn, boolean done,
                      OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO leadership_action (round_id, principle, action, due_on, done, created_at)
                        VALUES (:r, :p, :a, :due, :done, :now)""")
                .param("r", roundId).param("p", principle.name()).param("a", action).param("due", dueOn)
                .param("done", done).param("now", now).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Compare-and-set on the version: false when the action was changed since it was read. */
    boolean updateAction(long id, int version, Principle principle, String action, LocalDate dueOn, boolean done) {
        return jdbc.sql("""
                        UPDATE leadership_action SET principle = :p, action = :a, due_on = :due, done = :done,
                               version = version + 1
                        WHERE id = :id AND version = :v""")
                .param("p", principle.name()).param("a", action).param("due", dueOn).param("done", done)
                .param("id", id).param("v", version).update() == 1;
    }
}
