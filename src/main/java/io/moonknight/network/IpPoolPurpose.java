package io.moonknight.network;

/** Whether a pool's addresses are handed out per session (dynamic) or fixed to a subscription (static). */
public enum IpPoolPurpose {
    DYNAMIC,
    STATIC
}
