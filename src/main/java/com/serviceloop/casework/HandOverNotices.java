package com.serviceloop.casework;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.platform.Outbox;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells whoever a case was handed to: a message in their inbox with the reason, and an e-mail
 * (sent after commit through the outbox) if they have an address. A case handed to a team goes to
 * each active member; the person handing over is not told what they just did.
 */
@Component
class HandOverNotices {
    static final String KIND = "HANDED_OVER";
    private static final int MESSAGE_LENGTH = 500;
    private final JdbcClient jdbc;
    private final Inbox inbox;
    private final Outbox outbox;
    private final String baseUrl;

    HandOverNotices(JdbcClient jdbc, Inbox inbox, Outbox outbox,
                    @Value("${serviceloop.base-url:http://localhost:8080}") String baseUrl) {
        this.jdbc = jdbc;
        this.inbox = inbox;
        this.outbox = outbox;
        this.baseUrl = baseUrl;
    }

    private record Receiver(long id, String email) {
    }

    void send(SupportCase c, AppUser from, CaseCommands.HandOver h, String receiverName, OffsetDateTime at) {
        String reason = h.reason().strip();
        List<Receiver> receivers = h.personId() != null
                ? jdbc.sql("SELECT id, email FROM person WHERE id = :id").param("id", h.personId())
                        .query((rs, i) -> new Receiver(rs.getLong(1), rs.getString(2))).list()
                : jdbc.sql("SELECT id, email FROM person WHERE team_id = :t AND active = TRUE ORDER BY id")
                        .param("t", h.teamId()).query((rs, i) -> new Receiver(rs.getLong(1), rs.getString(2))).list();
        String message = reason.length() > MESSAGE_LENGTH ? reason.substring(0, MESSAGE_LENGTH - 3) + "..." : reason;
        for (Receiver r : receivers) {
            if (r.id() == from.id()) {
                continue;
            }
            inbox.post(r.id(), c.id(), KIND, null, null, message, at);
            if (r.email() != null && !r.email().isBlank()) {
                outbox.mail(r.email(), "[ServiceLoop] Case #" + c.id() + " handed over to " + receiverName
                                + " / 案例 #" + c.id() + " 已移交给" + receiverName,
                        mailBody(c, from.displayName(), receiverName, reason), at);
            }
        }
    }

    /** In both languages: the reader's own is not known here. */
    private String mailBody(SupportCase c, String from, String to, String reason) {
        String what = c.description().length() > 200 ? c.description().substring(0, 197) + "..." : c.description();
        return from + " handed case #" + c.id() + " (" + c.outletName() + ") over to " + to + ".\nReason: " + reason
                + "\n\n" + from + " 将案例 #" + c.id() + "（" + c.outletName() + "）移交给" + to + "。\n原因：" + reason
                + "\n\n" + what + "\n\n" + baseUrl + "/cases/" + c.id() + "\n";
    }
}
