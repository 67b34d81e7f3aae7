package io.moonknight.identity.internal;

import io.moonknight.shared.security.ActorType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Login sessions, on the authentication hot path, so plain SQL. A session is looked up by its id, which
 * only a verified token or cookie carries; listing a user's sessions always names the tenant.
 */
@Component
public class SessionStore {

    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    SessionStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public UUID open(
            ActorType type, UUID userId, @Nullable UUID tenantId, Channel channel, ClientInfo client, Duration ttl) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
            insert into identity.sessions
                (id, tenant_id, actor_type, user_id, channel, created_at, last_used_at, expires_at, address, user_agent)
            values (:id, :tenant, :type, :user, :channel, :now, :now, :expires, :address, :agent)
            """)
                .param("id", id)
                .param("tenant", tenantId)
                .param("type", type.name())
                .param("user", userId)
                .param("channel", channel.name())
                .param("now", java.sql.Timestamp.from(now))
                .param("expires", java.sql.Timestamp.from(now.plus(ttl)))
                .param("address", client.address())
                .param("agent", client.userAgent())
                .update();
        return id;
    }

    public Optional<SessionView> find(UUID id) {
        return jdbc.sql("select * from identity.sessions where id = :id")
                .param("id", id)
                .query(SessionStore::map)
                .optional();
    }

    /** Records use, at most once a minute per session so authentication does not write on every request. */
    public void touch(UUID id) {
        Instant now = clock.instant();
        jdbc.sql("update identity.sessions set last_used_at = :now where id = :id and last_used_at < :threshold")
                .param("now", java.sql.Timestamp.from(now))
                .param("threshold", java.sql.Timestamp.from(now.minus(TOUCH_EVERY)))
                .param("id", id)
                .update();
    }

    public boolean revoke(UUID id, String reason) {
        return jdbc.sql("""
            update identity.sessions set revoked_at = :now, revoked_reason = :reason
            where id = :id and revoked_at is null
            """)
                        .param("now", java.sql.Timestamp.from(clock.instant()))
                        .param("reason", reason)
                        .param("id", id)
                        .update()
                > 0;
    }

    /** Revokes every live session of a user, except {@code keep} when given. Returns how many were revoked. */
    public int revokeAll(ActorType type, UUID userId, @Nullable UUID tenantId, @Nullable UUID keep, String reason) {
        return jdbc.sql("""
            update identity.sessions set revoked_at = :now, revoked_reason = :reason
            where tenant_id is not distinct from :tenant and actor_type = :type and user_id = :user
              and revoked_at is null and (cast(:keep as uuid) is null or id <> :keep)
            """)
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("reason", reason)
                .param("tenant", tenantId)
                .param("type", type.name())
                .param("user", userId)
                .param("keep", keep)
                .update();
    }

    public List<SessionView> active(ActorType type, UUID userId, @Nullable UUID tenantId) {
        return jdbc.sql("""
            select * from identity.sessions
            where tenant_id is not distinct from :tenant and actor_type = :type and user_id = :user
              and revoked_at is null and expires_at > :now
            order by last_used_at desc
            """)
                .param("tenant", tenantId)
                .param("type", type.name())
                .param("user", userId)
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .query(SessionStore::map)
                .list();
    }

    private static SessionView map(java.sql.ResultSet row, int index) throws java.sql.SQLException {
        return new SessionView(
                row.getObject("id", UUID.class),
                ActorType.valueOf(row.getString("actor_type")),
                row.getObject("user_id", UUID.class),
                row.getObject("tenant_id", UUID.class),
                Channel.valueOf(row.getString("channel")),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("last_used_at").toInstant(),
                row.getTimestamp("expires_at").toInstant(),
                row.getString("address"),
                row.getString("user_agent"),
                instant(row.getTimestamp("revoked_at")),
                row.getString("revoked_reason"));
    }

    private static @Nullable Instant instant(java.sql.@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
