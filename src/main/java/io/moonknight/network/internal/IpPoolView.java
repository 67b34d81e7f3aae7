package io.moonknight.network.internal;

import io.moonknight.network.IpPoolPurpose;
import io.moonknight.network.domain.IpFamily;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A pool with its utilisation.
 *
 * @param size how many assignments the prefix holds (a decimal string: an IPv6 pool may hold 2^64)
 * @param usable how many of them can be handed out (without network, broadcast, gateway and excluded ranges)
 * @param alert set while utilisation is at or over the threshold, or the pool is exhausted
 */
public record IpPoolView(
        UUID id,
        String name,
        IpFamily family,
        String prefix,
        int assignmentLength,
        IpPoolPurpose purpose,
        @Nullable String gateway,
        List<String> dnsServers,
        List<String> excluded,
        int alertThreshold,
        @Nullable String description,
        @Schema(example = "256") String size,
        @Schema(example = "253") String usable,
        long allocated,
        @Schema(example = "42.5") double utilizationPercent,
        @Nullable Alert alert,
        Instant createdAt,
        Instant updatedAt) {

    public enum Alert {
        THRESHOLD,
        EXHAUSTED
    }

    /** Utilisation for a progress bar, 0-100 (a tiny share of a huge pool still shows). */
    public double barPercent() {
        return allocated > 0 && utilizationPercent < 1 ? 1 : Math.min(100, utilizationPercent);
    }
}
