package com.serviceloop.platform;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The in-app inbox any module can write to (the case inbox shows these beside its own case messages).
 *
 * <p>A notice is for one person: {@link #post} a message key of messages*.properties with its arguments, rendered
 * in the reader's language when read ({@link #text}), and a link to what it is about (a path in the app, e.g.
 * {@code /audits/12}), or {@link #postText} words of a person's own. {@code kind} groups notices for the screen (a short code, e.g. {@code AUDIT_DUE}); give it a
 * label {@code notice.kind.<KIND>} in both message bundles. Posting joins the caller's transaction, so a notice is
 * kept exactly when the change it tells of is. The reader lists their own ({@link #recent}, {@link #unread}) and
 * marks them read ({@link #markRead}); nobody reads another person's notices.
 */
@Service
public class Notices {
    private static final TypeReference<List<String>> ARGS = new TypeReference<>() {
    };
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final MessageSource messages;
    private final Clock clock;

    public Notices(JdbcClient jdbc, ObjectMapper json, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.messages = messages;
        this.clock = clock;
    }

    /** A notice as its reader sees it; {@code args} are the message's arguments, already words or numbers. */
    public record Notice(long id, String kind, String messageKey, List<String> args, String body, String link,
                         OffsetDateTime createdAt, OffsetDateTime readAt) {
    }

    /** Posts a notice to a person: a message key (with its arguments) and a link (may be null). */
    public void post(long personId, String kind, String link, String messageKey, String... args) {
        checkLink(link);
        jdbc.sql("""
                INSERT INTO notice (person_id, kind, message_key, args, link, created_at)
                VALUES (:p, :k, :m, :a, :l, :at)""").param("p", personId).param("k", kind).param("m", messageKey)
                .param("a", json.writeValueAsString(Arrays.stream(args).map(Notices::clip).toList()))
                .param("l", link).param("at", OffsetDateTime.now(clock)).update();
    }

    /** Posts a notice whose words are the sender's own (a person's note), shown as written in every language. */
    public void postText(long personId, String kind, String link, String text) {
        checkLink(link);
        jdbc.sql("INSERT INTO notice (person_id, kind, body, link, created_at) VALUES (:p, :k, :b, :l, :at)")
                .param("p", personId).param("k", kind).param("b", text.length() > 1000 ? text.substring(0, 1000) : text)
                .param("l", link).param("at", OffsetDateTime.now(clock)).update();
    }

    /** A link is a path in this app, never another site. */
    private static void checkLink(String link) {
        if (link != null && (!link.startsWith("/") || link.startsWith("//") || link.length() > 300)) {
            throw new IllegalArgumentException("A notice links to a path in the app: " + link);
        }
    }

    private static String clip(String arg) {
        return arg == null ? "" : arg.length() > 300 ? arg.substring(0, 300) : arg;
    }

    /** The person's latest notices, newest first. */
    public List<Notice> recent(long personId, int limit) {
        return jdbc.sql("""
                SELECT id, kind, message_key, args, body, link, created_at, read_at FROM notice WHERE person_id = :p
                ORDER BY id DESC LIMIT :n""").param("p", personId).param("n", Math.max(1, Math.min(limit, 200)))
                .query((rs, i) -> new Notice(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4) == null ? List.of() : json.readValue(rs.getString(4), ARGS), rs.getString(5),
                        rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getObject(8, OffsetDateTime.class)))
                .list();
    }

    public long unread(long personId) {
        return jdbc.sql("SELECT COUNT(*) FROM notice WHERE person_id = :p AND read_at IS NULL").param("p", personId)
                .query(Long.class).single();
    }

    /** Marks one of the person's notices read, or all of them with a null id; how many changed. */
    public int markRead(long personId, Long id) {
        return jdbc.sql("UPDATE notice SET read_at = :now WHERE person_id = :p AND read_at IS NULL"
                        + (id == null ? "" : " AND id = :id")).param("now", OffsetDateTime.now(clock)).param("p", personId)
                .params(id == null ? Map.of() : Map.of("id", id)).update();
    }

    /** The notice in words, in the reader's language. */
    public String text(Notice n, Locale locale) {
        return n.messageKey() == null ? n.body() : messages.getMessage(n.messageKey(), n.args().toArray(), n.messageKey(), locale);
    }
}
