@NullMarked
package io.moonknight.plans.internal;

import org.jspecify.annotations.NullMarked;
