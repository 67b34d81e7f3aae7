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
}
