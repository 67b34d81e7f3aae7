package io.moonknight.tenancy;

import java.util.UUID;

public record TenantCreated(UUID tenantId, String slug, String name) {}
