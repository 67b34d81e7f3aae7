@NullMarked
package io.moonknight.shared.security;

import org.jspecify.annotations.NullMarked;
