/**
 * The admin console shell: layout, sidebar built from the modules' menu items, dashboard, start-up banner.
 */
@ApplicationModule(displayName = "Console")
@NullMarked
package io.moonknight.console;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
