@NullMarked
package io.moonknight.shared.tenant;

import org.jspecify.annotations.NullMarked;
