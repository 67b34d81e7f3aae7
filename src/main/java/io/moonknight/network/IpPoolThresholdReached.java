package io.moonknight.network;

import java.util.UUID;

/** A pool's utilisation rose to its alert threshold (published once until it falls below again). */
public record IpPoolThresholdReached(
        UUID tenantId, UUID poolId, String poolName, long allocated, String usable, double percent, int threshold) {}
