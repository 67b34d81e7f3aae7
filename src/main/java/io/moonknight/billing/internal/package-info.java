@NullMarked
package io.moonknight.billing.internal;

import org.jspecify.annotations.NullMarked;
