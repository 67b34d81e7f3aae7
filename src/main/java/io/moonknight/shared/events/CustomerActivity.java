package io.moonknight.shared.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened to a customer, for the customer's service-history timeline. Any module's event that
 * implements this (a subscription activated, an invoice issued, a payment received, a ticket opened, a device
 * installed) appears on the timeline when it is published; the customers module needs no change for it.
 */
public interface CustomerActivity {

    UUID tenantId();

    UUID customerId();

    Instant occurredAt();

    /** Dotted and past-tense, e.g. {@code subscription.activated}. */
    String activityKind();

    /** One line for people, e.g. "Subscription Fibre 50 activated". */
    String activityTitle();

    /** A few facts worth showing (amount, plan, ticket number), no secrets. */
    default Map<String, Object> activityDetails() {
        return Map.of();
    }

    /**
     * Whether the customer is now being served (a subscription was activated): a lead then becomes an active
     * customer.
     */
    default boolean startsService() {
        return false;
    }

    /** What the entry refers to, so the timeline can link to it ({@code Invoice}, id). */
    default @Nullable String referenceType() {
        return null;
    }

    default @Nullable String referenceId() {
        return null;
    }
}
