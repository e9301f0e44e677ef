package com.serviceloop.organisation;

import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.Rows;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

@Service
public class ApiTokenService {
    private static final String PREFIX = "sl_";
    private static final String SELECT = """
            SELECT t.id, t.name, t.token_prefix, t.person_id, p.display_name AS person_name,
                   t.created_at, t.last_used_at, t.revoked_at
            FROM api_token t JOIN person p ON p.id = t.person_id""";
    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final PersonRepository people;

    public ApiTokenService(JdbcClient jdbc, PersonRepository people) {
        this.jdbc = jdbc;
        this.people = people;
    }

    public List<ApiToken> list() {
        return jdbc.sql(SELECT + " ORDER BY t.revoked_at NULLS FIRST, t.created_at DESC").query(Rows.of(ApiToken.class)).list();
    }

    public IssuedToken issue(String name, long personId) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw BadInputException.of("name", "error.organisation.tokenName");
        }
        Person owner = people.findById(personId).filter(Person::active)
                .orElseThrow(() -> BadInputException.of("personId", "error.organisation.noActivePerson",
                        String.valueOf(personId)));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO api_token (name, token_hash, token_prefix, person_id) VALUES (:n, :h, :p, :person)")
                .param("n", name.strip()).param("h", sha256(secret)).param("p", secret.substring(0, 10))
                .param("person", owner.id()).update(keys, "id");
        long id = keys.getKey().longValue();
        return new IssuedToken(get(id), secret);
    }

    public ApiToken get(long id) {
        return jdbc.sql(SELECT + " WHERE t.id = :id").param("id", id).query(Rows.of(ApiToken.class)).optional()
                .orElseThrow(() -> new NotFoundException("Token", id));
    }

    public void revoke(long id) {
        get(id);
        jdbc.sql("UPDATE api_token SET revoked_at = COALESCE(revoked_at, CURRENT_TIMESTAMP) WHERE id = :id")
                .param("id", id).update();
    }

    /** The person a bearer secret stands for, if the token exists, is not revoked and its owner is active. */
    public Optional<AppUser> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        String hash = sha256(secret);
        record Found(AppUser user, OffsetDateTime lastUsedAt) {
        }
        Optional<Found> found = jdbc.sql("""
                SELECT p.id, p.username, p.password_hash, p.display_name, p.role, p.scope_unit_id, t.last_used_at
                FROM api_token t JOIN person p ON p.id = t.person_id
                WHERE t.token_hash = :h AND t.revoked_at IS NULL AND p.active""")
                .param("h", hash).query((rs, i) -> new Found(new AppUser(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), Role.valueOf(rs.getString(5)),
                        (Long) rs.getObject(6)), rs.getObject(7, OffsetDateTime.class))).optional();
        // One write a minute at most per token, not one per request.
        OffsetDateTime cutoff = OffsetDateTime.now().minusMinutes(1);
        found.filter(f -> f.lastUsedAt() == null || f.lastUsedAt().isBefore(cutoff)).ifPresent(f -> jdbc.sql("""
                UPDATE api_token SET last_used_at = CURRENT_TIMESTAMP
                WHERE token_hash = :h AND (last_used_at IS NULL OR last_used_at < :cutoff)""")
                .param("h", hash).param("cutoff", cutoff).update());
        return found.map(Found::user);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
