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

    /**
     * The holder's dynamic lease in the pool: the one it has, or the lowest free address. A holder has at most one
     * per pool, however many requests race; a full pool is a 409 problem {@code pool-exhausted}.
     */
    IpAllocationView lease(UUID poolId, UUID holderId);

    /**
     * An address a NAS reports in use by {@code holderId} (accounting): recorded as the holder's observed lease
     * when it lies free in one of the tenant's pools, so it is never handed out to anyone else; flagged as a
     * conflict on the pool's page when it is allocated to another holder. Observed leases go back with the
     * holder's other leases ({@link #releaseAll}).
     */
    AddressObservation observe(String address, UUID holderId);

    Optional<IpAllocationView> allocation(UUID allocationId);

    /** Gives an allocation back to its pool; releasing one that is gone does nothing. */
    void release(UUID allocationId);

    /** What a holder has in a pool (the oldest, if several). */
    Optional<IpAllocationView> heldBy(UUID poolId, String holderType, UUID holderId);

    /** Releases everything a holder has, in every pool. */
    void releaseAll(String holderType, UUID holderId);
}
