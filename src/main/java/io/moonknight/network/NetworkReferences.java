package io.moonknight.network;

import java.util.List;
import java.util.UUID;

/**
 * Implemented by modules that refer to pools, VLANs or NAS (plans, subscriptions), so the network module can
 * refuse to delete something still in use, and say where, without depending on those modules.
 */
public interface NetworkReferences {

    /** Where the pool is used, for people, e.g. "plan Fibre 50"; empty when unused. */
    default List<String> poolUses(UUID poolId) {
        return List.of();
    }

    default List<String> vlanUses(UUID vlanId) {
        return List.of();
    }

    default List<String> nasUses(UUID nasId) {
        return List.of();
    }
}
