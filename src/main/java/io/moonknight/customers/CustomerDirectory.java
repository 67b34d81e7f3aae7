package io.moonknight.customers;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Looks customers up for other modules (in the bound tenant). */
public interface CustomerDirectory {

    Optional<CustomerSummary> find(UUID customerId);

    /** Several at once (for lists), by id; unknown ids are left out. */
    Map<UUID, CustomerSummary> findAll(Collection<UUID> customerIds);

    /** The customer with this account number (exact, as shown on invoices). */
    Optional<CustomerSummary> findByAccountNumber(String accountNumber);

    /**
     * The ids of up to {@code limit} customers whose name, account number, phone or email matches {@code text}
     * (every word of it, as the customer search reads it), best matches first; for other modules' filters.
     */
    List<UUID> matching(String text, int limit);

    /** Up to {@code limit} customers, oldest first (for demo data and samples). */
    List<CustomerSummary> first(int limit);
}
