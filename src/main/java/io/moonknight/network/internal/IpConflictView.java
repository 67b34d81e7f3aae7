package io.moonknight.network.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An address a NAS reports in use by one subscription while IPAM has it allocated to another holder.
 *
 * @param reportedFor the subscription the NAS reported using it
 * @param holderType what IPAM has it allocated to
 */
public record IpConflictView(
        String address,
        UUID reportedFor,
        @Nullable String holderType,
        @Nullable UUID holderId,
        Instant firstSeen,
        Instant lastSeen) {}
