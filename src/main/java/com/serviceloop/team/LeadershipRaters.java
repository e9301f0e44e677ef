package com.serviceloop.team;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.Outbox;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The others' side of a round: the leader invites people who know their work, each through a link
 * of their own (256 random bits, usable once, until it expires), and whoever holds a link answers
 * without signing in. What they answer is never stored with the link (see V21__leadership.sql).
 */
@Service
public class LeadershipRaters {
    static final int DEFAULT_DAYS = 14;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final LeadershipRepository repo;
    private final LeadershipService rounds;
    private final Outbox outbox;
    private final MessageSource messages;
    private final Clock clock;
    private final FormCheck check;
    private final String baseUrl;

    LeadershipRaters(LeadershipRepository repo, LeadershipService rounds, Outbox outbox, MessageSource messages,
                          Clock clock, FormCheck check,
                          @Value("${serviceloop.base-url:http://localhost:8080}") String baseUrl) {
        this.repo = repo;
        this.rounds = rounds;
        this.outbox = outbox;
        this.messages = messages;
        this.clock = clock;
        this.check = check;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** 32 random bytes, URL-safe: 43 characters nobody can guess. */
    static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The rater's page of a link, at the configured public address (never one taken from a request). */
    public String link(String token) {
        return baseUrl + "/s/leadership/" + token;
    }

    /** The round's invitations; their links and addresses only for the leader. */
    public List<LeadershipInvitation> list(AppUser user, long roundId) {
        boolean leader = rounds.visible(user, roundId).leaderId() == user.id();
        OffsetDateTime now = OffsetDateTime.now(clock);
        return repo.invitations(roundId).stream().map(i -> new LeadershipInvitation(i.id(), i.invitee(),
                leader ? i.email() : null, leader ? link(i.token()) : null, status(i, now), i.createdAt(), i.expiresAt()))
                .toList();
    }

    private static LeadershipInvitation.Status status(LeadershipRepository.InvitationRow i, OffsetDateTime now) {
        if (i.used()) {
            return LeadershipInvitation.Status.ANSWERED;
        }
        return i.expiresAt().isAfter(now) ? LeadershipInvitation.Status.OPEN : LeadershipInvitation.Status.EXPIRED;
    }

    /** One link per invitee; those with an e-mail address get it by mail (through the outbox, with retries). */
    @Transactional
    public List<LeadershipInvitation> invite(AppUser user, long roundId, LeadershipInvitationForm form) {
        check.valid(form);
        LeadershipRepository.RoundRow round = rounds.led(user, roundId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime expires = now.plusDays(form.validDays() == null ? DEFAULT_DAYS : form.validDays());
        List<Long> ids = new ArrayList<>();
        for (LeadershipInvitationForm.LeadershipInvitee invitee : form.invitees()) {
            String token = newToken();
            String email = invitee.email() == null || invitee.email().isBlank() ? null : invitee.email().strip();
            ids.add(repo.insertInvitation(roundId, token, invitee.name().strip(), email, now, expires));
            if (email != null) {
                Object[] subject = {brief(round.leaderName())};
                Object[] body = {invitee.name().strip(), round.leaderName(), link(token)};
                outbox.mail(email, messages.getMessage("leadership.mail.subject", subject, Locale.CHINESE) + " / "
                        + messages.getMessage("leadership.mail.subject", subject, Locale.ENGLISH), both(body), now);
            }
        }
        return list(user, roundId).stream().filter(i -> ids.contains(i.id())).toList();
    }

    /** A name for a mail's subject, which names the leader twice and the outbox keeps to 300 characters. */
    static String brief(String name) {
        return name.codePointCount(0, name.length()) <= 60 ? name
                : name.codePoints().limit(59).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                        StringBuilder::append) + "…";
    }

    /** A mail to someone whose language is not known: Chinese, then English. */
    private String both(Object[] args) {
        return messages.getMessage("leadership.mail.body", args, Locale.CHINESE) + "\n\n"
                + messages.getMessage("leadership.mail.body", args, Locale.ENGLISH);
    }

    /** What a rater's page shows: whom they are asked about, until when, and the 20 items. */
    public record LeadershipRaterView(String leaderName, OffsetDateTime expiresAt, List<LeadershipItem> items) {
    }

    /** The questionnaire behind a link: 404 for an unknown link, 410 for a used or expired one. */
    public LeadershipRaterView open(String token, Locale locale) {
        LeadershipRepository.LinkRow link = openLink(token, OffsetDateTime.now(clock));
        return new LeadershipRaterView(link.leaderName(), link.expiresAt(), rounds.items(locale));
    }

    private LeadershipRepository.LinkRow openLink(String token, OffsetDateTime now) {
        // a malformed token is not looked up: it names no link, like an unknown one
        LeadershipRepository.LinkRow link = Optional.ofNullable(token).filter(t -> t.matches("[A-Za-z0-9_-]{43}"))
                .flatMap(repo::link).orElseThrow(() -> new NotFoundException("Leadership link", "with this address"));
        if (link.used() || !link.expiresAt().isAfter(now)) {
            throw new RaterLinkGone(link.used());
        }
        return link;
    }

    /**
     * Takes one answer through a link and uses the link up. The answer waits, with no link and no time,
     * until two more have come in; then the three are added to the round's sums together and the
     * waiting ones deleted. Answers to one round are taken one at a time (the round's row is locked),
     * so the count of waiting answers is exact.
     */
    @Transactional
    public void answer(String token, LeadershipScoresForm form) {
        check.valid(form);
        OffsetDateTime now = OffsetDateTime.now(clock);
        long roundId = openLink(token, now).roundId();
        repo.lock(roundId);
        if (!repo.use(token, now)) {
            openLink(token, now); // used or expired since it was read: says which
            throw new RaterLinkGone(true);
        }
        repo.addPending(roundId, LeadershipService.encode(form.scores()));
        List<String> waiting = repo.pending(roundId);
        if (waiting.size() >= LeadershipScores.MINIMUM_OTHERS) {
            int[] sums = new int[Principle.ITEMS];
            for (String scores : waiting) {
                for (int i = 0; i < sums.length; i++) {
                    sums[i] += scores.charAt(i) - '0';
                }
            }
            repo.addToTally(roundId, waiting.size(), sums);
            repo.clearPending(roundId);
        }
    }
}
