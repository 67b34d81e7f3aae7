@NullMarked
package io.moonknight.tenancy.internal;

import org.jspecify.annotations.NullMarked;
