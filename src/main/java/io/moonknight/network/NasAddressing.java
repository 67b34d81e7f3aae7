package io.moonknight.network;

/**
 * Who hands out dynamic addresses for sessions on a NAS: MoonKnight (an address from the plan's pool, sent as
 * {@code Framed-IP-Address}) or the NAS itself (the pool's name sent as {@code Framed-Pool}).
 */
public enum NasAddressing {
    RADIUS,
    NAS_POOL
}
