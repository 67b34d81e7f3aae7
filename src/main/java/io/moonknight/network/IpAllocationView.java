package io.moonknight.network;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An address (or delegated prefix) handed out by a pool.
 *
 * @param address the address, or the prefix as {@code 2001:db8:0:5::/64}
 * @param holderType what holds it, e.g. {@code Subscription}
 * @param observed not handed out by IPAM but reported in use by a NAS (accounting), and recorded so
 */
public record IpAllocationView(
        UUID id,
        UUID poolId,
        String poolName,
        String address,
        @Nullable String holderType,
        @Nullable UUID holderId,
        @Nullable String note,
        @Nullable String allocatedBy,
        Instant allocatedAt,
        boolean observed) {}
