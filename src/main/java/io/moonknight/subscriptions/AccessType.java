package io.moonknight.subscriptions;

/**
 * How a subscriber connects: PPPoE (username and password), IPoE / DHCP (authenticated by MAC address,
 * optionally the DHCP Option 82 circuit id), hotspot (login or voucher), or a static IP address.
 */
public enum AccessType {
    PPPOE,
    IPOE,
    HOTSPOT,
    STATIC_IP
}
