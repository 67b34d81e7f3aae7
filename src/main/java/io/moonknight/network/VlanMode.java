package io.moonknight.network;

/** A dedicated VLAN serves one subscription at a time; a shared one (a service VLAN) serves many. */
public enum VlanMode {
    DEDICATED,
    SHARED
}
