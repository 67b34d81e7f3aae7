package io.moonknight.network;

import java.util.UUID;

/** A NAS as other modules see it (never with its secrets). */
public record NasSummary(
        UUID id, String name, NasVendor vendor, String address, boolean supportsCoa, int coaPort, NasStatus status) {}
