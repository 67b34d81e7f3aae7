package io.moonknight.subscriptions;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A subscription as other modules see it (no password). */
public record SubscriptionSummary(
        UUID id,
        UUID customerId,
        UUID planId,
        SubscriptionStatus status,
        AccessType accessType,
        @Nullable String username,
        @Nullable String macAddress,
        @Nullable String ipv4Address,
        @Nullable String ipv6Prefix,
        @Nullable UUID nasId,
        LocalDate startDate,
        @Nullable LocalDate expiresOn) {}
