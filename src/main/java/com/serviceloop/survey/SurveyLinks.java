package com.serviceloop.survey;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.OutletScope;
import com.serviceloop.platform.Rows;
import java.security.SecureRandom;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Public links to a survey: per outlet and channel, or one per invited customer (single use). */
@Service
class SurveyLinks {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How staff reach the climate survey: a link in the team's chat, a QR code in the staff room, a tablet there. */
    static final List<String> STAFF_CHANNELS = List.of("LINK", "QR", "KIOSK");
    private static final String SELECT = "SELECT token, survey_id, outlet_id, channel, customer_id, single_use, used_at, "
            + "active, created_at FROM survey_link";
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final OrgService org;
    private final SurveyRepository surveys;
    private final Clock clock;

    public SurveyLinks(JdbcClient jdbc, JdbcTemplate batch, OrgService org, SurveyRepository surveys, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.org = org;
        this.surveys = surveys;
        this.clock = clock;
    }

    public record LinkForm(Long outletId, String channel, Boolean singleUse, Long customerId) {
    }

    /** 256 random bits, URL-safe: 43 characters nobody can guess or enumerate. */
    static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public SurveyLink create(AppUser user, long surveyId, LinkForm f) {
        if (SurveyKind.CLIMATE.is(surveys.get(surveyId).kind())) {
            staffLink(f);
        }
        OutletScope scope = org.scopeOf(user);
        if (f.outletId() != null && !scope.contains(f.outletId())) {
            throw BadInputException.of("outletId", "error.survey.linkOutletScope", String.valueOf(f.outletId()));
        }
        if (f.outletId() == null && !user.isAdmin()) {
            throw BadInputException.of("outletId", "error.survey.linkOutletMissing");
        }
        String channel = f.channel() == null ? "LINK" : f.channel();
        if (!List.of("LINK", "QR", "KIOSK", "EMAIL", "BOX", "CALL").contains(channel)) {
            throw BadInputException.of("channel", "error.survey.linkChannel");
        }
        if (f.customerId() != null && scope.bind(jdbc.sql("SELECT COUNT(*) FROM customer WHERE id = :id AND "
                + scope.sqlFilter("home_outlet_id"))).param("id", f.customerId()).query(Long.class).single() == 0) {
            throw BadInputException.of("customerId", "error.survey.linkCustomerScope", String.valueOf(f.customerId()));
        }
        boolean single = f.singleUse() != null ? f.singleUse() : f.customerId() != null || channel.equals("EMAIL");
        String token = newToken();
        jdbc.sql("""
                INSERT INTO survey_link (token, survey_id, outlet_id, channel, customer_id, single_use, created_at)
                VALUES (:t, :s, :o, :ch, :c, :single, :now)""")
                .param("t", token).param("s", surveyId).param("o", f.outletId()).param("ch", channel)
                .param("c", f.customerId()).param("single", single).param("now", OffsetDateTime.now(clock)).update();
        return find(token).orElseThrow();
    }

    /**
     * A staff link of the climate survey keeps its answers anonymous and per outlet: it belongs to one
     * outlet, to no customer, and is shared by the whole team (a link per person would name them).
     */
    private static void staffLink(LinkForm f) {
        if (f.outletId() == null) {
            throw BadInputException.of("outletId", "error.climate.linkOutlet");
        }
        if (f.customerId() != null) {
            throw BadInputException.of("customerId", "error.climate.linkCustomer");
        }
        if (Boolean.TRUE.equals(f.singleUse())) {
            throw BadInputException.of("singleUse", "error.climate.linkSingleUse");
        }
        if (f.channel() != null && !STAFF_CHANNELS.contains(f.channel())) {
            throw BadInputException.of("channel", "error.climate.linkChannel", String.join(", ", STAFF_CHANNELS));
        }
    }

    /** The oldest open link of an outlet and channel that anyone may answer through (not an invitation). */
    Optional<SurveyLink> shared(long surveyId, long outletId, String channel) {
        return jdbc.sql(SELECT + " WHERE survey_id = :s AND outlet_id = :o AND channel = :ch AND customer_id IS NULL"
                        + " AND single_use = FALSE AND active = TRUE ORDER BY created_at LIMIT 1")
                .param("s", surveyId).param("o", outletId).param("ch", channel).query(Rows.of(SurveyLink.class)).optional();
    }

    /** Stores links made elsewhere in this module (past answers loaded in bulk), in one batch. */
    void storeAll(List<SurveyLink> links) {
        batch.batchUpdate("""
                INSERT INTO survey_link (token, survey_id, outlet_id, channel, customer_id, single_use, used_at, active,
                    created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", links, 500, (ps, l) -> {
                    ps.setString(1, l.token());
                    ps.setLong(2, l.surveyId());
                    ps.setObject(3, l.outletId(), Types.BIGINT);
                    ps.setString(4, l.channel());
                    ps.setObject(5, l.customerId(), Types.BIGINT);
                    ps.setBoolean(6, l.singleUse());
                    ps.setObject(7, l.usedAt());
                    ps.setBoolean(8, l.active());
                    ps.setObject(9, l.createdAt());
                });
    }

    public List<SurveyLink> list(AppUser user, long surveyId) {
        OutletScope scope = org.scopeOf(user);
        return scope.bind(jdbc.sql(SELECT + " WHERE survey_id = :s AND (" + scope.sqlFilter("outlet_id")
                        + (user.isAdmin() ? " OR outlet_id IS NULL" : "") + ") ORDER BY created_at DESC LIMIT 500"))
                .param("s", surveyId).query(Rows.of(SurveyLink.class)).list();
    }

    /**
     * Retires a link (a lost or stolen QR code) or takes it back into use. A retired link opens no
     * page and takes no answers; its answers so far still count. 404 for a link outside the caller's scope.
     */
    public SurveyLink setActive(AppUser user, String token, boolean active) {
        SurveyLink link = find(token).filter(l -> l.outletId() == null ? user.isAdmin() : org.scopeOf(user).contains(l.outletId()))
                .orElseThrow(() -> new NotFoundException("Survey link", "with this address"));
        jdbc.sql("UPDATE survey_link SET active = :a WHERE token = :t").param("a", active).param("t", token).update();
        return find(link.token()).orElseThrow();
    }

    public Optional<SurveyLink> find(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " WHERE token = :t").param("t", token).query(Rows.of(SurveyLink.class)).optional();
    }

    /** An open link with the version of its survey, read together: the version keys the cached questions. */
    public record Opened(SurveyLink link, int surveyVersion) {
    }

    /**
     * The link a respondent holds, if it is still open: unknown and switched-off links, and links to a
     * survey that is switched off, look the same (404).
     */
    public Opened opened(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            throw new NotFoundException("Survey link", "with this address");
        }
        return jdbc.sql("""
                SELECT l.token, l.survey_id, l.outlet_id, l.channel, l.customer_id, l.single_use, l.used_at, l.created_at,
                       s.version
                FROM survey_link l JOIN survey s ON s.id = l.survey_id
                WHERE l.token = :t AND l.active = TRUE AND s.active = TRUE""")
                .param("t", token)
                .query((rs, i) -> new Opened(new SurveyLink(rs.getString(1), rs.getLong(2), rs.getObject(3, Long.class),
                        rs.getString(4), rs.getObject(5, Long.class), rs.getBoolean(6),
                        rs.getObject(7, OffsetDateTime.class), true, rs.getObject(8, OffsetDateTime.class)), rs.getInt(9)))
                .optional().orElseThrow(() -> new NotFoundException("Survey link", "with this address"));
    }
}
