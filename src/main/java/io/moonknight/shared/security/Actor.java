package io.moonknight.shared.security;

import java.io.Serializable;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The authenticated principal of a request: who acts, for which tenant, with which permissions. Every
 * authentication mechanism (console session, JWT, API key) produces one.
 *
 * @param tenantId null only for the platform operator
 * @param sessionId the login session (refresh-token family or console session), when there is one
 */
public record Actor(
        ActorType type,
        UUID id,
        @Nullable UUID tenantId,
        @Nullable String tenantSlug,
        @Nullable String tenantName,
        String username,
        String displayName,
        Set<String> permissions,
        @Nullable UUID sessionId)
        implements Serializable {

    public Actor {
        permissions = Set.copyOf(permissions);
    }

    public boolean can(String permission) {
        return permissions.contains(permission);
    }

    public boolean isOperator() {
        return type == ActorType.OPERATOR;
    }

    public static Optional<Actor> current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
            return Optional.of(actor);
        }
        return Optional.empty();
    }
}
