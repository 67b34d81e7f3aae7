package io.moonknight.network;

import java.util.UUID;

/** A NAS as the RADIUS server sees it: whose it is, its shared secret in clear, and how to talk to it. */
public record RadiusClient(
        UUID nasId,
        UUID tenantId,
        String name,
        NasVendor vendor,
        String address,
        String secret,
        boolean requireMessageAuthenticator,
        NasAddressing addressing,
        boolean supportsCoa,
        int coaPort) {

    @Override
    public String toString() {
        return "RadiusClient[" + name + " " + address + ", tenant " + tenantId + "]";
    }
}
