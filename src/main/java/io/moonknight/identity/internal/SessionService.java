package io.moonknight.identity.internal;

import io.moonknight.identity.domain.GrantPolicy;
import io.moonknight.identity.domain.UserAgents;
import io.moonknight.shared.security.Actor;
import io.moonknight.shared.security.ActorType;
import io.moonknight.shared.tenant.TenantContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's view of their sessions, and an administrator's force-logout. */
@Service
public class SessionService {

    private final SessionStore sessions;
    private final AuthService auth;
    private final UserService users;

    SessionService(SessionStore sessions, AuthService auth, UserService users) {
        this.sessions = sessions;
        this.auth = auth;
        this.users = users;
    }

    /** A session as listed: the device is a human description of its user agent. */
    public record SessionInfo(
            UUID id,
            Channel channel,
            String device,
            String address,
            Instant createdAt,
            Instant lastUsedAt,
            Instant expiresAt,
            boolean current) {}

    public List<SessionInfo> mine(Actor me) {
        return list(me.type(), me.id(), me.tenantId(), me.sessionId());
    }

    /** Ends one of the caller's own sessions; another user's session id is "not found". */
    public void revokeMine(Actor me, UUID sessionId) {
        var session = sessions.find(sessionId)
                .filter(s -> s.userId().equals(me.id()) && s.actorType() == me.type())
                .filter(s -> java.util.Objects.equals(s.tenantId(), me.tenantId()))
                .orElseThrow(() -> IdentityProblems.sessionNotFound(sessionId));
        auth.endSession(session.id(), "revoked by the user");
    }

    @Transactional(readOnly = true)
    public List<SessionInfo> ofUser(UUID userId) {
        users.get(userId); // 404 outside the caller's tenant
        return list(ActorType.STAFF, userId, TenantContext.require(), null);
    }

    /** An administrator holding every permission of the user ends every session of theirs. */
    public int forceLogout(Actor by, UUID userId) {
        users.authorized(by, userId, GrantPolicy.UserOperation.FORCE_LOGOUT);
        var active = sessions.active(ActorType.STAFF, userId, TenantContext.require());
        active.forEach(session -> auth.endSession(session.id(), "forced logout by an administrator"));
        return active.size();
    }

    private List<SessionInfo> list(ActorType type, UUID userId, @Nullable UUID tenantId, @Nullable UUID current) {
        return sessions.active(type, userId, tenantId).stream()
                .map(s -> new SessionInfo(
                        s.id(),
                        s.channel(),
                        UserAgents.describe(s.userAgent()),
                        s.address(),
                        s.createdAt(),
                        s.lastUsedAt(),
                        s.expiresAt(),
                        s.id().equals(current)))
                .toList();
    }
}
