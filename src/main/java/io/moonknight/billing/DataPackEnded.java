package io.moonknight.billing;

import io.moonknight.shared.events.CustomerActivity;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A data pack ended: {@code reason} is {@code USED_UP} (its quota is gone) or {@code EXPIRED} (its validity ran
 * out first). On the customer's timeline; notifications will offer the next pack.
 */
public record DataPackEnded(
        UUID tenantId,
        UUID customerId,
        UUID subscriptionId,
        UUID packId,
        String packName,
        String reason,
        long usedBytes,
        Instant occurredAt)
        implements CustomerActivity {

    @Override
    public String activityKind() {
        return reason.equals("USED_UP") ? "billing.data-pack-used-up" : "billing.data-pack-expired";
    }

    @Override
    public String activityTitle() {
        return "Data pack " + packName + (reason.equals("USED_UP") ? " used up" : " expired");
    }

    @Override
    public Map<String, Object> activityDetails() {
        return Map.of("usedMegabytes", usedBytes / 1_000_000);
    }

    @Override
    public String referenceType() {
        return "Subscription";
    }

    @Override
    public String referenceId() {
        return subscriptionId.toString();
    }
}
