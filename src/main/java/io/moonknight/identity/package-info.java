/**
 * Identity: staff and operator logins, roles and permissions (RBAC), JWT access and rotating refresh
 * tokens, console sessions. Implements {@link io.moonknight.tenancy.TenantAdminProvisioner}.
 */
@ApplicationModule(displayName = "Identity")
@NullMarked
package io.moonknight.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
