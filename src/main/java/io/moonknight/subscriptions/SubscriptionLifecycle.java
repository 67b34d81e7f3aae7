package io.moonknight.subscriptions;

import java.util.List;
import java.util.UUID;

/**
 * Lifecycle steps other modules may take on a customer's subscriptions (billing's dunning), with the same
 * events, history and RADIUS enforcement as staff actions. The reason is kept, so a resume only undoes
 * suspensions made for that reason.
 */
public interface SubscriptionLifecycle {

    /** Suspends the customer's active subscriptions; returns those suspended. */
    List<UUID> suspendAll(UUID customerId, String reason, String note);

    /** Resumes the customer's subscriptions that were suspended with {@code reason}; returns those resumed. */
    List<UUID> resumeAll(UUID customerId, String reason);

    /** Sets a prepaid subscription's expiry (the last day of service); logged and audited. */
    void setExpiry(UUID subscriptionId, java.time.LocalDate expiresOn, String why);

    /** Suspends one subscription if it is active (e.g. prepaid validity ran out); false when it was not. */
    boolean suspendIfActive(UUID subscriptionId, String reason, String note);

    /** Resumes one subscription if it was suspended with {@code reason}; false when it was not. */
    boolean resumeIfSuspendedFor(UUID subscriptionId, String reason);

    /** Terminates the customer's subscriptions that have not ended; returns those terminated. */
    List<UUID> terminateAll(UUID customerId, String reason, String note);
}
