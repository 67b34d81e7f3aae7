package io.moonknight.subscriptions;

import java.util.Optional;
import java.util.UUID;

/**
 * Looks subscribers up for authentication, in the bound tenant. When a username or MAC address belongs to a
 * current subscription and to ended ones, the current one is returned; an ended one only when nothing else
 * has it (so the login is refused as terminated, not as unknown).
 */
public interface SubscriberAccess {

    Optional<AccessProfile> byUsername(String username);

    /** {@code mac} in any common notation. */
    Optional<AccessProfile> byMac(String mac);

    Optional<AccessProfile> bySubscription(UUID subscriptionId);

    /**
     * Every subscription, in any tenant, changed after {@code since}: how caches on every instance learn of
     * changes made elsewhere without reloading what did not change.
     */
    java.util.List<AccessChange> changedSince(java.time.Instant since);
}
