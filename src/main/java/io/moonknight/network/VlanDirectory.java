package io.moonknight.network;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Looks VLANs up for other modules (in the bound tenant). */
public interface VlanDirectory {

    Optional<VlanSummary> vlan(UUID vlanId);

    /** The tenant's VLANs by scope and tag, at most {@code limit} (for pickers). */
    List<VlanSummary> all(int limit);
}
