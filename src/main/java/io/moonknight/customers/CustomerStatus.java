package io.moonknight.customers;

/** Where a customer stands: a lead (not yet served), active, suspended, or a former customer. */
public enum CustomerStatus {
    LEAD,
    ACTIVE,
    SUSPENDED,
    FORMER
}
