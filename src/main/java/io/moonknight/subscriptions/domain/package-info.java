@NullMarked
package io.moonknight.subscriptions.domain;

import org.jspecify.annotations.NullMarked;
