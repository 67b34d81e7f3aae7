package io.moonknight.network;

import java.util.UUID;

/** A NAS was added, changed or removed: RADIUS reloads its clients. */
public record NasChanged(UUID tenantId, UUID nasId) {}
