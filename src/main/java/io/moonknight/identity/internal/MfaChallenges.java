package io.moonknight.identity.internal;

import io.moonknight.identity.domain.Hashes;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The second step of a login. A challenge is issued once the password is proven, lives five minutes,
 * allows five wrong codes, and is spent by the right one.
 */
@Component
class MfaChallenges {

    static final String PREFIX = "mkm_";
    static final Duration LIFETIME = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = 5;

    enum Purpose {
        VERIFY,
        ENROL
    }

    /** A login's second step; {@code tenantId} is null for a platform operator ({@link #operator()}). */
    record Challenge(UUID id, @Nullable UUID tenantId, UUID userId, Channel channel, Purpose purpose, int attempts) {

        boolean operator() {
            return tenantId == null;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    MfaChallenges(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Issues a challenge for a staff user of {@code tenant}, or for a platform operator when it is null. */
    String issue(@Nullable UUID tenant, UUID user, Channel channel, Purpose purpose, ClientInfo client) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        jdbc.sql("""
            insert into identity.mfa_challenges
                (id, token_hash, tenant_id, user_id, operator, channel, purpose, created_at, expires_at, address,
                 user_agent)
            values (:id, :hash, :tenant, :user, :operator, :channel, :purpose, :now, :expires, :address, :agent)
            """)
                .param("id", UUID.randomUUID())
                .param("hash", hash(token))
                .param("tenant", tenant)
                .param("user", user)
                .param("operator", tenant == null)
                .param("channel", channel.name())
                .param("purpose", purpose.name())
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(LIFETIME)))
                .param("address", client.address())
                .param("agent", client.userAgent())
                .update();
        return token;
    }

    /** A live challenge: not spent, not expired, attempts left. */
    Optional<Challenge> find(String token) {
        return jdbc.sql("""
            select id, tenant_id, user_id, channel, purpose, attempts from identity.mfa_challenges
            where token_hash = :hash and used_at is null and expires_at > :now and attempts < :max
            """)
                .param("hash", hash(token))
                .param("now", Timestamp.from(clock.instant()))
                .param("max", MAX_ATTEMPTS)
                .query((row, i) -> new Challenge(
                        row.getObject("id", UUID.class),
                        row.getObject("tenant_id", UUID.class),
                        row.getObject("user_id", UUID.class),
                        Channel.valueOf(row.getString("channel")),
                        Purpose.valueOf(row.getString("purpose")),
                        row.getInt("attempts")))
                .optional();
    }

    void recordFailedAttempt(UUID id) {
        jdbc.sql("update identity.mfa_challenges set attempts = attempts + 1 where id = :id")
                .param("id", id)
                .update();
    }

    /** Spends the challenge; false when a concurrent request already did. */
    boolean spend(UUID id) {
        return jdbc.sql("update identity.mfa_challenges set used_at = :now where id = :id and used_at is null")
                        .param("now", Timestamp.from(clock.instant()))
                        .param("id", id)
                        .update()
                == 1;
    }

    private static byte[] hash(String token) {
        return Hashes.sha256(token);
    }
}
