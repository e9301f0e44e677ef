package com.serviceloop.survey;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.Outbox;
import com.serviceloop.platform.OutletScope;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mail invitations: one single-use link per customer who agreed to be surveyed and has an
 * address, and a mail in the outbox (sent by the outbox job, with retries). Customers without
 * consent or without an address are counted and skipped.
 */
@Service
class SurveyInvitations {
    public static final int MAX_PER_CALL = 5000;
    private final JdbcClient jdbc;
    private final OrgService org;
    private final SurveyRepository surveys;
    private final Clock clock;
    private final String baseUrl;
    private final Outbox outbox;

    public SurveyInvitations(JdbcClient jdbc, OrgService org, SurveyRepository surveys, Clock clock,
                             @Value("${serviceloop.base-url:http://localhost:8080}") String baseUrl, Outbox outbox) {
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.org = org;
        this.surveys = surveys;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    public record Invite(Long outletId, List<Long> customerIds) {
    }

    public record Result(int invited, int withoutConsent, int withoutEmail) {
    }

    @Transactional
    public Result invite(AppUser user, long surveyId, Invite in) {
        Survey survey = surveys.get(surveyId);
        if (SurveyKind.CLIMATE.is(survey.kind())) {
            // a staff survey is answered through the outlet's shared staff link, never by customers
            throw BadInputException.of("surveyId", "error.climate.noInvitations");
        }
        if (!survey.active()) {
            // its links would not open: customers would get a mail that leads nowhere
            throw ConflictException.of("error.survey.inviteSwitchedOff", String.valueOf(surveyId));
        }
        OutletScope scope = org.scopeOf(user);
        if (in.outletId() == null || !scope.contains(in.outletId())) {
            throw BadInputException.of("outletId", "error.survey.inviteOutlet");
        }
        if (in.customerIds() != null && in.customerIds().size() > MAX_PER_CALL) {
            throw BadInputException.of("customerIds", "error.survey.inviteTooMany", String.valueOf(MAX_PER_CALL));
        }
        record Candidate(long id, String name, String email, boolean consent) {
        }
        boolean listed = in.customerIds() != null && !in.customerIds().isEmpty();
        var sql = jdbc.sql("SELECT id, name, email, consent_survey FROM customer WHERE home_outlet_id = :o"
                        + (listed ? " AND id IN (:ids)" : "") + " ORDER BY id LIMIT " + MAX_PER_CALL)
                .param("o", in.outletId());
        if (listed) {
            sql = sql.param("ids", in.customerIds());
        }
        List<Candidate> candidates = sql.query((rs, i) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getBoolean(4))).list();
        int invited = 0;
        int noConsent = 0;
        int noEmail = 0;
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Candidate c : candidates) {
            if (!c.consent()) {
                noConsent++;
                continue;
            }
            if (c.email() == null || c.email().isBlank()) {
                noEmail++;
                continue;
            }
            String token = SurveyLinks.newToken();
            jdbc.sql("""
                    INSERT INTO survey_link (token, survey_id, outlet_id, channel, customer_id, single_use, created_at)
                    VALUES (:t, :s, :o, 'EMAIL', :c, TRUE, :now)""")
                    .param("t", token).param("s", surveyId).param("o", in.outletId()).param("c", c.id()).param("now", now)
                    .update();
            String url = baseUrl + "/s/" + token;
            // real line breaks: the text is a plain-text mail body
            outbox.mail(c.email().strip(), survey.titleZh() + " / " + survey.titleEn(),
                    c.name() + "，您好！\n诚邀您花几分钟告诉我们您的感受：" + url + "\n\nDear " + c.name()
                            + ", we would value a few minutes of your feedback: " + url
                            + "\n\n(此链接仅供您本人使用一次 / This link is for you and works once.)", now);
            invited++;
        }
        return new Result(invited, noConsent, noEmail);
    }
}
