package io.moonknight.identity.internal;

import io.moonknight.shared.db.SqlArrays;
import io.moonknight.shared.security.Actor;
import io.moonknight.shared.security.ActorType;
import io.moonknight.shared.security.BuiltInRole;
import io.moonknight.shared.security.PlatformPermissions;
import io.moonknight.shared.web.ProblemException;
import io.moonknight.tenancy.TenantDirectory;
import io.moonknight.tenancy.TenantView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns a verified credential (token claims, console session) into the live {@link Actor}: the session is
 * not revoked or expired, the user is active, the tenant is not suspended, and the permissions are the ones
 * the user's roles grant now. Answers are cached for {@link #TTL}, so a revoked session, a disabled user or
 * a changed role takes effect within seconds on every instance, at once on this one.
 */
@Component
public class ActorResolver {

    static final Duration TTL = Duration.ofSeconds(5);
    private static final int MAX_CACHED = 10_000;
    static final Set<String> OPERATOR_PERMISSIONS = Set.of(
            PlatformPermissions.TENANTS_READ, PlatformPermissions.TENANTS_MANAGE, PlatformPermissions.AUDIT_READ);

    private final JdbcClient jdbc;
    private final TenantDirectory tenants;
    private final PermissionCatalog catalog;
    private final SessionStore sessions;
    private final Clock clock;
    private final Map<Key, Cached> cache = new ConcurrentHashMap<>();

    ActorResolver(
            JdbcClient jdbc, TenantDirectory tenants, PermissionCatalog catalog, SessionStore sessions, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.catalog = catalog;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** The actor, or the problem that stops it from acting. */
    public Resolution resolve(ActorType type, UUID userId, @Nullable UUID tenantId, @Nullable UUID sessionId) {
        Instant now = clock.instant();
        var key = new Key(type, userId, sessionId);
        Cached cached = cache.get(key);
        if (cached != null && cached.expires().isAfter(now)) {
            return cached.resolution();
        }
        Resolution resolution = load(type, userId, tenantId, sessionId, now);
        if (cache.size() > MAX_CACHED) {
            cache.values().removeIf(entry -> !entry.expires().isAfter(now));
        }
        cache.put(key, new Cached(resolution, now.plus(TTL)));
        if (sessionId != null && resolution instanceof Resolution.Resolved) {
            sessions.touch(sessionId);
        }
        return resolution;
    }

    /** Forget what is known about a user (after a change to their status, roles or sessions). */
    public void evictUser(UUID userId) {
        cache.keySet().removeIf(key -> key.userId().equals(userId));
    }

    /** Forget everything (after a role's permissions change). */
    public void evictAll() {
        cache.clear();
    }

    private Resolution load(
            ActorType type, UUID userId, @Nullable UUID tenantId, @Nullable UUID sessionId, Instant now) {
        if (sessionId != null) {
            Optional<SessionView> session = sessions.find(sessionId);
            if (session.isEmpty()
                    || !session.get().activeAt(now)
                    || !session.get().userId().equals(userId)) {
                return Resolution.rejected(sessionEnded());
            }
        }
        return switch (type) {
            case OPERATOR -> operator(userId, sessionId);
            case STAFF, CUSTOMER ->
                tenantId == null ? Resolution.rejected(sessionEnded()) : staff(userId, tenantId, sessionId);
            case API_KEY, SYSTEM -> Resolution.rejected(sessionEnded());
        };
    }

    private Resolution operator(UUID id, @Nullable UUID sessionId) {
        return jdbc.sql("select username, full_name, status from identity.operators where id = :id")
                .param("id", id)
                .query((row, i) -> "ACTIVE".equals(row.getString("status"))
                        ? Resolution.resolved(new Actor(
                                ActorType.OPERATOR,
                                id,
                                null,
                                null,
                                null,
                                row.getString("username"),
                                row.getString("full_name"),
                                OPERATOR_PERMISSIONS,
                                sessionId))
                        : Resolution.rejected(IdentityProblems.accountDisabled()))
                .optional()
                .orElse(Resolution.rejected(sessionEnded()));
    }

    private Resolution staff(UUID userId, UUID tenantId, @Nullable UUID sessionId) {
        Optional<TenantView> tenant = tenants.find(tenantId);
        if (tenant.isEmpty()) {
            return Resolution.rejected(sessionEnded());
        }
        if (!tenant.get().active()) {
            return Resolution.rejected(
                    IdentityProblems.tenantSuspended(String.valueOf(tenant.get().suspendedReason())));
        }
        List<StaffRow> rows = jdbc.sql("""
            select u.username, u.full_name, u.status, r.built_in, r.permissions
            from identity.users u
            left join identity.user_roles ur on ur.user_id = u.id
            left join identity.roles r on r.id = ur.role_id and r.tenant_id = u.tenant_id
            where u.tenant_id = :tenant and u.id = :id
            """)
                .param("tenant", tenantId)
                .param("id", userId)
                .query((row, i) -> new StaffRow(
                        row.getString("username"),
                        row.getString("full_name"),
                        row.getString("status"),
                        row.getString("built_in"),
                        SqlArrays.strings(row.getArray("permissions"))))
                .list();
        if (rows.isEmpty()) {
            return Resolution.rejected(sessionEnded());
        }
        StaffRow first = rows.getFirst();
        if (!"ACTIVE".equals(first.status())) {
            return Resolution.rejected(IdentityProblems.accountDisabled());
        }
        var grants = rows.stream()
                .filter(r -> r.builtIn() != null || !r.permissions().isEmpty())
                .map(r -> new PermissionCatalog.RoleGrant(
                        r.builtIn() == null ? null : BuiltInRole.valueOf(r.builtIn()), r.permissions()))
                .toList();
        return Resolution.resolved(new Actor(
                ActorType.STAFF,
                userId,
                tenantId,
                tenant.get().slug(),
                tenant.get().name(),
                first.username(),
                first.fullName(),
                catalog.effective(grants),
                sessionId));
    }

    static ProblemException sessionEnded() {
        return new ProblemException(
                org.springframework.http.HttpStatus.UNAUTHORIZED,
                "session-ended",
                "Session ended",
                "This session has ended (logged out, revoked or expired); log in again");
    }

    /** Either the actor or why it may not act. */
    public sealed interface Resolution {

        record Resolved(Actor actor) implements Resolution {}

        record Rejected(ProblemException problem) implements Resolution {}

        static Resolution resolved(Actor actor) {
            return new Resolved(actor);
        }

        static Resolution rejected(ProblemException problem) {
            return new Rejected(problem);
        }
    }

    private record Key(
            ActorType type, UUID userId, @Nullable UUID sessionId) {}

    private record Cached(Resolution resolution, Instant expires) {}

    private record StaffRow(
            String username,
            String fullName,
            String status,
            @Nullable String builtIn,
            List<String> permissions) {}
}
