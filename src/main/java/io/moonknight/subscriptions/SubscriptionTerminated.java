package io.moonknight.subscriptions;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A subscription ended for good; its static addresses and dedicated VLAN were released. */
public record SubscriptionTerminated(
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
        return "subscription.terminated";
    }

    @Override
    public String activityTitle() {
        return "Subscription " + planName + " terminated: " + reason;
    }

    @Override
    public Map<String, Object> activityDetails() {
        return SubscriptionActivity.details("plan", planName, username, reason, note);
    }
}
