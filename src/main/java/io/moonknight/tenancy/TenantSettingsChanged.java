package io.moonknight.tenancy;

import java.util.UUID;

public record TenantSettingsChanged(UUID tenantId, String name, String timezone, String currency, String locale) {}
