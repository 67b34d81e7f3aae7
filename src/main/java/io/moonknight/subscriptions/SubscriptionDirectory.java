package io.moonknight.subscriptions;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Looks subscriptions up for other modules (in the bound tenant). */
public interface SubscriptionDirectory {

    Optional<SubscriptionSummary> find(UUID subscriptionId);

    List<SubscriptionSummary> ofCustomer(UUID customerId);

    /** Subscriptions that are active or suspended (what a billing run considers), oldest first. */
    List<SubscriptionSummary> billable();

    /** The billable ones and those terminated at or after {@code endedSince}: their last days are billed too. */
    List<SubscriptionSummary> billable(java.time.Instant endedSince);

    /** Status and plan changes at or after {@code since}, oldest first, per subscription. */
    java.util.Map<UUID, List<BillingChange>> billingChanges(java.time.Instant since);
}
