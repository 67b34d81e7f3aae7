@NullMarked
package io.moonknight.radius.domain;

import org.jspecify.annotations.NullMarked;
