package io.moonknight.customers.internal;

/** A KYC document's review state: waiting, accepted, or refused with a reason. */
public enum DocumentStatus {
    PENDING,
    VERIFIED,
    REJECTED
}
