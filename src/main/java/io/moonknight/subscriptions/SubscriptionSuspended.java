package io.moonknight.subscriptions;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Service stopped for a while (non-payment, customer request ...); the subscription can be resumed. */
public record SubscriptionSuspended(
        UUID tenantId,
        UUID subscriptionId,
        UUID customerId,
        UUID planId,
        String planName,
        @Nullable String username,
        String reason,
        @Nullable String note,
        Instant occurredAt)
        implements SubscriptionActivity {

    @Override
    public String activityKind() {
        return "subscription.suspended";
    }

    @Override
    public String activityTitle() {
        return "Subscription " + planName + " suspended: " + reason;
    }

    @Override
    public Map<String, Object> activityDetails() {
        return SubscriptionActivity.details("plan", planName, username, reason, note);
    }
}
