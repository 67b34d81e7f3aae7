package io.moonknight.network;

public enum NasVendor {
    MIKROTIK,
    CISCO,
    JUNIPER,
    UBIQUITI,
    OTHER
}
