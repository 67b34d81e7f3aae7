@NullMarked
package io.moonknight.shared.config;

import org.jspecify.annotations.NullMarked;
