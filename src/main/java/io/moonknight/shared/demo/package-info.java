@NullMarked
package io.moonknight.shared.demo;

import org.jspecify.annotations.NullMarked;
