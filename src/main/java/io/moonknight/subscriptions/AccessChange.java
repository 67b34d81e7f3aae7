package io.moonknight.subscriptions;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A subscription whose log-in details may have changed: the keys a look-up cache should forget. */
public record AccessChange(
        UUID tenantId,
        UUID subscriptionId,
        @Nullable String username,
        @Nullable String macAddress,
        java.time.Instant updatedAt) {}
