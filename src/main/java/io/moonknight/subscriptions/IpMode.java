package io.moonknight.subscriptions;

/** How a subscription gets its address: none assigned by us, per session from a pool, or a fixed allocation. */
public enum IpMode {
    NONE,
    DYNAMIC,
    STATIC
}
