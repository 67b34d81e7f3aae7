@NullMarked
package io.moonknight.shared.events;

import org.jspecify.annotations.NullMarked;
