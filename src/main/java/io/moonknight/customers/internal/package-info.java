@NullMarked
package io.moonknight.customers.internal;

import org.jspecify.annotations.NullMarked;
