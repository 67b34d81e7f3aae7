package io.moonknight.tenancy;

public enum TenantStatus {
    ACTIVE,
    SUSPENDED
}
