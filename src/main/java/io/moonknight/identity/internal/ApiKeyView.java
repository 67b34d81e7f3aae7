package io.moonknight.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An API key as listed: never its secret, only its recognisable prefix.
 *
 * @param status ACTIVE, EXPIRED or REVOKED
 */
public record ApiKeyView(
        UUID id,
        String name,
        String prefix,
        List<String> scopes,
        String status,
        @Nullable Integer requestsPerMinute,
        @Nullable Instant expiresAt,
        @Nullable UUID createdBy,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant revokedAt,
        @Nullable Instant lastUsedAt,
        @Nullable String lastUsedAddress) {}
