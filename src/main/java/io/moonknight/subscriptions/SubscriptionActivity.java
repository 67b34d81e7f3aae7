package io.moonknight.subscriptions;

import io.moonknight.shared.events.CustomerActivity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A subscription event on the customer's timeline: it links to the subscription and shows its plan and login. */
public interface SubscriptionActivity extends CustomerActivity {

    UUID subscriptionId();

    @Override
    default String referenceType() {
        return "Subscription";
    }

    @Override
    default String referenceId() {
        return subscriptionId().toString();
    }

    /** The facts every subscription entry shows, in order, leaving out what is not set. */
    static Map<String, Object> details(
            String planKey,
            String planName,
            @Nullable String username,
            @Nullable String reason,
            @Nullable String note) {
        var details = new LinkedHashMap<String, Object>();
        details.put(planKey, planName);
        if (username != null) {
            details.put("username", username);
        }
        if (reason != null) {
            details.put("reason", reason);
        }
        if (note != null) {
            details.put("note", note);
        }
        return details;
    }
}
