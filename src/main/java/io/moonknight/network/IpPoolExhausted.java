package io.moonknight.network;

import java.util.UUID;

/** A pool handed out its last free address (published once until an address is released). */
public record IpPoolExhausted(UUID tenantId, UUID poolId, String poolName, long allocated) {}
