@NullMarked
package io.moonknight.shared.storage;

import org.jspecify.annotations.NullMarked;
