package io.moonknight.subscriptions;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A subscription moved to another plan: at once, or when a change scheduled for the next cycle fell due.
 *
 * @param scheduled whether the change had been scheduled for the next cycle
 */
public record SubscriptionPlanChanged(
        UUID tenantId,
        UUID subscriptionId,
        UUID customerId,
        UUID fromPlanId,
        String fromPlanName,
        UUID planId,
        String planName,
        @Nullable String username,
        boolean scheduled,
        Instant occurredAt)
        implements SubscriptionActivity {

    @Override
    public String activityKind() {
        return "subscription.plan-changed";
    }

    @Override
    public String activityTitle() {
        return "Plan changed from " + fromPlanName + " to " + planName + (scheduled ? " (scheduled change)" : "");
    }

    @Override
    public Map<String, Object> activityDetails() {
        var details = new LinkedHashMap<String, Object>();
        details.put("from", fromPlanName);
        details.put("to", planName);
        if (username != null) {
            details.put("username", username);
        }
        return details;
    }
}
