package io.moonknight.network;

import java.util.UUID;

/**
 * Implemented by modules whose records hold addresses (subscriptions), so the network module can check that a
 * holder named in an allocation request exists in the bound tenant without reading their tables, as
 * {@link NetworkReferences} does for uses.
 */
public interface AddressHolders {

    /** The holder type this module answers for, e.g. {@code Subscription}. */
    String holderType();

    /** Whether the holder exists in the bound tenant. */
    boolean exists(UUID holderId);
}
