/** Value objects several modules use; each validates in its constructor. */
@NullMarked
package io.moonknight.shared.values;

import org.jspecify.annotations.NullMarked;
