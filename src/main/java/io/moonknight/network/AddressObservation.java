package io.moonknight.network;

/** What IPAM made of an address a NAS reported in use by a subscription ({@link IpAddressManagement#observe}). */
public enum AddressObservation {
    /** In none of the tenant's pools: nothing to record. */
    OUTSIDE_POOLS,
    /** Already allocated to that holder. */
    KNOWN,
    /** Was free: now the holder's observed lease. */
    RECORDED,
    /** The pool's network, broadcast or gateway address, or excluded: logged, nothing recorded. */
    RESERVED,
    /** Allocated to another holder: flagged on the pool's page and logged. */
    CONFLICT
}
