package io.moonknight.tenancy;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A tenant as other modules see it. */
public record TenantView(
        UUID id,
        String slug,
        String name,
        TenantStatus status,
        @Nullable String suspendedReason,
        @Nullable Instant suspendedAt,
        String timezone,
        String currency,
        String locale,
        Instant createdAt,
        Instant updatedAt) {

    public boolean active() {
        return status == TenantStatus.ACTIVE;
    }
}
