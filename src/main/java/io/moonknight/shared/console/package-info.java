@NullMarked
package io.moonknight.shared.console;

import org.jspecify.annotations.NullMarked;
