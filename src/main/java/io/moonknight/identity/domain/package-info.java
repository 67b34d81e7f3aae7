@NullMarked
package io.moonknight.identity.domain;

import org.jspecify.annotations.NullMarked;
