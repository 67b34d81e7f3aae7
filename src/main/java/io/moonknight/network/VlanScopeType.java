package io.moonknight.network;

/** What a VLAN id is unique within. */
public enum VlanScopeType {
    AREA,
    OLT,
    SWITCH
}
