package io.moonknight.radius;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** What the RADIUS module has counted, for other modules (in the bound tenant). */
public interface UsageMeter {

    /**
     * Every octet counted for each subscription so far (input plus output, Gigawords included): a counter that
     * only grows, so the difference between two readings is what was used in between.
     */
    Map<UUID, Long> totalBytes(Collection<UUID> subscriptionIds);
}
