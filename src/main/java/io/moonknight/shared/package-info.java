/**
 * Shared kernel: the few concepts every module uses (current tenant, acting principal, problem details,
 * pagination) and the extension points modules contribute to (permissions, console menu, demo data).
 * It depends on no other module.
 */
@ApplicationModule(displayName = "Shared kernel", type = ApplicationModule.Type.OPEN)
@NullMarked
package io.moonknight.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
