@NullMarked
package io.moonknight.billing.domain;

import org.jspecify.annotations.NullMarked;
