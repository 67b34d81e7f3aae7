@NullMarked
package io.moonknight.identity.internal;

import org.jspecify.annotations.NullMarked;
