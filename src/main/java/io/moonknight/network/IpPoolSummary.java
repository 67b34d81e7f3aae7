package io.moonknight.network;

import java.util.UUID;

/**
 * A pool as other modules see it.
 *
 * @param assignmentLength what one allocation is: /32 or /128 for single addresses, e.g. /64 for delegated prefixes
 */
public record IpPoolSummary(
        UUID id, String name, boolean ipv6, String prefix, int assignmentLength, IpPoolPurpose purpose) {}
