@NullMarked
package io.moonknight.customers.domain;

import org.jspecify.annotations.NullMarked;
