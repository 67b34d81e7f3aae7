package io.moonknight.shared.security;

/** Permissions held only by the platform operator, above all tenants. */
public final class PlatformPermissions {

    public static final String TENANTS_READ = "tenants:read";
    public static final String TENANTS_MANAGE = "tenants:manage";
    public static final String AUDIT_READ = "platform-audit:read";

    private PlatformPermissions() {}
}
