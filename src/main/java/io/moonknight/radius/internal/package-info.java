@NullMarked
package io.moonknight.radius.internal;

import org.jspecify.annotations.NullMarked;
