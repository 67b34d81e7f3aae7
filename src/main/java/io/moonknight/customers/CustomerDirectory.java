package io.moonknight.customers;

import java.util.Optional;
import java.util.UUID;

/** Looks customers up for other modules (in the bound tenant). */
public interface CustomerDirectory {

    Optional<CustomerSummary> find(UUID customerId);
}
