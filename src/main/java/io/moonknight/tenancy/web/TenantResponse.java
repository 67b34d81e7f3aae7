package io.moonknight.tenancy.web;

import io.moonknight.tenancy.TenantStatus;
import io.moonknight.tenancy.TenantView;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

record TenantResponse(
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

    static TenantResponse of(TenantView t) {
        return new TenantResponse(
                t.id(),
                t.slug(),
                t.name(),
                t.status(),
                t.suspendedReason(),
                t.suspendedAt(),
                t.timezone(),
                t.currency(),
                t.locale(),
                t.createdAt(),
                t.updatedAt());
    }
}
