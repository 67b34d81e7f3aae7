/**
 * Subscriptions: a customer's service (plan, access type and credentials, IP assignment, VLAN, NAS,
 * installation address) and its lifecycle (pending, active, suspended, terminated; plan changes now or at the
 * next cycle). Every step is published as an event that also lands on the customer's timeline. Other modules
 * read subscriptions through {@link io.moonknight.subscriptions.SubscriptionDirectory}.
 */
@ApplicationModule(displayName = "Subscriptions")
@NullMarked
package io.moonknight.subscriptions;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
