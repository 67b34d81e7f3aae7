package io.moonknight.network.internal;

import io.moonknight.network.NasAddressing;
import io.moonknight.network.NasStatus;
import io.moonknight.network.NasVendor;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A NAS without its secrets: {@code secretSet} and {@code apiPasswordSet} say whether they are stored.
 */
public record NasView(
        UUID id,
        String name,
        NasVendor vendor,
        String address,
        boolean secretSet,
        int coaPort,
        boolean supportsCoa,
        @Nullable String location,
        @Nullable Double latitude,
        @Nullable Double longitude,
        @Nullable Integer apiPort,
        boolean apiTls,

        @Schema(
                description = "Access-Requests without a valid Message-Authenticator are dropped (BlastRADIUS);"
                        + " switch off only for legacy gear")
        boolean requireMessageAuthenticator,

        NasAddressing addressing,
        @Nullable String apiUsername,
        boolean apiPasswordSet,
        @Nullable String description,
        NasStatus status,
        Instant createdAt,
        Instant updatedAt) {}
