package io.moonknight.identity.internal;

import io.moonknight.identity.domain.Hashes;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opaque refresh tokens, stored as SHA-256 hashes. Each use rotates the token; presenting a rotated token
 * again means it was stolen, so the whole family (the session) is revoked.
 */
@Component
class RefreshTokens {

    static final String PREFIX = "mkr_";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    RefreshTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    String issue(UUID sessionId, Instant expiresAt) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.sql("""
            insert into identity.refresh_tokens (token_hash, session_id, issued_at, expires_at)
            values (:hash, :session, :now, :expires)
            """)
                .param("hash", hash(token))
                .param("session", sessionId)
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("expires", java.sql.Timestamp.from(expiresAt))
                .update();
        return token;
    }

    /** Marks the token used. Exactly one concurrent caller wins; the others see it as reused. */
    Rotation use(String token) {
        byte[] hash = hash(token);
        Instant now = clock.instant();
        Optional<UUID> session = jdbc.sql("""
            update identity.refresh_tokens set used_at = :now
            where token_hash = :hash and used_at is null and expires_at > :now
            returning session_id
            """)
                .param("now", java.sql.Timestamp.from(now))
                .param("hash", hash)
                .query(UUID.class)
                .optional();
        if (session.isPresent()) {
            return new Rotation(Rotation.Outcome.ROTATED, session.get());
        }
        return jdbc.sql("select session_id, used_at is not null from identity.refresh_tokens where token_hash = :hash")
                .param("hash", hash)
                .query((row, i) -> new Rotation(
                        row.getBoolean(2) ? Rotation.Outcome.REUSED : Rotation.Outcome.EXPIRED,
                        row.getObject(1, UUID.class)))
                .optional()
                .orElse(new Rotation(Rotation.Outcome.UNKNOWN, null));
    }

    Optional<UUID> sessionOf(String token) {
        return jdbc.sql("select session_id from identity.refresh_tokens where token_hash = :hash")
                .param("hash", hash(token))
                .query(UUID.class)
                .optional();
    }

    private static byte[] hash(String token) {
        return Hashes.sha256(token);
    }

    record Rotation(
            Outcome outcome,
            @org.jspecify.annotations.Nullable UUID sessionId) {
        enum Outcome {
            ROTATED,
            REUSED,
            EXPIRED,
            UNKNOWN
        }
    }
}
