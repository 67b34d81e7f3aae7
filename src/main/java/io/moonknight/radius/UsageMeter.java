package io.moonknight.radius;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the RADIUS module has counted, for other modules (in the bound tenant). */
public interface UsageMeter {

    /**
     * Every octet counted for each subscription so far (input plus output, Gigawords included): a counter that
     * only grows, so the difference between two readings is what was used in between.
     */
    Map<UUID, Long> totalBytes(Collection<UUID> subscriptionIds);

    /**
     * What counts against each subscription's allowance on the days {@code from} (inclusive) to {@code until}
     * (exclusive), the tenant's local days: everything used, less what data packs paid for.
     */
    Map<UUID, Long> allowanceBytes(Collection<UUID> subscriptionIds, LocalDate from, LocalDate until);

    /**
     * Records bytes that data packs paid for, as of today, so that fair use and overage leave them out. Joins the
     * caller's transaction.
     */
    void covered(Map<UUID, Long> bytesBySubscription);

    /**
     * While a subscription has a data pack (until {@code until}; {@code null} when it has none left), its fair-use
     * limits do not apply. Live sessions past a limit get the rate that now applies once the caller commits.
     */
    void topUp(UUID subscriptionId, @Nullable Instant until);
}
