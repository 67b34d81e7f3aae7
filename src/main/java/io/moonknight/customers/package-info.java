/**
 * Customers (subscribers): profiles, custom fields, geolocated addresses, KYC documents, the service-history
 * timeline, search, and CSV import and export. Other modules use {@link io.moonknight.customers.CustomerDirectory}
 * and put entries on the timeline by publishing {@link io.moonknight.shared.events.CustomerActivity} events.
 */
@ApplicationModule(displayName = "Customers")
@NullMarked
package io.moonknight.customers;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
