package io.moonknight.subscriptions;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A change billing has to know about: a status change ({@code fromStatus} → {@code toStatus}) or a plan change
 * ({@code fromPlan} → {@code toPlan}; null for changes recorded before plan ids were kept).
 */
public record BillingChange(
        UUID subscriptionId,
        Instant occurredAt,
        @Nullable SubscriptionStatus fromStatus,
        @Nullable SubscriptionStatus toStatus,
        @Nullable UUID fromPlan,
        @Nullable UUID toPlan) {}
