package io.moonknight.network;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Hands out addresses for other modules, in the bound tenant and within the caller's transaction: an
 * allocation exists exactly when the change that needed it does. No address is ever handed out twice.
 */
public interface IpAddressManagement {

    /**
     * The holder type of a dynamic lease (a RADIUS session's address): not audited, as it comes and goes with
     * every session.
     */
    String LEASE = "Lease";

    Optional<IpPoolSummary> pool(UUID poolId);

    /** The tenant's pools, by name. */
    List<IpPoolSummary> pools();

    /**
     * Allocates {@code address} (an address or delegated prefix of the pool), or the lowest free one when it is
     * null. A taken address is a 409 problem {@code address-taken}; a full pool a 409 {@code pool-exhausted}.
     */
    IpAllocationView allocate(
            UUID poolId,
            @Nullable String address,
            @Nullable String holderType,
            @Nullable UUID holderId,
            @Nullable String note);

    Optional<IpAllocationView> allocation(UUID allocationId);

    /** Gives an allocation back to its pool; releasing one that is gone does nothing. */
    void release(UUID allocationId);

    /** What a holder has in a pool (the oldest, if several). */
    Optional<IpAllocationView> heldBy(UUID poolId, String holderType, UUID holderId);

    /** Releases everything a holder has, in every pool. */
    void releaseAll(String holderType, UUID holderId);
}
