package io.moonknight.subscriptions;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A subscription was created; it waits for activation. */
public record SubscriptionCreated(
        UUID tenantId,
        UUID subscriptionId,
        UUID customerId,
        UUID planId,
        String planName,
        @Nullable String username,
        Instant occurredAt)
        implements SubscriptionActivity {

    @Override
    public String activityKind() {
        return "subscription.created";
    }

    @Override
    public String activityTitle() {
        return "Subscription " + planName + " created, pending activation";
    }

    @Override
    public Map<String, Object> activityDetails() {
        return SubscriptionActivity.details("plan", planName, username, null, null);
    }
}
