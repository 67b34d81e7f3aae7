package io.moonknight.subscriptions;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A subscription started delivering service. */
public record SubscriptionActivated(
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
        return "subscription.activated";
    }

    @Override
    public boolean startsService() {
        return true;
    }

    @Override
    public String activityTitle() {
        return "Subscription " + planName + " activated";
    }

    @Override
    public Map<String, Object> activityDetails() {
        return SubscriptionActivity.details("plan", planName, username, null, null);
    }
}
