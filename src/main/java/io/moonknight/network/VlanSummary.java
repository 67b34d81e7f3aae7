package io.moonknight.network;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A VLAN as other modules see it.
 *
 * @param sVlan the outer (service) VLAN of a QinQ pair, null for plain 802.1Q
 * @param cVlan the (inner, customer) VLAN id
 */
public record VlanSummary(
        UUID id,
        String name,
        VlanScopeType scopeType,
        String scopeName,
        @Nullable Integer sVlan,
        int cVlan,
        VlanMode mode) {

    /** {@code 100} or {@code 2000.100} (S-VLAN.C-VLAN). */
    public String tag() {
        return sVlan == null ? String.valueOf(cVlan) : sVlan + "." + cVlan;
    }
}
