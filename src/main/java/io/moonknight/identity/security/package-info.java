@NullMarked
package io.moonknight.identity.security;

import org.jspecify.annotations.NullMarked;
