@NullMarked
package io.moonknight;

import org.jspecify.annotations.NullMarked;
