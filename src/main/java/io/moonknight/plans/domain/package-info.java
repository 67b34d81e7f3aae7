@NullMarked
package io.moonknight.plans.domain;

import org.jspecify.annotations.NullMarked;
