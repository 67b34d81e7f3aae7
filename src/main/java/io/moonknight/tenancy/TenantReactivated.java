package io.moonknight.tenancy;

import java.util.UUID;

public record TenantReactivated(UUID tenantId) {}
