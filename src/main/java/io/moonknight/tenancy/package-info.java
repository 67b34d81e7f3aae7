/**
 * Tenants (the ISPs one deployment serves): their lifecycle, settings and resolution. Other modules use
 * {@link io.moonknight.tenancy.TenantDirectory} and the tenant events.
 */
@ApplicationModule(displayName = "Tenancy")
@NullMarked
package io.moonknight.tenancy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
