@NullMarked
package io.moonknight.audit.internal;

import org.jspecify.annotations.NullMarked;
