package io.moonknight.tenancy;

import java.util.UUID;

public record TenantSuspended(UUID tenantId, String reason) {}
