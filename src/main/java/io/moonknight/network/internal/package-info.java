@NullMarked
package io.moonknight.network.internal;

import org.jspecify.annotations.NullMarked;
