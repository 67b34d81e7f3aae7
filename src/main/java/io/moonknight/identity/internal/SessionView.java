package io.moonknight.identity.internal;

import io.moonknight.shared.security.ActorType;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A login session: a console session or a refresh-token family. */
public record SessionView(
        UUID id,
        ActorType actorType,
        UUID userId,
        @Nullable UUID tenantId,
        Channel channel,
        Instant createdAt,
        Instant lastUsedAt,
        Instant expiresAt,
        String address,
        String userAgent,
        @Nullable Instant revokedAt,
        @Nullable String revokedReason) {

    public boolean activeAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
