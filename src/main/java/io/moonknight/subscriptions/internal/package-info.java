@NullMarked
package io.moonknight.subscriptions.internal;

import org.jspecify.annotations.NullMarked;
